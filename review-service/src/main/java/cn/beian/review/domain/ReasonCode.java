package cn.beian.review.domain;

/**
 * The documented reason codes a reviewer may give for a rejection (docs/domain.md §3: the common ones), each with the
 * sentence applicants see when the reviewer adds no suggestion of their own. Served at
 * {@code GET /api/v1/review-reason-codes}.
 */
public enum ReasonCode {
    SUBJECT_INFO_INCOMPLETE("主体信息不完整，请补充"),
    SUBJECT_INFO_WRONG("主体信息与证件不一致，请核对"),
    CERTIFICATE_INVALID("证件无效或已过期，请更换有效证件"),
    PRINCIPAL_INFO_WRONG("负责人信息有误，请核对姓名、证件号码和联系方式"),
    ADDRESS_NOT_DETAILED("通讯地址需详细到门牌号"),
    WEBSITE_INFO_INCOMPLETE("网站信息不完整，请补充"),
    WEBSITE_NAME_NOT_COMPLIANT("网站名称不符合要求，请修改"),
    WEBSITE_REACHABLE_DURING_FILING("备案期间网站须关闭或显示“建设中”"),
    DOMAIN_NOT_VERIFIED("域名未实名认证或持有者与主体不一致"),
    PRE_APPROVAL_MISSING("网站内容涉及前置审批，请上传前置审批文件"),
    VERIFICATION_FORM_MISSING("请上传签字的网站备案信息真实性核验单"),
    VERIFICATION_FORM_WRONG("核验单填写或签字有误，请重新上传"),
    MATERIAL_MISSING("缺少所需材料，请上传"),
    MATERIAL_UNCLEAR("材料不清晰或不完整，请重新上传"),
    PHOTO_BACKGROUND_WRONG("请在幕布前拍照，幕布须完整可见"),
    PHOTO_PERSON_MISMATCH("照片人物与网站负责人不一致"),
    PHOTO_UNCLEAR("照片不清晰，请重新拍摄"),
    OTHER("其他问题，请按审核意见修改");

    private final String defaultSuggestion;

    ReasonCode(String defaultSuggestion) {
        this.defaultSuggestion = defaultSuggestion;
    }

    public String defaultSuggestion() {
        return defaultSuggestion;
    }

    public static boolean known(String code) {
        for (ReasonCode c : values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
