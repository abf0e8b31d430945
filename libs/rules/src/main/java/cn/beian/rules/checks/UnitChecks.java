package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on how a unit files: principal and legal person, principal pairs, individual businesses, the investor
 * field, nature and certificate conventions, changes of nature.
 */
public final class UnitChecks {

    private UnitChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.ofEntries(
                Map.entry("PRINCIPAL_IS_LEGAL_PERSON", new PrincipalIsLegalPerson()),
                Map.entry("PRINCIPAL_PAIR", new PrincipalPair()),
                Map.entry("PRINCIPALS_NOT_FOREIGN", new PrincipalsNotForeign()),
                Map.entry("CERTIFICATE_TYPE_FOR_NATURE", new CertificateTypeForNature()),
                Map.entry("NATURE_BY_NAME", new NatureByName()),
                Map.entry("INDIVIDUAL_BUSINESS_NATURE", new IndividualBusinessNature()),
                Map.entry("INDIVIDUAL_BUSINESS_REMARK", new IndividualBusinessRemark()),
                Map.entry("INDIVIDUAL_BUSINESS_NAME", new IndividualBusinessName()),
                Map.entry("INVESTOR_FIELD", new InvestorField()),
                Map.entry("SUBJECT_REMARK_CONTAINS", new SubjectRemarkContains()),
                Map.entry("SUBJECT_LOCATED_IN_PROVINCE", new SubjectLocatedInProvince()),
                Map.entry("NATURE_UNCHANGED", new NatureUnchanged()),
                Map.entry("ACCESS_CERTIFICATE_AS_RECORDED", new AccessCertificateAsRecorded()));
    }
}
