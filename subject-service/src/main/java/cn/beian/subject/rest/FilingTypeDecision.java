package cn.beian.subject.rest;

import cn.beian.contract.order.FilingType;
import cn.beian.subject.service.FilingTypeDecider;
import java.util.List;

/**
 * The decided filing type, or the conflicts that stop any filing and what the applicant can do about each.
 *
 * @param type                {@code null} when there are conflicts
 * @param subjectFilingNumber the subject's number where it is already filed (here or elsewhere); absent when the
 *                            certificate is held by another account here (nothing of that holding is revealed)
 */
public record FilingTypeDecision(FilingType type, String subjectFilingNumber, List<Conflict> conflicts) {

    static FilingTypeDecision of(FilingTypeDecider.Decision d) {
        return new FilingTypeDecision(d.type(), d.subjectFilingNumber(), d.conflicts().stream()
                .map(c -> new Conflict(c.field(), c.code(), c.message(), c.action(), c.ruleId())).toList());
    }

    /**
     * @param field  the request field it concerns, e.g. {@code domains[1]}
     * @param code   stable code, e.g. {@code DOMAIN_FILED_UNDER_ANOTHER_SUBJECT}
     * @param action what the applicant can do
     * @param rule   the docs/province-rules.md id where a province rule is the reason, else absent
     */
    public record Conflict(String field, String code, String message, String action, String rule) {
    }
}
