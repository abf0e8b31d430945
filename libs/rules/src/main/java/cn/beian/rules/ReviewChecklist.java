package cn.beian.rules;

import cn.beian.contract.events.review.ReviewKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The reviewer's checklist for an order ({@code checklist.yaml}): every item of its province (and every province's),
 * its nature and its filing type, for one kind of review case, in the reviewer's language. The reviewer ticks or
 * fails each one in the review case.
 */
public final class ReviewChecklist {

    /** One item: the catalogue id and what to check. */
    public record Item(String id, String text) {
    }

    private ReviewChecklist() {
    }

    /** The items a case of {@code review} kind looks at for {@code order}. */
    public static List<Item> of(OrderDocument order, ReviewKind review, boolean english) {
        return of(RuleBook.standard().checklist(), order, review, english);
    }

    static List<Item> of(List<ChecklistItem> items, OrderDocument order, ReviewKind review, boolean english) {
        List<Item> out = new ArrayList<>();
        if (order == null) {
            return out;
        }
        for (ChecklistItem c : items) {
            if (c.reviews().contains(review) && (c.provinces().isEmpty() || (order.province() != null && c.provinces().contains(order.province())))
                    && (c.appliesTo() == null || c.appliesTo().to(order.nature()))
                    && (c.filingTypes().isEmpty() || (order.type() != null && c.filingTypes().contains(order.type())))) {
                out.add(new Item(c.id(), c.item() == null ? null : c.item().in(english)));
            }
        }
        return out;
    }
}
