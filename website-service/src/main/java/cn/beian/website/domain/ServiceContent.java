package cn.beian.website.domain;

/** 网站服务内容 (docs/domain.md §1). */
public enum ServiceContent {
    /** 综合门户 */
    COMPREHENSIVE_PORTAL("综合门户"),
    /** 单位门户网站 */
    UNIT_PORTAL("单位门户网站"),
    /** 其他 */
    OTHER("其他");

    private final String chineseName;

    ServiceContent(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
