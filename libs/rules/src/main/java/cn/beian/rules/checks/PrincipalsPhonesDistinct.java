package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.List;
import java.util.Map;

/**
 * {@code PRINCIPALS_PHONES_DISTINCT}: within one order, each website's own principal against the subject principal
 * (and against each other): when they are the same person (same certificate number) their fixed-line office phones
 * are the same number; when they are different people their fixed lines differ, and so do their mobiles. A phone
 * the order does not give is not compared.
 */
final class PrincipalsPhonesDistinct implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        List<Principals.Named> all = Principals.of(order, Principals.Who.ALL_PRINCIPALS);
        for (int i = 1; i < all.size(); i++) {
            Principals.Named b = all.get(i);
            for (int j = 0; j < i; j++) {
                Principals.Named a = all.get(j);
                if (judgePair(a.person(), b, out)) {
                    break;
                }
            }
        }
    }

    /** Reports at most one finding per field of {@code b}; true when it reported one. */
    private static boolean judgePair(Person a, Principals.Named bn, Verdicts out) {
        Person b = bn.person();
        boolean same = Holders.samePerson(a, b);
        String la = landline(a.officePhone());
        String lb = landline(b.officePhone());
        if (la != null && lb != null && same != la.equals(lb)) {
            out.fail(bn.key() + ".officePhone", Map.of("phone", PhoneAreas.mask(b.officePhone()), "same",
                    same ? "同一人 / the same person" : "不同的人 / different people"));
            return true;
        }
        String ma = PhoneAreas.comparable(a.mobile());
        String mb = PhoneAreas.comparable(b.mobile());
        if (!same && ma != null && ma.equals(mb)) {
            out.fail(bn.key() + ".mobile", Map.of("phone", PhoneAreas.mask(b.mobile()), "same",
                    "不同的人 / different people"));
            return true;
        }
        return false;
    }

    private static String landline(String raw) {
        return raw != null && Phones.isOfficePhone(raw) ? PhoneAreas.comparable(raw) : null;
    }
}
