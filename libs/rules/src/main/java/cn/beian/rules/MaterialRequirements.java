package cn.beian.rules;

import cn.beian.rules.conditions.MaterialConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The materials an order needs under the province rules ({@code materials.yaml}), in the caller's language: every row
 * of the order's province, nature and filing type whose condition holds, once for the subject ({@code SUBJECT} rows)
 * or once per website ({@code EACH_WEBSITE} rows). A row whose condition cannot be judged (a fact or a field is
 * missing) is listed too, flagged {@code undetermined}: the applicant is told it may be needed and the reviewer
 * decides. Pure; never throws on odd input (a condition that does is reported as undetermined).
 *
 * <p><b>Field keys.</b> {@code owner} is the owner's path in the order ({@code subject}, {@code websites[0]}, as in
 * {@link OrderDocument.UploadedMaterial#owner()}); {@code fieldKey} is {@code materials.<KIND>} for the subject's
 * documents and {@code websites[<i>].materials.<KIND>} for a website's, the key a finding about that document names.
 */
public final class MaterialRequirements {

    /** {@code SUBJECT}: one per order; {@code EACH_WEBSITE}: one per website. */
    public static final String SUBJECT = "SUBJECT";
    public static final String EACH_WEBSITE = "EACH_WEBSITE";

    /**
     * One required material.
     *
     * @param id           the catalogue id of the row that asks for it
     * @param material     the material kind (as materials-service names kinds)
     * @param owner        whose it is: {@code subject} or {@code websites[i]}
     * @param fieldKey     {@code materials.<KIND>} or {@code websites[i].materials.<KIND>}
     * @param preparedBy   who signs, seals or fingerprints it
     * @param instruction  what the applicant must do
     * @param undetermined the row's condition could not be judged: it may be needed
     * @param uploaded     a material of this kind is already uploaded for this owner
     */
    public record Required(String id, String material, String owner, String fieldKey, String preparedBy,
            String instruction, boolean undetermined, boolean uploaded) {
    }

    private MaterialRequirements() {
    }

    public static List<Required> of(OrderDocument order, Facts facts, boolean english) {
        return of(RuleBook.standard().materials(), order, facts, english, Map.of());
    }

    /**
     * As {@link #of(OrderDocument, Facts, boolean)}, with the caller's own answers for some conditions
     * ({@code answers}: condition name → its implementation), also inside combinations: for a caller that knows a
     * condition's answer without the fields the standard condition reads (materials-service keeps no certificate
     * numbers but knows from subject-service the certificate's province and whether the principal is under 18).
     */
    public static List<Required> of(OrderDocument order, Facts facts, boolean english, Map<String, Condition> answers) {
        return of(RuleBook.standard().materials(), order, facts, english, answers == null ? Map.of() : answers);
    }

    static List<Required> of(List<MaterialRow> rows, OrderDocument order, Facts facts, boolean english) {
        return of(rows, order, facts, english, Map.of());
    }

    private static List<Required> of(List<MaterialRow> rows, OrderDocument order, Facts facts, boolean english,
            Map<String, Condition> answers) {
        List<Required> out = new ArrayList<>();
        if (order == null) {
            return out;
        }
        for (MaterialRow row : rows) {
            if (!appliesTo(row, order)) {
                continue;
            }
            if (EACH_WEBSITE.equals(row.owner())) {
                for (int i = 0; i < order.websites().size(); i++) {
                    add(out, row, order, facts, i, english, answers);
                }
            } else {
                add(out, row, order, facts, null, english, answers);
            }
        }
        return out;
    }

    /** Whether the row concerns an order of this province, nature and filing type (its condition aside). */
    static boolean appliesTo(MaterialRow row, OrderDocument order) {
        return (row.provinces().isEmpty() || (order.province() != null && row.provinces().contains(order.province())))
                && (row.appliesTo() == null || row.appliesTo().to(order.nature()))
                && (row.filingTypes().isEmpty() || (order.type() != null && row.filingTypes().contains(order.type())));
    }

    /** The row's condition for the subject ({@code website} null) or one website: true, false, or null (unknown). */
    static Boolean holds(MaterialRow row, OrderDocument order, Facts facts, Integer website,
            Map<String, Condition> answers) {
        if (row.when() == null) {
            return true;
        }
        try {
            return MaterialConditions.evaluate(row.when().condition(), row.when().params(), order, facts, website,
                    name -> answers.containsKey(name) ? answers.get(name) : Conditions.find(name).orElse(null));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void add(List<Required> out, MaterialRow row, OrderDocument order, Facts facts, Integer website,
            boolean english, Map<String, Condition> answers) {
        Boolean holds = holds(row, order, facts, website, answers);
        if (Boolean.FALSE.equals(holds)) {
            return;
        }
        String owner = website == null ? "subject" : "websites[" + website + "]";
        String fieldKey = (website == null ? "" : owner + ".") + "materials." + row.material();
        boolean uploaded = order.materials().stream().filter(Objects::nonNull)
                .anyMatch(m -> row.material().equals(m.kind()) && owner.equals(m.owner()));
        out.add(new Required(row.id(), row.material(), owner, fieldKey,
                row.preparedBy() == null ? null : row.preparedBy().in(english),
                row.instruction() == null ? null : row.instruction().in(english), holds == null, uploaded));
    }
}
