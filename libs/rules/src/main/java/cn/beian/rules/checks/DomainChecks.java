package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on domains and what is known of them outside the order: registrants, registrars, registry dates,
 * suffixes by date, reserved words in domain labels, the existing-site probe, the verification channel, access and
 * timers of the province.
 */
public final class DomainChecks {

    private DomainChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.of();
    }
}
