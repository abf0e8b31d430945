package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code INDIVIDUAL_BUSINESS_REMARK}: an individual business without a trade name says so in a remark. Parameters:
 * {@code phrases}: the remark contains one of them; {@code number}: it also gives a number — {@code CERTIFICATE}
 * (the subject's certificate number) or {@code REGISTRATION} (a licence number: 15 digits or an 18-character code
 * that is not a principal's or the subject's ID number); {@code remark}: {@code SUBJECT} or {@code ANY} (default:
 * the subject's or a website's remark); {@code noTradeName} as for {@code INDIVIDUAL_BUSINESS_NATURE}.
 */
final class IndividualBusinessRemark implements Check {

    private static final Pattern LICENCE_NUMBER = Pattern.compile("(?<![0-9A-Z])([0-9]{15}|[0-9A-Z]{18})(?![0-9A-Z])");

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (!UnitSubjects.isIndividualBusiness(s) || !UnitSubjects.hasNoTradeName(rule, s)) {
            return;
        }
        List<String> remarks = UnitSubjects.remarks(order, rule.text("remark", "ANY"));
        List<String> phrases = rule.list("phrases");
        String number = rule.text("number");
        boolean ok = remarks.stream().anyMatch(r -> (phrases.isEmpty() || UnitSubjects.containsAny(r, phrases))
                && (number == null || givesNumber(r, number, s)));
        if (!ok) {
            out.fail("subject.remarks");
        }
    }

    private static boolean givesNumber(String remark, String kind, OrderDocument.Subject s) {
        String r = UnitSubjects.norm(remark);
        if ("CERTIFICATE".equals(kind)) {
            return !UnitSubjects.blank(s.certificateNumber()) && r.contains(UnitSubjects.norm(s.certificateNumber()));
        }
        List<String> people = new ArrayList<>();
        if (s.principal() != null) {
            people.add(UnitSubjects.norm(s.principal().certificateNumber()));
        }
        if (s.legalPerson() != null) {
            people.add(UnitSubjects.norm(s.legalPerson().certificateNumber()));
        }
        if (s.certificateType() != null && !s.certificateType().forUnits()) {
            people.add(UnitSubjects.norm(s.certificateNumber()));
        }
        Matcher m = LICENCE_NUMBER.matcher(r);
        while (m.find()) {
            if (!people.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }
}
