package cn.beian.contract.domain;

/** 主体性质: who runs the websites. Everything but {@link #PERSON} is a unit. */
public enum SubjectNature {
    /** 个人 */
    PERSON,
    /** 企业 */
    ENTERPRISE,
    /** 政府机关 */
    GOVERNMENT,
    /** 事业单位 */
    PUBLIC_INSTITUTION,
    /** 社会团体 */
    SOCIAL_ORGANIZATION,
    /** 军队 */
    MILITARY,
    /** 民办非企业单位 */
    PRIVATE_NON_ENTERPRISE,
    /** 个体工商户 with a trade name (filed as a unit) */
    INDIVIDUAL_BUSINESS,
    /** 基金会 */
    FOUNDATION,
    /** 律师执业机构 */
    LAW_FIRM;

    public boolean isUnit() {
        return this != PERSON;
    }
}
