package cn.beian.rules.conditions;

import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Website;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The order's texts a word condition searches ({@code in}), and the search. */
final class Texts {

    /** Where to look. */
    enum Where {
        SUBJECT_NAME, SUBJECT_REMARKS, WEBSITE_NAME, WEBSITE_REMARKS
    }

    private Texts() {
    }

    static List<Where> where(List<String> names, List<Where> otherwise) {
        List<Where> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(Where.valueOf(n.strip()));
            } catch (IllegalArgumentException e) {
                // an unknown place is ignored
            }
        }
        return out.isEmpty() ? otherwise : out;
    }

    /** The texts of {@code places} for the subject and the website (which may be {@code null}). */
    static List<String> of(OrderDocument order, Website w, Collection<Where> places) {
        List<String> out = new ArrayList<>();
        for (Where p : places) {
            String s = switch (p) {
                case SUBJECT_NAME -> order.subject() == null ? null : order.subject().name();
                case SUBJECT_REMARKS -> order.subject() == null ? null : order.subject().remarks();
                case WEBSITE_NAME -> w == null ? null : w.name();
                case WEBSITE_REMARKS -> w == null ? null : w.remarks();
            };
            if (s != null && !s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean containsAny(List<String> texts, Collection<String> words) {
        for (String t : texts) {
            for (String word : words) {
                if (!word.isBlank() && t.toLowerCase(java.util.Locale.ROOT)
                        .contains(word.strip().toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
