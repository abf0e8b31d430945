package cn.beian.national.client;

/** 备案类型: what a submission asks the administration to do. */
public enum SubmissionType {
    /** 首次备案: subject and domains never filed anywhere. */
    FIRST_FILING,
    /** 新增网站: the subject is filed at this provider. */
    NEW_WEBSITE,
    /** 新增网站, subject filed at another provider. */
    NEW_WEBSITE_SUBJECT_ELSEWHERE,
    /** 接入备案: websites filed at another provider move their access here. */
    ACCESS_FILING,
    /** 变更备案: alter an approved subject or website. */
    CHANGE,
    /** 取消接入: websites leave this provider; their numbers stay. */
    CANCEL_ACCESS,
    /** 注销网站. */
    DEREGISTER_WEBSITE,
    /** 注销主体: the subject and all its websites. */
    DEREGISTER_SUBJECT
}
