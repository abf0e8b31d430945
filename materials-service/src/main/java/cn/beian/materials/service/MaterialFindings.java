package cn.beian.materials.service;

import cn.beian.contract.findings.Finding;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.domain.Requirement;
import cn.beian.rules.MaterialRow;
import cn.beian.rules.RuleBook;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of an order's materials, as {@code material.order-readiness-changed} carries them to subject-service:
 * each document needed for submission and not there yet, once per catalogue rule that asks for it (with that rule's
 * words, as the stateless pre-check words it), or once as {@code MATERIAL_MISSING} where only docs/domain.md asks for
 * it. A document only a reviewer can tell is needed warns, undetermined; the curtain photo, needed after initial
 * review, is no finding before submission.
 *
 * <p>Field keys are the rules module's ({@code libs/rules} {@code MaterialRequirements}): {@code materials.<KIND>} for
 * the subject's and its principal's documents, {@code websites[<i>].materials.<KIND>} for a website's, its principal's
 * and its pre-approvals' — a JSON path into the order as the applicant edits it, the website by its position.
 */
final class MaterialFindings {

    /** The checker's own id for a document docs/domain.md asks for and no catalogue rule does. */
    static final String MATERIAL_MISSING = "MATERIAL_MISSING";
    private static final Pattern CATALOGUE_ID = Pattern.compile("[A-Z]{1,2}(-[A-Z])?-\\d{2}");
    private static final Pattern WEBSITE = Pattern.compile("^(websites\\[\\d+\\]).*");

    private MaterialFindings() {
    }

    static List<Finding> of(OrderProjection o, Readiness.Evaluation e) {
        List<Finding> out = new ArrayList<>();
        for (Readiness.Item item : e.missing()) {
            Requirement r = item.requirement();
            if (r.stage() != Requirement.Stage.SUBMISSION) {
                continue;
            }
            String key = fieldKey(r);
            List<String> ids = r.rules().stream().filter(id -> CATALOGUE_ID.matcher(id).matches()).toList();
            if (ids.isEmpty()) {
                out.add(finding(r, key, MATERIAL_MISSING, r.kind().label(false) + "：" + r.reason(),
                        "Missing: the " + r.kind().label(true), null, null));
                continue;
            }
            for (String id : ids) {
                MaterialRow row = row(o, id, r.kind().name());
                out.add(row == null ? finding(r, key, id, r.kind().label(false) + "：" + r.reason(),
                        "Missing: the " + r.kind().label(true), null, null)
                        : finding(r, key, id, row.instruction().zh(), row.instruction().en(),
                                row.preparedBy() == null ? null : row.preparedBy().zh(),
                                row.preparedBy() == null ? null : row.preparedBy().en()));
            }
        }
        return out;
    }

    /** {@code subject.principal.ID_FRONT} → {@code materials.ID_FRONT}; {@code websites[0].principal.ID_FRONT} → {@code websites[0].materials.ID_FRONT}. */
    static String fieldKey(Requirement r) {
        Matcher m = WEBSITE.matcher(r.fieldKey());
        return (m.matches() ? m.group(1) + "." : "") + "materials." + r.kind().name();
    }

    private static Finding finding(Requirement r, String key, String ruleId, String zh, String en, String howZh,
            String howEn) {
        return r.blocking()
                ? new Finding(ruleId, key, Finding.Severity.BLOCKING, zh, en, howZh, howEn, Finding.Weight.BLOCKS,
                        Finding.Outcome.FAILED)
                : new Finding(ruleId, key, Finding.Severity.WARNING, zh, en, howZh, howEn, Finding.Weight.WARNS,
                        Finding.Outcome.UNDETERMINED);
    }

    /** The rules data's row of that id for this document (an id may have a row per filing type or nature). */
    private static MaterialRow row(OrderProjection o, String id, String kind) {
        MaterialRow any = null;
        for (MaterialRow row : RuleBook.standard().materials()) {
            if (!row.id().equals(id) || !row.material().equals(kind)) {
                continue;
            }
            if ((row.filingTypes().isEmpty() || row.filingTypes().contains(o.type))
                    && (row.appliesTo() == null || row.appliesTo().to(o.nature))) {
                return row;
            }
            any = any == null ? row : any;
        }
        return any;
    }
}
