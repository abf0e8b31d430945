package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.Map;

/**
 * {@code WEBSITE_NAME_WORDS_NEED_REMARK}: a website name containing one of the {@code words} needs a remark that
 * contains one of the {@code remarkWords} (e.g. who approved the name). Remark parameters as in {@link WhichRemark}.
 * Argument {@code {word}}: the word found in the name.
 */
final class WebsiteNameWordsNeedRemark implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        List<String> remarkWords = rule.list("remarkWords");
        for (int i = 0; i < order.websites().size(); i++) {
            String name = order.websites().get(i).name();
            if (name == null) {
                continue;
            }
            String word = rule.list("words").stream().filter(name::contains).findFirst().orElse(null);
            if (word == null) {
                continue;
            }
            WhichRemark.judge(rule, order, i, text -> remarkWords.stream().anyMatch(text::contains),
                    text -> Map.of("word", word), out);
        }
    }
}
