package cn.beian.contract.order;

/**
 * What a CHANGE order (变更备案) changes, given when it is opened (docs/domain.md §3.4): the subject, one or more
 * approved websites, or their access information (the servers and authorization codes this provider serves them
 * from). The order may revise only what its kind allows.
 */
public enum ChangeKind {
    /** The approved subject and its principal (the order's websites come along unchanged). */
    SUBJECT,
    /** The approved websites the applicant picked: name, domains, homepages, content, principal … not the servers. */
    WEBSITE,
    /** The access information of the approved websites the applicant picked: servers and authorization codes only. */
    ACCESS
}
