package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code OFFICE_PHONE_MOBILE_REMARK}: a principal who gives a mobile as office phone explains it in a remark — the
 * subject remark for the subject principal, the website's remark for a website's own principal. Parameters:
 * <ul>
 * <li>{@code needs}: what the remark states, any of {@code NAME} (the principal's name as given) and
 * {@code JOB_TITLE} (a job-title word from {@code titleWords}, or the word 职务);</li>
 * <li>{@code report}: {@code MISSING} (default: neither remark states it) or {@code OTHER_REMARK} (only the other
 * remark states it: the explanation is in the wrong place, a warning);</li>
 * <li>{@code refuse} (default {@code false}): a mobile is not accepted as office phone at all (the older source's
 * reading), with or without a remark;</li>
 * <li>{@code who} ({@link Principals.Who}, default {@code ALL_PRINCIPALS}).</li>
 * </ul>
 * Whether the remark is adequate stays the reviewer's judgement; this only finds the statement.
 */
final class OfficePhoneMobileRemark implements Check {

    static final List<String> TITLE_WORDS = List.of("职务", "职位", "经理", "总监", "主管", "主任", "董事", "总裁",
            "负责人", "专员", "职员", "员工", "法人", "法定代表人", "厂长", "店长", "会计", "出纳", "秘书", "工程师",
            "部长", "科长", "处长", "局长", "校长", "院长", "站长", "监事", "合伙人", "行政", "助理", "文员", "老板");

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "ALL_PRINCIPALS"));
        List<String> needs = rule.list("needs").stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        List<String> titles = rule.list("titleWords").isEmpty() ? TITLE_WORDS : rule.list("titleWords");
        boolean wrongPlace = "OTHER_REMARK".equals(rule.text("report", "MISSING"));
        boolean refuse = rule.flag("refuse");
        for (Principals.Named p : Principals.of(order, who)) {
            String phone = p.person().officePhone();
            if (phone == null || !Phones.isMainlandMobile(phone)) {
                continue;
            }
            String key = p.key() + ".officePhone";
            Map<String, String> args = Map.of("phone", PhoneAreas.mask(phone), "expected", expectedLabel(p.key()));
            if (refuse) {
                if (!wrongPlace) {
                    out.fail(key, args);
                }
                continue;
            }
            boolean inExpected = states(expectedRemark(order, p.key()), p.person(), needs, titles);
            boolean inOther = otherRemarks(order, p.key()).stream()
                    .anyMatch(r -> states(r, p.person(), needs, titles));
            if (wrongPlace ? !inExpected && inOther : !inExpected && !inOther) {
                out.fail(key, args);
            }
        }
    }

    static boolean states(String remark, OrderDocument.Person person, List<String> needs, List<String> titles) {
        if (remark == null || remark.isBlank()) {
            return false;
        }
        String r = remark.replaceAll("\\s", "");
        for (String need : needs) {
            if ("NAME".equals(need)) {
                String name = person.name() == null ? null : person.name().replaceAll("\\s", "");
                if (name != null && !name.isEmpty() ? !r.contains(name) : !r.contains("姓名")) {
                    return false;
                }
            } else if ("JOB_TITLE".equals(need) && titles.stream().noneMatch(r::contains)) {
                return false;
            }
        }
        return true;
    }

    private static String expectedRemark(OrderDocument order, String principalKey) {
        Integer i = websiteIndex(principalKey);
        if (i == null) {
            return order.subject() == null ? null : order.subject().remarks();
        }
        OrderDocument.Website w = order.websites().get(i);
        return w == null ? null : w.remarks();
    }

    private static List<String> otherRemarks(OrderDocument order, String principalKey) {
        List<String> out = new ArrayList<>();
        if (websiteIndex(principalKey) == null) {
            order.websites().stream().filter(w -> w != null).forEach(w -> out.add(w.remarks()));
        } else if (order.subject() != null) {
            out.add(order.subject().remarks());
        }
        return out;
    }

    private static String expectedLabel(String principalKey) {
        Integer i = websiteIndex(principalKey);
        return i == null ? "主体备注 / subject remark" : "网站备注 / website remark (websites[" + i + "].remarks)";
    }

    private static Integer websiteIndex(String principalKey) {
        if (!principalKey.startsWith("websites[")) {
            return null;
        }
        return Integer.valueOf(principalKey.substring("websites[".length(), principalKey.indexOf(']')));
    }
}
