package cn.beian.rules.checks;

import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.rules.Check;
import cn.beian.rules.ContentCategory;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code CONTENT_CATEGORIES}: which content categories ({@link ContentCategory}) a website may carry. Parameters:
 * <ul>
 * <li>{@code forbidden}: categories refused; or {@code allowed}: the only categories permitted;</li>
 * <li>{@code unlessPreApproval}: category → {@link PreApprovalType}: a refused category is fine when the website
 * declares that pre-approval. Persons cannot obtain pre-approvals, so for a person it never excuses;</li>
 * <li>{@code evidence}: {@code DECLARED} (default) judges the categories the applicant declares, reported on
 * {@code websites[i].<reportOn>} ({@code contentCategories} by default, or {@code preApprovals});
 * {@code KEYWORDS} judges, only when no category is declared, the keywords of the name and the remark that suggest
 * a category, reported on {@code websites[i].name} or {@code websites[i].remarks} (meant for a CHECKLIST row: a
 * keyword is a hint for the reviewer, not proof).</li>
 * </ul>
 * Arguments: {@code {category}}, {@code {categoryEn}}, {@code {preApproval}}, {@code {preApprovalEn}} (empty when
 * the category has none), {@code {keyword}} (KEYWORDS only).
 */
final class ContentCategories implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Set<ContentCategory> forbidden = categories(rule.list("forbidden"));
        Set<ContentCategory> allowed = categories(rule.list("allowed"));
        Map<ContentCategory, PreApprovalType> unless = approvals(rule.params().get("unlessPreApproval"));
        boolean keywords = "KEYWORDS".equals(rule.text("evidence", "DECLARED"));
        String reportOn = rule.text("reportOn", "contentCategories");
        boolean person = order.nature() == SubjectNature.PERSON;
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            Set<PreApprovalType> held = EnumSet.noneOf(PreApprovalType.class);
            if (!person) {
                w.preApprovals().stream().filter(p -> p != null && p.type() != null).forEach(p -> held.add(p.type()));
            }
            Set<ContentCategory> declared = new LinkedHashSet<>();
            w.contentCategories().stream().filter(c -> c != null).forEach(declared::add);
            String prefix = "websites[" + i + "].";
            if (!keywords) {
                for (ContentCategory c : declared) {
                    if (refused(c, forbidden, allowed, unless, held)) {
                        out.fail(prefix + reportOn, args(c, unless.get(c), null));
                    }
                }
                continue;
            }
            if (!declared.isEmpty()) {
                continue;
            }
            Map<String, String> texts = new java.util.LinkedHashMap<>();
            texts.put("name", w.name());
            texts.put("remarks", w.remarks());
            for (Map.Entry<String, String> t : texts.entrySet()) {
                for (ContentCategory c : ContentCategory.values()) {
                    String k = ContentCategoryWords.keywordIn(c, t.getValue());
                    if (k != null && refused(c, forbidden, allowed, unless, held)) {
                        out.fail(prefix + t.getKey(), args(c, unless.get(c), k));
                    }
                }
            }
        }
    }

    private static boolean refused(ContentCategory c, Set<ContentCategory> forbidden, Set<ContentCategory> allowed,
            Map<ContentCategory, PreApprovalType> unless, Set<PreApprovalType> held) {
        boolean refused = forbidden.contains(c) || (!allowed.isEmpty() && !allowed.contains(c));
        return refused && !(unless.containsKey(c) && held.contains(unless.get(c)));
    }

    private static Map<String, String> args(ContentCategory c, PreApprovalType t, String keyword) {
        Map<String, String> a = new HashMap<>();
        a.put("category", ContentCategoryWords.of(c).zh());
        a.put("categoryEn", ContentCategoryWords.of(c).en());
        a.put("preApproval", t == null ? "" : t.chineseName());
        a.put("preApprovalEn", t == null ? "" : t.englishName());
        a.put("keyword", keyword == null ? "" : keyword);
        return a;
    }

    static Set<ContentCategory> categories(List<String> names) {
        Set<ContentCategory> out = EnumSet.noneOf(ContentCategory.class);
        names.forEach(n -> out.add(ContentCategory.valueOf(n.strip())));
        return out;
    }

    private static Map<ContentCategory, PreApprovalType> approvals(Object v) {
        Map<ContentCategory, PreApprovalType> out = new EnumMap<>(ContentCategory.class);
        PersonalStatementRemark.stringMap(v).forEach((k, t) ->
                out.put(ContentCategory.valueOf(k.strip()), PreApprovalType.valueOf(t.strip())));
        return out;
    }
}
