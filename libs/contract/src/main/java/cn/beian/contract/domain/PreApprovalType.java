package cn.beian.contract.domain;

/**
 * 前置审批 types (docs/domain.md §1, §5.4), each with its Chinese and English name and the keywords that suggest the
 * content.
 */
public enum PreApprovalType {
    NEWS("新闻", "news", "新闻", "资讯", "时事", "报道"),
    PUBLISHING("出版", "publishing", "出版", "图书", "期刊", "杂志", "电子书"),
    EDUCATION("教育", "education", "教育", "培训", "学校", "学院", "大学", "网校", "课堂", "辅导"),
    MEDICAL("医疗保健", "medical and health care", "医疗", "医院", "诊所", "保健", "养生", "健康咨询", "门诊"),
    DRUGS_AND_DEVICES("药品和医疗器械", "drugs and medical devices", "药品", "药店", "药房", "医药", "医疗器械"),
    BULLETIN_BOARD("电子公告服务", "bulletin board services", "论坛", "社区", "BBS", "bbs", "贴吧", "留言板", "聊天室"),
    CULTURE("文化", "culture", "游戏", "动漫", "演出", "音乐", "艺术品"),
    BROADCASTING("广播电影电视节目", "radio, film and TV programmes", "视频", "影视", "电影", "电视", "直播", "广播");

    private final String chineseName;
    private final String englishName;
    private final String[] keywords;

    PreApprovalType(String chineseName, String englishName, String... keywords) {
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.keywords = keywords;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public String[] keywords() {
        return keywords;
    }
}
