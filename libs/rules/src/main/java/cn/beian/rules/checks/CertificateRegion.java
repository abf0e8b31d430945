package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.ResidentIdNumbers;
import cn.beian.validators.SocialCreditCodes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CERTIFICATE_REGION}: the certificate was issued in the order's province — a resident ID number's region code
 * (its first two digits), a unified social credit code's registering region (characters 3–4). Parameter {@code whose}
 * (see {@link Holders.Whose}; default {@code SUBJECT}). Certificates that carry no region (passports, permits, old
 * organization codes) are not judged; a code registered at national level is not either; a malformed number is the
 * shape check's business.
 */
final class CertificateRegion implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Province province = order.province();
        if (province == null) {
            return;
        }
        for (Holders.Holder h : Holders.of(order, Holders.whose(rule.text("whose"), Holders.Whose.SUBJECT))) {
            String number = Holders.normalised(h.number());
            if (number == null) {
                continue;
            }
            Optional<String> code = regionCode(h.type(), number, facts);
            if (code.isPresent() && !code.get().equals(province.code())) {
                out.fail(h.field("certificateNumber"), Map.of("number", Masking.certificateNumber(number),
                        "region", regionName(code.get())));
            }
        }
    }

    private static Optional<String> regionCode(CertificateType type, String number, Facts facts) {
        if (type == null || type == CertificateType.RESIDENT_ID) {
            boolean id = facts.today() == null ? ResidentIdNumbers.birthDate(number).isPresent() && number.length() == 18
                    : ResidentIdNumbers.isValid(number, facts.today());
            if (id || ResidentIdNumbers.isOldStyle(number)) {
                return Optional.of(number.substring(0, 2));
            }
        }
        if ((type == null || type.forUnits()) && SocialCreditCodes.isValid(number)) {
            return SocialCreditCodes.regionCode(number).filter(r -> !r.startsWith("10")).map(r -> r.substring(0, 2));
        }
        return Optional.empty();
    }

    static String regionName(String code) {
        return switch (code) {
            case "71" -> "台湾";
            case "81" -> "香港";
            case "82" -> "澳门";
            case "83" -> "台湾";
            default -> Arrays.stream(Province.values()).filter(p -> p.code().equals(code)).findFirst()
                    .map(Province::chineseName).orElse(code);
        };
    }
}
