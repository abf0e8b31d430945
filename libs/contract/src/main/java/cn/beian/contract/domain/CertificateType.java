package cn.beian.contract.domain;

/** 证件类型 of a subject or a principal. */
public enum CertificateType {
    /** 居民身份证 (GB 11643, 18 characters with a check digit) */
    RESIDENT_ID(false),
    /** 护照 */
    PASSPORT(false),
    /** 港澳居民来往内地通行证 */
    HK_MACAO_PERMIT(false),
    /** 台湾居民来往大陆通行证 */
    TAIWAN_PERMIT(false),
    /** 外国人永久居留身份证 */
    FOREIGNER_PERMANENT_RESIDENCE(false),
    /** 营业执照, with the 18-character unified social credit code (GB 32100) */
    BUSINESS_LICENSE(true),
    /** 组织机构代码证 (old style, 9 characters) */
    ORGANIZATION_CODE(true),
    /** 事业单位法人证书 */
    PUBLIC_INSTITUTION_CERTIFICATE(true),
    /** 社会团体法人登记证书 */
    SOCIAL_ORGANIZATION_CERTIFICATE(true),
    /** 民办非企业单位登记证书 */
    PRIVATE_NON_ENTERPRISE_CERTIFICATE(true),
    /** 军队代号 */
    MILITARY_CODE(true);

    private final boolean forUnits;

    CertificateType(boolean forUnits) {
        this.forUnits = forUnits;
    }

    /** Whether a unit (rather than a person) holds this kind of certificate. */
    public boolean forUnits() {
        return forUnits;
    }
}
