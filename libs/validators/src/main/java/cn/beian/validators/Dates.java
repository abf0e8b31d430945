package cn.beian.validators;

import java.time.LocalDate;
import java.time.ZoneId;

final class Dates {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Dates() {
    }

    static LocalDate todayInChina() {
        return LocalDate.now(CHINA);
    }
}
