package cn.beian.website.service;

import cn.beian.contract.events.snapshot.FieldChange;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.domain.WebsiteContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a CHANGE order does to an approved website (docs/domain.md §3.4), field by field: the diff against the website
 * as approved that the reviewer reads (before → after, personal data masked by {@link FieldChange}), and which fields
 * the order's kind lets the applicant edit — a WEBSITE change everything but the access information, an ACCESS change
 * only the access information (servers and authorization codes), a SUBJECT change none.
 */
public final class WebsiteChanges {

    /** The access information (接入信息) of a website: where this provider serves it from. */
    static final Set<String> ACCESS_FIELDS = Set.of("serverIds", "authorizationCodes");

    private WebsiteChanges() {
    }

    /** Each field of {@code after} that differs from {@code before}, keyed under {@code at} ({@code websites[0]}). */
    public static List<FieldChange> between(String at, WebsiteContent before, WebsiteContent after) {
        Map<String, String> was = fields(before);
        Map<String, String> now = fields(after);
        List<FieldChange> out = new ArrayList<>();
        was.forEach((field, value) -> {
            if (!Objects.equals(value, now.get(field))) {
                out.add(FieldChange.of(at + "." + field, value, now.get(field)));
            }
        });
        return out;
    }

    /** Whether a change of {@code kind} may edit {@code field} (a key of {@link #fields}) of its websites. */
    static boolean allowed(ChangeKind kind, String field) {
        String root = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        return switch (kind) {
            case SUBJECT -> false;
            case WEBSITE -> !ACCESS_FIELDS.contains(root);
            case ACCESS -> ACCESS_FIELDS.contains(root);
        };
    }

    /**
     * 409 {@code CHANGE_OUTSIDE_KIND} naming each field ({@code websites[i].serverIds} …) that {@code sent} changes in
     * {@code current} and the change order's kind does not allow; nothing for other orders or a change without a kind.
     */
    static void requireWithinKind(OrderProjection o, int position, WebsiteContent current, WebsiteContent sent) {
        if (o.type != FilingType.CHANGE || o.changeKind == null) {
            return;
        }
        String at = "websites[" + position + "]";
        Map<String, String> was = fields(current);
        Map<String, String> now = fields(sent);
        List<FieldViolation> errors = new ArrayList<>();
        was.forEach((field, value) -> {
            if (!Objects.equals(value, now.get(field)) && !allowed(o.changeKind, field)) {
                errors.add(FieldViolation.of(at + "." + field, "CHANGE_OUTSIDE_KIND", "field.change-outside-kind",
                        o.changeKind.name()));
            }
        });
        if (!errors.isEmpty()) {
            throw outsideKind(o, errors);
        }
    }

    /**
     * A change order's websites are the approved ones it was opened with: none is added or removed. A change of
     * websites or of access information picked them ({@code CHANGE_WEBSITES_FIXED}); a change of the subject does not
     * touch them ({@code CHANGE_OUTSIDE_KIND}).
     */
    static void requireSameWebsites(OrderProjection o) {
        if (o.type != FilingType.CHANGE || o.changeKind == null) {
            return;
        }
        if (o.changeKind == ChangeKind.SUBJECT) {
            throw outsideKind(o, List.of(FieldViolation.of("websites", "CHANGE_OUTSIDE_KIND",
                    "field.change-outside-kind", o.changeKind.name())));
        }
        throw ProblemException.localized(ProblemType.CONFLICT, "detail.change-websites-fixed",
                List.of(FieldViolation.of("websites", "CHANGE_WEBSITES_FIXED", "field.change-websites-fixed")),
                o.changeKind.name()).with("code", "CHANGE_WEBSITES_FIXED").with("changeKind", o.changeKind.name());
    }

    private static ProblemException outsideKind(OrderProjection o, List<FieldViolation> errors) {
        return ProblemException.localized(ProblemType.CONFLICT, "detail.change-outside-kind", errors,
                o.changeKind.name()).with("code", "CHANGE_OUTSIDE_KIND").with("changeKind", o.changeKind.name());
    }

    /** A website's fields as compared, in the order of its form, each as text ({@code null} when empty). */
    static Map<String, String> fields(WebsiteContent c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("domains", list(c.domains()));
        m.put("homepageUrls", list(c.homepageUrls()));
        m.put("serviceContent", c.serviceContent() == null ? null : c.serviceContent().name());
        m.put("preApprovals", list(c.preApprovals().stream()
                .map(p -> p.type() + (p.documentNumber() == null ? "" : " " + p.documentNumber())).toList()));
        m.put("languages", list(c.languages()));
        m.put("remarks", c.remarks());
        m.put("principalSameAsSubject", String.valueOf(c.principalSameAsSubject()));
        WebsiteContent.Principal p = c.principal();
        m.put("principal.name", p == null ? null : p.name());
        m.put("principal.certificateType", p == null || p.certificateType() == null ? null
                : p.certificateType().name());
        m.put("principal.certificateNumber", p == null ? null : p.certificateNumber());
        m.put("principal.mobile", p == null ? null : p.mobile());
        m.put("principal.email", p == null ? null : p.email());
        m.put("principal.certificateValidUntil", p == null || p.certificateValidUntil() == null ? null
                : p.certificateValidUntil().toString());
        m.put("serverIds", list(c.serverIds()));
        m.put("authorizationCodes", list(c.authorizationCodes()));
        return m;
    }

    private static String list(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
