package cn.beian.rules;

/**
 * The finer content categories of the older filing form, which some province rules key on (the current form keeps
 * only {@link cn.beian.contract.domain.ServiceContent}). Declared by the applicant, optionally and several at once.
 */
public enum ContentCategory {
    /** 博客/个人空间 */
    BLOG,
    /** 网络购物 */
    ONLINE_SHOPPING,
    /** 电子政务 */
    E_GOVERNMENT,
    /** 电子商务 */
    E_COMMERCE,
    /** 网上支付/网上银行 */
    ONLINE_PAYMENT,
    /** 网络新闻 */
    NEWS,
    /** 网络教育 */
    EDUCATION,
    /** 网络游戏 */
    GAMES,
    /** 网络影视 */
    FILM_AND_TV,
    /** 即时通信 */
    INSTANT_MESSAGING,
    /** WAP */
    WAP,
    /** 网络广告 */
    ADVERTISING,
    /** 搜索引擎 */
    SEARCH_ENGINE,
    /** 电子邮箱 */
    EMAIL,
    /** 有偿信息 */
    PAID_INFORMATION,
    /** 短信彩信 */
    SMS_MMS,
    /** 论坛 / 电子公告 */
    FORUM,
    /** 旅游 */
    TOURISM,
    /** 单位门户网站 */
    UNIT_PORTAL,
    /** 综合门户 */
    COMPREHENSIVE_PORTAL,
    /** 其他 */
    OTHER
}
