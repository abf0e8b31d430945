package cn.beian.rules.checks;

import cn.beian.contract.domain.ServiceContent;
import cn.beian.rules.ContentCategory;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content categories in words: their names in both languages, and the keywords in a website's name or remark
 * that suggest one (the fallback the catalogue's "Service content" resolution asks for when the applicant declares
 * no category). Portal and "other" have no keywords: nothing in a name suggests them.
 */
final class ContentCategoryWords {

    /** A category's names and the keywords that suggest it (Latin ones compared case-insensitively). */
    record Words(String zh, String en, List<String> keywords) {
    }

    private static final Map<ContentCategory, Words> WORDS = new EnumMap<>(ContentCategory.class);

    static {
        put(ContentCategory.BLOG, "博客/个人空间", "blog / personal space", "博客", "个人空间", "blog");
        put(ContentCategory.ONLINE_SHOPPING, "网络购物", "online shopping", "购物", "商城", "网店");
        put(ContentCategory.E_GOVERNMENT, "电子政务", "e-government", "电子政务", "政务");
        put(ContentCategory.E_COMMERCE, "电子商务", "e-commerce", "电子商务", "电商");
        put(ContentCategory.ONLINE_PAYMENT, "网上支付/网上银行", "online payment / online banking", "网上支付",
                "在线支付", "网上银行", "网银", "支付");
        put(ContentCategory.NEWS, "网络新闻", "online news", "新闻", "时事", "资讯");
        put(ContentCategory.EDUCATION, "网络教育", "online education", "教育", "网校", "培训", "课堂");
        put(ContentCategory.GAMES, "网络游戏", "online games", "游戏", "game");
        put(ContentCategory.FILM_AND_TV, "网络影视", "online film and TV", "影视", "电影", "电视剧", "视频");
        put(ContentCategory.INSTANT_MESSAGING, "即时通信", "instant messaging", "即时通信", "即时通讯", "聊天");
        put(ContentCategory.WAP, "WAP", "WAP", "wap");
        put(ContentCategory.ADVERTISING, "网络广告", "online advertising", "广告");
        put(ContentCategory.SEARCH_ENGINE, "搜索引擎", "search engine", "搜索");
        put(ContentCategory.EMAIL, "电子邮箱", "e-mail", "邮箱", "电子邮件");
        put(ContentCategory.PAID_INFORMATION, "有偿信息", "paid information", "有偿信息");
        put(ContentCategory.SMS_MMS, "短信彩信", "SMS / MMS", "短信", "彩信");
        put(ContentCategory.FORUM, "论坛/电子公告", "forum / bulletin board", "论坛", "社区", "bbs", "贴吧",
                "留言板");
        put(ContentCategory.TOURISM, "旅游", "tourism", "旅游", "旅行");
        put(ContentCategory.UNIT_PORTAL, "单位门户网站", "unit portal");
        put(ContentCategory.COMPREHENSIVE_PORTAL, "综合门户", "comprehensive portal");
        put(ContentCategory.OTHER, "其他", "other");
    }

    private ContentCategoryWords() {
    }

    private static void put(ContentCategory c, String zh, String en, String... keywords) {
        WORDS.put(c, new Words(zh, en, List.of(keywords)));
    }

    static Words of(ContentCategory c) {
        return WORDS.get(c);
    }

    /** The first keyword of the category in the text, or null. */
    static String keywordIn(ContentCategory c, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String k : WORDS.get(c).keywords()) {
            if (lower.contains(k)) {
                return k;
            }
        }
        return null;
    }

    static String zh(ServiceContent s) {
        return switch (s) {
            case COMPREHENSIVE_PORTAL -> "综合门户";
            case UNIT_PORTAL -> "单位门户网站";
            case OTHER -> "其他";
        };
    }

    static String en(ServiceContent s) {
        return switch (s) {
            case COMPREHENSIVE_PORTAL -> "comprehensive portal";
            case UNIT_PORTAL -> "unit portal";
            case OTHER -> "other";
        };
    }
}
