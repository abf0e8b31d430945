package cn.beian.rules;

import cn.beian.contract.domain.Province;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.contract.order.FilingType;
import java.util.List;
import java.util.Set;

/**
 * One human row as data ({@code rules/checklist.yaml}): what a reviewer must look at and tick or fail with a reason.
 *
 * @param id          the catalogue id
 * @param provinces   where it holds; empty for every province
 * @param appliesTo   persons, units or both
 * @param filingTypes the filing types it concerns; empty for every type
 * @param item        what to check, in both languages
 * @param source      where the rule comes from
 * @param covers      other catalogue ids this item implements too
 * @param reviews     the review cases that look at it: the curtain photo's items in the photo review ({@code PHOTO}),
 *                    where the photo is; every other item in the initial review and the re-review after an authority
 *                    rejection (the default)
 */
public record ChecklistItem(String id, Set<Province> provinces, AppliesTo appliesTo, Set<FilingType> filingTypes,
        Text item, String source, List<String> covers, Set<ReviewKind> reviews) {

    /** Where an item says nothing: the cases that look at the order's data. */
    public static final Set<ReviewKind> DATA_REVIEWS = Set.of(ReviewKind.INITIAL, ReviewKind.RE_REVIEW);

    public ChecklistItem {
        provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
        filingTypes = filingTypes == null ? Set.of() : Set.copyOf(filingTypes);
        covers = covers == null ? List.of() : List.copyOf(covers);
        reviews = reviews == null || reviews.isEmpty() ? DATA_REVIEWS : Set.copyOf(reviews);
    }
}
