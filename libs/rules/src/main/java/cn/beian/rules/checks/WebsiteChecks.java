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
        return Map.ofEntries(
                Map.entry("HOMEPAGE_URLS", new HomepageUrls()),
                Map.entry("DOMAINS_PER_WEBSITE", new DomainsPerWebsite()),
                Map.entry("CONTENT_REMARK", new ContentRemark()),
                Map.entry("PERSONAL_STATEMENT_REMARK", new PersonalStatementRemark()),
                Map.entry("CONTENT_CATEGORIES", new ContentCategories()),
                Map.entry("SERVICE_CONTENT_ALLOWED", new ServiceContentAllowed()),
                Map.entry("WEBSITE_NAME_FORM", new WebsiteNameForm()),
                Map.entry("WEBSITE_NAME_PREFIX_NEEDS_SUBJECT", new WebsiteNamePrefixNeedsSubject()),
                Map.entry("WEBSITE_NAME_WORDS_NEED_REMARK", new WebsiteNameWordsNeedRemark()),
                Map.entry("WEBSITE_NAME_EQUALS_SUBJECT", new WebsiteNameEqualsSubject()),
                Map.entry("PERSONAL_SITE_NAME_OWNER", new PersonalSiteNameOwner()),
                Map.entry("PRE_APPROVAL_WITHOUT_NUMBER", new PreApprovalWithoutNumber()));
    }
}
