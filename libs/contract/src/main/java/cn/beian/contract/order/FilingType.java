package cn.beian.contract.order;

/** 备案类型 (docs/domain.md §2). */
public enum FilingType {
    /** 首次备案: subject and domains never filed anywhere. */
    FIRST_FILING(true, true),
    /** 新增网站, subject already approved at this provider. */
    NEW_WEBSITE(true, true),
    /** 新增网站, subject approved at another provider: the same flow as a first filing. */
    NEW_WEBSITE_SUBJECT_ELSEWHERE(true, true),
    /** 接入备案: the website already has a filing number elsewhere; subject and website data are read-only. */
    ACCESS_FILING(true, false),
    /** 变更备案 of an approved subject or website. */
    CHANGE(false, true),
    /** 取消接入: the website is no longer served here. */
    CANCEL_ACCESS(false, false),
    /** 注销网站 */
    DEREGISTER_WEBSITE(false, false),
    /** 注销主体 (and all its websites); needs the filing password. */
    DEREGISTER_SUBJECT(false, false);

    private final boolean decided;
    private final boolean needsPhoto;

    FilingType(boolean decided, boolean needsPhoto) {
        this.decided = decided;
        this.needsPhoto = needsPhoto;
    }

    /** Whether Beian decides this type from the registry (the four ways of filing something new). */
    public boolean decided() {
        return decided;
    }

    /** Whether the website principals are photographed (拍照核验) after initial review. */
    public boolean needsPhoto() {
        return needsPhoto;
    }

    /** Whether the applicant must give the subject's filing password when creating the order. */
    public boolean needsFilingPassword() {
        return this == ACCESS_FILING || this == DEREGISTER_SUBJECT;
    }
}
