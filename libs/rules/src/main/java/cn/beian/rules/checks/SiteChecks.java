package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on websites and domains: registrants, registry dates and registrars, suffixes, homepages, domain
 * grouping, remarks, names, content categories and pre-approvals, the existing-site probe.
 */
public final class SiteChecks {

    private SiteChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.of();
    }
}
