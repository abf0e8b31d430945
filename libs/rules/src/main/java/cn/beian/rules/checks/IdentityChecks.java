package cn.beian.rules.checks;

import cn.beian.rules.Check;
import java.util.Map;

/**
 * Checks on the people and numbers of an order: mobiles' registered province, certificate regions, validity and
 * ages, office phones and addresses, certificate types, numbers shared with other subjects.
 */
public final class IdentityChecks {

    private IdentityChecks() {
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.ofEntries(
                Map.entry("MOBILE_PROVINCE", new MobileProvince()),
                Map.entry("CERTIFICATE_REGION", new CertificateRegion()),
                Map.entry("CERTIFICATE_KIND", new CertificateKind()),
                Map.entry("CERTIFICATE_VALID_FOR", new CertificateValidFor()),
                Map.entry("MINIMUM_AGE", new MinimumAge()),
                Map.entry("ADDRESS_DOOR_NUMBER", new AddressDoorNumber()),
                Map.entry("ADDRESS_IN_PROVINCE", new AddressInProvince()),
                Map.entry("OFFICE_PHONE_PRESENT", new OfficePhonePresent()),
                Map.entry("OFFICE_PHONE_LANDLINE", new OfficePhoneLandline()),
                Map.entry("OFFICE_PHONE_AREA", new OfficePhoneArea()),
                Map.entry("OFFICE_PHONE_MOBILE_REMARK", new OfficePhoneMobileRemark()),
                Map.entry("OFFICE_PHONE_NOT_PRINCIPAL_MOBILE", new OfficePhoneNotPrincipalMobile()),
                Map.entry("PRINCIPALS_PHONES_DISTINCT", new PrincipalsPhonesDistinct()),
                Map.entry("FOREIGN_LEGAL_PERSON_PHONES", new ForeignLegalPersonPhones()),
                Map.entry("WEBSITE_PRINCIPAL_DIFFERS", new WebsitePrincipalDiffers()),
                Map.entry("PRINCIPAL_NOT_ON_OTHER_SUBJECTS", new PrincipalNotOnOtherSubjects()),
                Map.entry("MOBILE_USES", new MobileUses()));
    }
}
