package cn.beian.contract.domain;

/** 网站服务内容 (docs/domain.md §1): an enum on the wire and in the snapshot; front-ends and the console word it. */
public enum ServiceContent {
    /** 综合门户 */
    COMPREHENSIVE_PORTAL,
    /** 单位门户网站 */
    UNIT_PORTAL,
    /** 其他 */
    OTHER
}
