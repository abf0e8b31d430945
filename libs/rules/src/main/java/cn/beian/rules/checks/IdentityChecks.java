package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on the people and numbers of an order: mobiles' registered province, certificate regions, validity and
 * ages, office phones and addresses, certificate types, numbers shared with other subjects.
 */
public final class IdentityChecks {

    private IdentityChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.of("MOBILE_PROVINCE", new MobileProvince());
    }
}
