package cn.beian.materials.domain;

/** What a material is (docs/domain.md §1 "Material", §5.5). */
public enum MaterialKind {
    /** Unit certificate scan (营业执照 …), colour scan of the original. */
    UNIT_CERTIFICATE("单位证件", "unit certificate"),
    ID_FRONT("证件正面", "certificate front"),
    ID_BACK("证件反面", "certificate back"),
    /** Both sides of an ID card on one image (§5.5 allows it); stands for ID_FRONT and ID_BACK. */
    ID_BOTH_SIDES("证件正反面", "certificate, both sides"),
    /** 网站备案信息真实性核验单, one per website, signed by the website principal. */
    VERIFICATION_FORM("网站备案信息真实性核验单", "verification form"),
    /** 幕布照片 of a website principal, once initial review has passed. */
    CURTAIN_PHOTO("幕布照片", "curtain photo"),
    AUTHORIZATION_LETTER("授权书", "authorization letter"),
    DOMAIN_CERTIFICATE("域名证书", "domain certificate"),
    RESIDENCE_PERMIT("居住证明", "residence permit"),
    PRE_APPROVAL("前置审批文件", "pre-approval document"),
    EMPLOYMENT_PROOF("在职证明", "employment proof"),
    COMMITMENT_LETTER("承诺书", "commitment letter"),
    OTHER("其他材料", "other material");

    private final String labelZh;
    private final String labelEn;

    MaterialKind(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String label(boolean english) {
        return english ? labelEn : labelZh;
    }

    /** The curtain photo follows its own editing rule (docs/domain.md §3.2). */
    public boolean isCurtainPhoto() {
        return this == CURTAIN_PHOTO;
    }
}
