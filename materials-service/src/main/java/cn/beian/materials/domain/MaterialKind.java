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
    /** A photo of the principal holding their certificate (BJ-U-01); the principal's own, like the ID. */
    HANDHELD_CERTIFICATE_PHOTO("手持证件照片", "photo holding the certificate"),
    /** An individual business without a seal says so in a signed statement (SD-U-05). */
    NO_SEAL_STATEMENT("无公章说明", "statement of having no seal"),
    /** The applicant vouches for content that looks as if it needed a pre-approval (HB-B-09). */
    GUARANTEE_LETTER("保证书", "letter of guarantee"),
    /** 增值电信业务经营许可证 for commercial services (HN-B-05, SC-B-04). */
    ICP_LICENCE("增值电信业务经营许可证", "value-added telecommunications licence"),
    /** 网络文化经营许可证 for games (GD-B-05). */
    ONLINE_CULTURE_LICENCE("网络文化经营许可证", "online culture licence"),
    /** Securities, futures or fund qualification (ZJ-B-06). */
    SECURITIES_QUALIFICATION("证券期货从业资质", "securities qualification"),
    /** Approval of a website name with 中国 / 中央 (SX-U-03). */
    NAME_APPROVAL("名称使用批准文件", "approval of the name"),
    /** 危险化学品经营许可证 (SD-U-07). */
    HAZARDOUS_CHEMICALS_LICENCE("危险化学品经营许可证", "hazardous chemicals licence"),
    /** Proof of a unit's change of name (GX-U-03). */
    NAME_CHANGE_CERTIFICATE("名称变更证明", "certificate of the change of name"),
    /** A network security officer's certificate (XJ-B-07). */
    SECURITY_STAFF_CERTIFICATE("网络安全员证书", "network security officer's certificate"),
    /** The regional cyberspace office's certificate (XJ-B-08). */
    PARTY_BUILDING_PROOF("党建证明", "party-building certificate"),
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
