package cn.beian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.Province;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.contract.order.FilingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reviewer's checklist ({@code checklist.yaml}) and {@link ReviewChecklist}. */
class ChecklistTest {

    private static List<String> ids(Province p, boolean unit, FilingType type) {
        return ids(p, unit, type, ReviewKind.INITIAL);
    }

    private static List<String> ids(Province p, boolean unit, FilingType type, ReviewKind review) {
        Examples.Case c = MaterialsTest.base(p, unit, type);
        return ReviewChecklist.of(c.order(), review, false).stream().map(ReviewChecklist.Item::id).toList();
    }

    @Test
    void everyItemIsInBothLanguagesWithASource() {
        List<String> bad = new ArrayList<>();
        for (ChecklistItem c : RuleBook.standard().checklist()) {
            if (c.item() == null || blank(c.item().zh()) || blank(c.item().en()) || blank(c.source())
                    || c.appliesTo() == null) {
                bad.add(c.id());
            }
        }
        assertTrue(bad.isEmpty(), "items without both languages, a source or whom they concern: " + bad);
    }

    @Test
    void anOrderGetsItsProvincesItemsForItsNatureAndType() {
        List<String> bj = ids(Province.BEIJING, false, FilingType.FIRST_FILING, ReviewKind.PHOTO);
        assertTrue(bj.containsAll(List.of("BJ-B-09", "X-05")), bj.toString());
        assertFalse(bj.contains("JX-B-07"), "another province's item");
        List<String> tjUnit = ids(Province.TIANJIN, true, FilingType.NEW_WEBSITE);
        assertTrue(tjUnit.containsAll(List.of("TJ-B-02", "TJ-U-08", "TJ-U-09")), tjUnit.toString());
        assertFalse(ids(Province.TIANJIN, false, FilingType.NEW_WEBSITE).contains("TJ-U-09"), "a unit's item");
        assertFalse(ids(Province.TIANJIN, true, FilingType.FIRST_FILING).contains("TJ-B-02"),
                "a first filing has no approved websites to look at");
        assertFalse(ids(Province.BEIJING, false, FilingType.CANCEL_ACCESS, ReviewKind.PHOTO).contains("BJ-B-09"),
                "no photo taken");
        assertTrue(ids(Province.LIAONING, false, FilingType.FIRST_FILING).contains("LN-P-01"));
        assertFalse(ids(Province.LIAONING, true, FilingType.FIRST_FILING).contains("LN-P-01"));
    }

    @Test
    void thePhotosItemsAreLookedAtInThePhotoReviewAndTheDataItemsInTheOthers() {
        List<String> photo = ids(Province.ZHEJIANG, false, FilingType.FIRST_FILING, ReviewKind.PHOTO);
        assertEquals(List.of("X-05", "ZJ-B-10"), photo, "the curtain photo's items, where the photo is");
        assertEquals(List.of(), ids(Province.ZHEJIANG, false, FilingType.FIRST_FILING, ReviewKind.INITIAL),
                "no photo in the initial review");
        List<String> initial = ids(Province.XINJIANG, false, FilingType.FIRST_FILING, ReviewKind.INITIAL);
        assertEquals(List.of("XJ-B-04", "XJ-B-03"), initial);
        assertEquals(initial, ids(Province.XINJIANG, false, FilingType.FIRST_FILING, ReviewKind.RE_REVIEW),
                "the re-review looks at the data as the initial review does");
        assertEquals(List.of("X-05"), ids(Province.XINJIANG, false, FilingType.FIRST_FILING, ReviewKind.PHOTO));
        for (ChecklistItem c : RuleBook.standard().checklist()) {
            boolean photoItem = c.reviews().contains(ReviewKind.PHOTO);
            assertEquals(photoItem, c.item().en().toLowerCase().contains("curtain"),
                    c.id() + ": an item about the curtain photo belongs to the photo review, and only such an item");
        }
    }

    @Test
    void itemsInTheReviewersLanguage() {
        Examples.Case c = MaterialsTest.base(Province.JIANGXI, false, FilingType.FIRST_FILING);
        ReviewChecklist.Item en = ReviewChecklist.of(c.order(), ReviewKind.PHOTO, true).stream()
                .filter(i -> i.id().equals("JX-B-07")).findFirst().orElseThrow();
        ReviewChecklist.Item zh = ReviewChecklist.of(c.order(), ReviewKind.PHOTO, false).stream()
                .filter(i -> i.id().equals("JX-B-07")).findFirst().orElseThrow();
        assertTrue(en.text().contains("season"));
        assertTrue(zh.text().contains("季节"));
        assertEquals(List.of(), ReviewChecklist.of(null, ReviewKind.INITIAL, false));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
