package cn.beian.contract.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 31 provincial-level administrations that issue filing numbers, with the GB/T 2260 two-digit code that
 * resident ID numbers and unified social credit codes carry, and the abbreviation used in filing numbers
 * ({@code 京ICP备12345678号}).
 */
public enum Province {
    BEIJING("11", "京", "北京"),
    TIANJIN("12", "津", "天津"),
    HEBEI("13", "冀", "河北"),
    SHANXI("14", "晋", "山西"),
    INNER_MONGOLIA("15", "蒙", "内蒙古"),
    LIAONING("21", "辽", "辽宁"),
    JILIN("22", "吉", "吉林"),
    HEILONGJIANG("23", "黑", "黑龙江"),
    SHANGHAI("31", "沪", "上海"),
    JIANGSU("32", "苏", "江苏"),
    ZHEJIANG("33", "浙", "浙江"),
    ANHUI("34", "皖", "安徽"),
    FUJIAN("35", "闽", "福建"),
    JIANGXI("36", "赣", "江西"),
    SHANDONG("37", "鲁", "山东"),
    HENAN("41", "豫", "河南"),
    HUBEI("42", "鄂", "湖北"),
    HUNAN("43", "湘", "湖南"),
    GUANGDONG("44", "粤", "广东"),
    GUANGXI("45", "桂", "广西"),
    HAINAN("46", "琼", "海南"),
    CHONGQING("50", "渝", "重庆"),
    SICHUAN("51", "川", "四川"),
    GUIZHOU("52", "贵", "贵州"),
    YUNNAN("53", "云", "云南"),
    TIBET("54", "藏", "西藏"),
    SHAANXI("61", "陕", "陕西"),
    GANSU("62", "甘", "甘肃"),
    QINGHAI("63", "青", "青海"),
    NINGXIA("64", "宁", "宁夏"),
    XINJIANG("65", "新", "新疆");

    private final String code;
    private final String abbreviation;
    private final String chineseName;

    Province(String code, String abbreviation, String chineseName) {
        this.code = code;
        this.abbreviation = abbreviation;
        this.chineseName = chineseName;
    }

    /** GB/T 2260 two-digit code, e.g. {@code 11} for Beijing. */
    public String code() {
        return code;
    }

    /** One-character abbreviation used in filing numbers, e.g. {@code 京}. */
    public String abbreviation() {
        return abbreviation;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<Province> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
