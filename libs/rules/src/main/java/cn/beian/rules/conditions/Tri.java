package cn.beian.rules.conditions;

import java.util.List;

/** Three-valued logic: {@code null} is "cannot be judged". */
final class Tri {

    private Tri() {
    }

    /** True if any is true; otherwise unknown if any is unknown; otherwise false (also for none). */
    static Boolean any(List<Boolean> values) {
        boolean unknown = false;
        for (Boolean v : values) {
            if (Boolean.TRUE.equals(v)) {
                return true;
            }
            unknown |= v == null;
        }
        return unknown ? null : false;
    }

    /** False if any is false; otherwise unknown if any is unknown; otherwise true (also for none). */
    static Boolean all(List<Boolean> values) {
        boolean unknown = false;
        for (Boolean v : values) {
            if (Boolean.FALSE.equals(v)) {
                return false;
            }
            unknown |= v == null;
        }
        return unknown ? null : true;
    }

    static Boolean not(Boolean v) {
        return v == null ? null : !v;
    }
}
