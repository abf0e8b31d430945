package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on a website as the applicant describes it: names, remarks and statements, content categories and
 * pre-approvals, homepage URLs and how domains are grouped into websites.
 */
public final class WebsiteChecks {

    private WebsiteChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.of();
    }
}
