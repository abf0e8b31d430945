package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on how a unit files: principal and legal person, principal pairs, individual businesses, the investor
 * field, nature and certificate conventions, changes of nature.
 */
public final class UnitChecks {

    private UnitChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.of();
    }
}
