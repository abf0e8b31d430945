package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.SocialCreditCodes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SUBJECT_LOCATED_IN_PROVINCE}: the subject itself is in the order's province — its communication address
 * names the province or one of {@code places} (its cities), and a unit's unified social credit code is registered
 * there. An address that starts with another province fails; one that names no place is undetermined.
 */
final class SubjectLocatedInProvince implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        Province here = order.province();
        if (s == null || here == null) {
            return;
        }
        String address = s.communicationAddress();
        if (!UnitSubjects.blank(address)) {
            List<String> places = new java.util.ArrayList<>(rule.list("places"));
            places.add(here.chineseName());
            String a = UnitSubjects.norm(address);
            if (!UnitSubjects.containsAny(address, places)) {
                Optional<Province> other = Arrays.stream(Province.values())
                        .filter(p -> p != here && a.startsWith(p.chineseName())).findFirst();
                if (other.isPresent()) {
                    out.fail("subject.communicationAddress", Map.of("place", other.get().chineseName()));
                } else {
                    out.undetermined("subject.communicationAddress",
                            "地址未写明省市 / the address names no province or city");
                }
            }
        }
        if (s.nature() != null && s.nature().isUnit() && s.certificateType() == CertificateType.BUSINESS_LICENSE
                && s.certificateNumber() != null && s.certificateNumber().strip().length() == 18) {
            Optional<Province> registered = SocialCreditCodes.province(s.certificateNumber().strip());
            if (registered.isPresent() && registered.get() != here) {
                out.fail("subject.certificateNumber", Map.of("place", registered.get().chineseName()));
            }
        }
    }
}
