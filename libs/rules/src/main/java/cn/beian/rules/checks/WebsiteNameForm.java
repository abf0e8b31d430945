package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code WEBSITE_NAME_FORM}: the website name is the name the site will carry, not something else. Parameter
 * {@code forbid}, any of: {@code DOMAIN_OR_URL} (a domain or web address), {@code LATIN_ONLY} (only Latin letters,
 * digits and punctuation: English text), {@code PERSON_NAME} (exactly the name of a person in the order: the subject
 * when it is a person, a principal or the legal person; other people's names cannot be told from words).
 * Arguments: {@code {what}} (zh) and {@code {whatEn}}. A blank name is the shape check's business.
 */
final class WebsiteNameForm implements Check {

    static final Pattern URL_LIKE =
            Pattern.compile("(?i)^(https?://)?(www\\.)?[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+(/\\S*)?$");
    static final Pattern LATIN_ONLY = Pattern.compile("^[\\p{IsLatin}0-9 .,'&_!?:+-]+$");

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        List<String> forbid = rule.list("forbid");
        for (int i = 0; i < order.websites().size(); i++) {
            String name = order.websites().get(i).name();
            if (name == null || name.isBlank()) {
                continue;
            }
            String n = name.strip();
            String key = "websites[" + i + "].name";
            if (forbid.contains("DOMAIN_OR_URL") && URL_LIKE.matcher(n).matches()) {
                out.fail(key, Map.of("what", "域名或网址", "whatEn", "a domain or web address"));
            } else if (forbid.contains("LATIN_ONLY") && LATIN_ONLY.matcher(n).matches()
                    && n.chars().anyMatch(Character::isLetter)) {
                out.fail(key, Map.of("what", "纯英文", "whatEn", "English text only"));
            } else if (forbid.contains("PERSON_NAME") && people(order, i).contains(n)) {
                out.fail(key, Map.of("what", "个人姓名", "whatEn", "a person's name"));
            }
        }
    }

    private static List<String> people(OrderDocument order, int i) {
        List<String> names = new ArrayList<>();
        OrderDocument.Subject s = order.subject();
        if (s != null) {
            if (s.nature() == cn.beian.contract.domain.SubjectNature.PERSON) {
                names.add(s.name());
            }
            if (s.principal() != null) {
                names.add(s.principal().name());
            }
            if (s.legalPerson() != null) {
                names.add(s.legalPerson().name());
            }
        }
        OrderDocument.Person p = order.websites().get(i).principal();
        if (p != null) {
            names.add(p.name());
        }
        return names.stream().filter(Objects::nonNull).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
