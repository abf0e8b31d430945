package cn.beian.subject.service;

import cn.beian.contract.findings.Finding;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Outcome;
import cn.beian.rules.Rule;
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import cn.beian.rules.Severity;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The province rules on the subject an order files (libs/rules): every rule that judges a subject field, on the
 * subject alone (a rule's parts about websites find nothing here; website-service judges those). The records the
 * rules read about other subjects ({@link Facts.Records}) are this provider's filed subjects and their principals
 * ({@link SubjectRecords}); website principals of other filings are website-service's and not among them.
 */
@ApplicationScoped
public class SubjectFindings {

    private final RuleEngine engine = RuleEngine.standard().only(SubjectFindings::onTheSubject);
    private final BeianClock clock;
    private final SubjectRecords records;

    public SubjectFindings(BeianClock clock, SubjectRecords records) {
        this.clock = clock;
        this.records = records;
    }

    public Uni<List<RuleFinding>> judge(FilingOrder order, Subject subject, boolean english) {
        return records.of(subject).map(r -> judge(order, subject, r, english));
    }

    private List<RuleFinding> judge(FilingOrder order, Subject subject, Facts.Records records, boolean english) {
        return engine.judge(document(order, subject), facts(records), english);
    }

    /** The subject's findings as the snapshot carries them to reviewers, in both languages. */
    public Uni<List<Finding>> forSnapshot(FilingOrder order, Subject subject) {
        return records.of(subject).map(r -> engine.findings(document(order, subject), facts(r)));
    }

    /**
     * The findings of {@link #forSnapshot} as {@link #judge} words them in one language: the same rules, fields,
     * weights, outcomes and words ({@code $}, the whole order, for an absent field key).
     */
    static List<RuleFinding> inLanguage(List<Finding> both, boolean english) {
        return both.stream().map(f -> new RuleFinding(f.ruleId(), f.fieldKey() == null ? "$" : f.fieldKey(),
                Severity.valueOf(f.weighed().name()), Outcome.valueOf(f.judged().name()),
                english ? f.messageEn() : f.message(), english ? f.suggestionEn() : f.suggestion())).toList();
    }

    private Facts facts(Facts.Records records) {
        return new Facts(LocalDate.now(clock), null, null, records, null, null);
    }

    static boolean onTheSubject(Rule rule) {
        return rule.fields().stream().anyMatch(f -> f.startsWith("subject"));
    }

    static OrderDocument document(FilingOrder order, Subject s) {
        return new OrderDocument(order.type, order.changeKind == null ? null
                : OrderDocument.ChangeKind.valueOf(order.changeKind.name()), new OrderDocument.Subject(s.nature, s.province, s.city,
                s.district, s.name, s.certificateType, s.certificateNumber, null, s.certificateAddress,
                s.communicationAddress, s.investor, s.remarks, null, null, null, person(s.principal),
                s.legalPersonName == null ? null : new OrderDocument.Person(s.legalPersonName,
                        s.legalPersonCertificateType, s.legalPersonCertificateNumber, null, null, null, null)),
                List.of(), List.of(), null);
    }

    private static OrderDocument.Person person(Principal p) {
        return p == null ? null : new OrderDocument.Person(p.name, p.certificateType, p.certificateNumber, null,
                p.mobile, p.officePhone, p.email);
    }
}
