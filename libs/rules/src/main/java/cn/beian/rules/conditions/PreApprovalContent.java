package cn.beian.rules.conditions;

import cn.beian.contract.domain.PreApprovalType;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Website;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PRE_APPROVAL_CONTENT}: the website's content needs a pre-approval of one of {@code types} (names of
 * {@link PreApprovalType}; default every type). {@code by}: {@code DECLARED} — the website declares such a
 * pre-approval; {@code WORDS} — its name or remarks (and the subject's name with {@code subjectName: true}) hold one
 * of those types' keywords; {@code EITHER} (default) — true when declared, unknown (the reviewer decides) when only a
 * keyword suggests it. Asked about the subject: any website.
 */
final class PreApprovalContent implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        Set<PreApprovalType> types = types(Params.list(params, "types"));
        String by = Params.text(params, "by", "EITHER");
        List<Texts.Where> in = new ArrayList<>(List.of(Texts.Where.WEBSITE_NAME, Texts.Where.WEBSITE_REMARKS));
        if (Params.flag(params, "subjectName")) {
            in.add(Texts.Where.SUBJECT_NAME);
        }
        List<String> words = types.stream().flatMap(t -> Arrays.stream(t.keywords())).toList();
        return Sites.any(order, website, w -> {
            if (!"WORDS".equals(by) && declared(w, types)) {
                return true;
            }
            if ("DECLARED".equals(by) || !Texts.containsAny(Texts.of(order, w, in), words)) {
                return false;
            }
            // a keyword only suggests the content: with EITHER, the reviewer decides
            return "WORDS".equals(by) ? Boolean.TRUE : null;
        });
    }

    private static boolean declared(Website w, Set<PreApprovalType> types) {
        return w.preApprovals().stream().anyMatch(p -> p != null && p.type() != null && types.contains(p.type()));
    }

    private static Set<PreApprovalType> types(List<String> names) {
        Set<PreApprovalType> out = EnumSet.noneOf(PreApprovalType.class);
        for (String n : names) {
            try {
                out.add(PreApprovalType.valueOf(n.strip()));
            } catch (IllegalArgumentException e) {
                // an unknown type is ignored
            }
        }
        return out.isEmpty() ? EnumSet.allOf(PreApprovalType.class) : out;
    }
}
