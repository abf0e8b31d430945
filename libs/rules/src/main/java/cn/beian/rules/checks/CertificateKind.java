package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.ResidentIdNumbers;
import cn.beian.validators.SocialCreditCodes;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CERTIFICATE_KIND}: the holders' certificates are not of a kind the rule refuses. Parameters: {@code whose}
 * ({@link Holders.Whose}, default {@code SUBJECT_AND_PRINCIPALS}) and {@code refuse}, any of:
 * <ul>
 * <li>{@code FIRST_GENERATION_ID}: a 15-digit resident ID number (first-generation card); a second-generation
 * temporary card carries the 18-character number and passes;</li>
 * <li>{@code HONG_KONG_PERMIT}: a 港澳居民来往内地通行证 (回乡证) of a Hong Kong resident (its number does not start
 * with M, Macao's letter);</li>
 * <li>{@code NOT_SECOND_GENERATION_ID}: anything but an 18-character resident ID number;</li>
 * <li>{@code NOT_USCC}: anything but a valid 18-character unified social credit code (old organization codes and
 * registration numbers included).</li>
 * </ul>
 * A finding names {@code certificateType} when the type is refused, {@code certificateNumber} when the number is.
 */
final class CertificateKind implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        var refused = rule.list("refuse").stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        for (Holders.Holder h : Holders.of(order, Holders.whose(rule.text("whose"),
                Holders.Whose.SUBJECT_AND_PRINCIPALS))) {
            String number = Holders.normalised(h.number());
            CertificateType type = h.type();
            if (number == null && type == null) {
                continue;
            }
            String field = null;
            for (String kind : refused) {
                field = switch (kind) {
                    case "FIRST_GENERATION_ID" -> (type == null || type == CertificateType.RESIDENT_ID)
                            && number != null && ResidentIdNumbers.isOldStyle(number) ? "certificateNumber" : null;
                    case "HONG_KONG_PERMIT" -> type == CertificateType.HK_MACAO_PERMIT
                            && (number == null || !number.startsWith("M")) ? "certificateType" : null;
                    case "NOT_SECOND_GENERATION_ID" -> type != null && type != CertificateType.RESIDENT_ID
                            ? "certificateType"
                            : number != null && ResidentIdNumbers.isOldStyle(number) ? "certificateNumber" : null;
                    case "NOT_USCC" -> type == CertificateType.ORGANIZATION_CODE ? "certificateType"
                            : number != null && !SocialCreditCodes.isValid(number) ? "certificateNumber" : null;
                    default -> null;
                };
                if (field != null) {
                    break;
                }
            }
            if (field != null) {
                out.fail(h.field(field), Map.of("type", type == null ? "" : type.name()));
            }
        }
    }
}
