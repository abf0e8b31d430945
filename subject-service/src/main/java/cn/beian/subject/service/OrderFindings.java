package cn.beian.subject.service;

import cn.beian.contract.findings.Finding;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.rules.RuleFinding;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Subject;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every finding on an order, as the order view lists them and submission is refused with them: the province rules on
 * the subject (judged here, now) and the latest findings website- and materials-service announced for the order's
 * websites and materials ({@code PartReady.findings}, kept on the order). Each has its field key as a JSON path into
 * the order as the applicant edits it, and its words in the caller's language.
 */
@ApplicationScoped
public class OrderFindings {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    /** Which part of the order a finding is about, and so which service judged it. */
    public enum Part {
        SUBJECT, WEBSITES, MATERIALS
    }

    /**
     * One finding.
     *
     * @param severity   {@code BLOCKS} (refuses submission when failed), {@code WARNS} or {@code CHECKLIST}
     * @param outcome    {@code FAILED}, or {@code UNDETERMINED} where a fact was missing (the message says which)
     * @param suggestion what to do about it; {@code null} where the rule gives nothing
     */
    public record Item(Part part, String ruleId, String fieldKey, String severity, String outcome, String message,
            String suggestion) {

        public boolean blocks() {
            return "BLOCKS".equals(severity) && "FAILED".equals(outcome);
        }
    }

    private final SubjectRevisions revisions;
    private final SubjectFindings subjectFindings;
    private final Json json;
    private final MobileConfirmations mobiles;

    public OrderFindings(SubjectRevisions revisions, SubjectFindings subjectFindings, Json json,
            MobileConfirmations mobiles) {
        this.mobiles = mobiles;
        this.revisions = revisions;
        this.subjectFindings = subjectFindings;
        this.json = json;
    }

    /**
     * The order's findings: the subject's first (the province rules', then whether its principal's mobile is
     * confirmed, {@link MobileConfirmations}), then its websites', then its materials'; each once.
     */
    public Uni<List<Item>> of(FilingOrder o, boolean english) {
        return revisions.effectiveSubject(o).chain(subject -> subjectFindings.judge(o, subject, english)
                .chain(judged -> items(o, subject, judged, english)));
    }

    /**
     * The order's findings as {@link #of} lists them, with the subject's province-rule findings in both languages as
     * a submission's snapshot carries them: a submission (the applicant's or the provider's) judges the subject once
     * for both, not once for the findings and again for the snapshot.
     */
    public Uni<Judged> judged(FilingOrder o, boolean english) {
        return revisions.effectiveSubject(o).chain(subject -> subjectFindings.forSnapshot(o, subject)
                .chain(both -> items(o, subject, SubjectFindings.inLanguage(both, english), english)
                        .map(items -> new Judged(items, both))));
    }

    /** {@link #judged}'s answer: the order's findings, and the subject's in both languages. */
    public record Judged(List<Item> items, List<Finding> subjectFindings) {
    }

    private Uni<List<Item>> items(FilingOrder o, Subject subject, List<RuleFinding> judged, boolean english) {
        return mobiles.unconfirmedPrincipalMobile(o, subject).map(mobile -> {
            List<Item> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (RuleFinding f : judged) {
                add(out, seen, new Item(Part.SUBJECT, f.ruleId(), key(f.fieldKey()), f.severity().name(),
                        f.outcome().name(), f.message(), f.suggestion()));
            }
            mobile.ifPresent(m -> add(out, seen, new Item(Part.SUBJECT, MobileConfirmations.UNCONFIRMED,
                    "subject.principal.mobile", "BLOCKS", "FAILED",
                    Messages.text(english, "finding.mobile-unconfirmed", m),
                    Messages.text(english, "finding.mobile-unconfirmed.suggestion"))));
            part(out, seen, Part.WEBSITES, o.websitesFindings, english);
            part(out, seen, Part.MATERIALS, o.materialsFindings, english);
            return out;
        });
    }

    /**
     * Submission's refusal: one field violation per blocking finding (its field key, its rule, its words); a part not
     * judged complete that names no blocking finding is refused as a whole ({@code WEBSITES_INCOMPLETE},
     * {@code MATERIALS_INCOMPLETE}), as before its owner judged it. Empty: nothing keeps the order from submission.
     */
    public static List<FieldViolation> refusal(FilingOrder o, List<Item> findings) {
        List<FieldViolation> out = new ArrayList<>();
        for (Item f : findings) {
            if (f.blocks()) {
                out.add(new FieldViolation(f.fieldKey() != null ? f.fieldKey() : f.part().name().toLowerCase(),
                        "RULE_BROKEN", f.message(), f.ruleId()));
            }
        }
        if (o.websitesReadyVersion == null && findings.stream()
                .noneMatch(f -> f.part() == Part.WEBSITES && f.blocks())) {
            out.add(FieldViolation.of("websites", "WEBSITES_INCOMPLETE", "field.websites-incomplete"));
        }
        if (o.materialsReadyVersion == null && findings.stream()
                .noneMatch(f -> f.part() == Part.MATERIALS && f.blocks())) {
            out.add(FieldViolation.of("materials", "MATERIALS_INCOMPLETE", "field.materials-incomplete"));
        }
        return out;
    }

    /**
     * What tells one list of findings from another in any language: their parts, rules, fields and weights (part of
     * the order's ETag, {@link cn.beian.subject.domain.FilingOrder#viewTag}, which hashes it).
     */
    public static String fingerprint(List<Item> findings) {
        StringBuilder seen = new StringBuilder();
        for (Item f : findings) {
            seen.append(f.part()).append('|').append(f.ruleId()).append('|').append(f.fieldKey()).append('|')
                    .append(f.severity()).append('|').append(f.outcome()).append('\n');
        }
        return seen.toString();
    }

    private void part(List<Item> out, Set<String> seen, Part part, String stored, boolean english) {
        if (stored == null) {
            return;
        }
        List<Finding> findings = json.read(stored, FINDINGS);
        if (findings == null) {
            return;
        }
        for (Finding f : findings) {
            if (f != null) {
                add(out, seen, new Item(part, f.ruleId(), key(f.fieldKey()), f.weighed().name(), f.judged().name(),
                        f.message(english), f.suggestion(english)));
            }
        }
    }

    /**
     * A rule that judges the subject and the websites together is judged by both services; the whole-order finding it
     * may give is listed once.
     */
    private static void add(List<Item> out, Set<String> seen, Item f) {
        if (seen.add(f.ruleId() + "|" + f.fieldKey() + "|" + f.outcome())) {
            out.add(f);
        }
    }

    /** The rules' {@code $} (the whole order) is an absent field key, as in every finding. */
    private static String key(String fieldKey) {
        return "$".equals(fieldKey) ? null : fieldKey;
    }
}
