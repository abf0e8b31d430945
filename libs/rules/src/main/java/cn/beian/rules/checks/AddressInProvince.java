package cn.beian.rules.checks;

import cn.beian.contract.domain.Province;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ADDRESS_IN_PROVINCE}: the subject's communication address lies in the subject's province: an address that
 * starts with another province's name fails. An address that names no province is not judged (many start with the
 * city or the district); the city is compared through the office phone's area ({@code OFFICE_PHONE_AREA}), since
 * county-level cities (昆山市 in 苏州) make a city name in the address a poor test.
 */
final class AddressInProvince implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || s.province() == null || s.communicationAddress() == null
                || s.communicationAddress().isBlank()) {
            return;
        }
        Optional<Province> named = PhoneAreas.provinceOf(s.communicationAddress().strip());
        if (named.isPresent() && named.get() != s.province()) {
            out.fail("subject.communicationAddress", Map.of("named", named.get().chineseName(), "province",
                    s.province().chineseName()));
        }
    }
}
