package cn.beian.rules.conditions;

import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Website;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The websites a condition looks at: the one it is asked about ({@code EACH_WEBSITE} materials), or every website of
 * the order when it is asked about the subject (then it holds when it holds for any website).
 */
final class Sites {

    private Sites() {
    }

    static List<Website> of(OrderDocument order, Integer website) {
        List<Website> all = order.websites();
        if (website != null) {
            return website >= 0 && website < all.size() && all.get(website) != null ? List.of(all.get(website))
                    : List.of();
        }
        return all.stream().filter(w -> w != null).toList();
    }

    /** Whether {@code test} holds for the website asked about, or for any website when asked about the subject. */
    static Boolean any(OrderDocument order, Integer website, Function<Website, Boolean> test) {
        List<Boolean> values = new ArrayList<>();
        for (Website w : of(order, website)) {
            values.add(test.apply(w));
        }
        return Tri.any(values);
    }
}
