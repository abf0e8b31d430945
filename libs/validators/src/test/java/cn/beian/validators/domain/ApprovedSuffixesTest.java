package cn.beian.validators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.Province;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovedSuffixesTest {

    private final ApprovedSuffixes suffixes = ApprovedSuffixes.standard();

    @ParameterizedTest
    @ValueSource(strings = {"com", ".cn", "com.cn", "net", "中国", "xn--fiqs8s", "公司", "top", "wang"})
    void commonSuffixesPassNationally(String suffix) {
        assertTrue(suffixes.judge(suffix, Province.GUANGDONG).approved(), suffix);
    }

    @Test
    void hongKongIsRefusedInBeijingAsACountryCodeCitingTheRule() {
        SuffixJudgement j = suffixes.judge("hk", Province.BEIJING);
        assertFalse(j.approved());
        assertEquals(ApprovedSuffixes.DOMAIN_SUFFIX_REFUSED_IN_PROVINCE, j.code());
        assertEquals("BJ-B-02", j.ruleId());
        assertEquals(LocalDate.of(2019, 1, 1), j.effectiveFrom());
        SuffixJudgement fr = suffixes.judge("fr", Province.BEIJING);
        assertEquals(ApprovedSuffixes.DOMAIN_SUFFIX_COUNTRY_CODE_REFUSED, fr.code());
        assertEquals("BJ-B-02", fr.ruleId());
    }

    @Test
    void countryCodesOutsideBeijingAreANationalMatterWithoutAProvinceRule() {
        SuffixJudgement j = suffixes.judge("hk", Province.GUANGDONG);
        assertFalse(j.approved());
        assertEquals(ApprovedSuffixes.DOMAIN_SUFFIX_NOT_APPROVED, j.code());
        assertNull(j.ruleId());
        assertTrue(suffixes.judge("cc", Province.GUANGDONG).approved());
    }

    @Test
    void beijingListsDisagreeByYearAndTheNewestIsTheDefault() {
        // .org: accepted nationally, refused by Beijing in both its lists
        assertTrue(suffixes.judge("org", Province.SHANGHAI).approved());
        assertFalse(suffixes.judge("org", Province.BEIJING).approved());
        // .cc / .tv: on Beijing's 2018 list, not on the 2019 one (the default)
        assertTrue(suffixes.judge("tv", Province.BEIJING, LocalDate.of(2018, 10, 1)).approved());
        assertFalse(suffixes.judge("tv", Province.BEIJING).approved());
        assertEquals("BJ-B-02", suffixes.judge("tv", Province.BEIJING).ruleId());
        // .info: refused by the 2018 list, accepted by the 2019 one
        assertFalse(suffixes.judge("info", Province.BEIJING, LocalDate.of(2018, 12, 31)).approved());
        assertTrue(suffixes.judge("info", Province.BEIJING, LocalDate.of(2019, 1, 1)).approved());
        assertTrue(suffixes.judge("中国", Province.BEIJING).approved());
        assertTrue(suffixes.judge("com.cn", Province.BEIJING).approved());
    }

    @Test
    void aSuffixApprovedOnlyAfterADate() {
        SuffixJudgement before = suffixes.judge("online", Province.GUANGDONG, LocalDate.of(2018, 10, 1));
        assertFalse(before.approved());
        assertEquals(ApprovedSuffixes.DOMAIN_SUFFIX_NOT_APPROVED, before.code());
        assertEquals(LocalDate.of(2018, 9, 7), before.effectiveFrom());
        assertTrue(suffixes.judge("online", Province.GUANGDONG, LocalDate.of(2019, 1, 1)).approved());
        assertTrue(suffixes.judge("online", Province.GUANGDONG).approved());
        // before the first list: the first list decides
        assertFalse(suffixes.judge("online", null, LocalDate.of(2010, 1, 1)).approved());
    }

    @Test
    void unlistedSuffixesAreNotApproved() {
        SuffixJudgement j = suffixes.judge("rocks", null);
        assertFalse(j.approved());
        assertTrue(j.message().contains(".rocks"), j.message());
        assertFalse(suffixes.judge("io", Province.ZHEJIANG).approved());
    }

    @Test
    void everyListIsDated() {
        assertEquals(2, suffixes.lists("NATIONAL").size());
        assertEquals(2, suffixes.lists("BEIJING").size());
        assertTrue(suffixes.lists("BEIJING").get(1).accept().contains("xn--fiqs8s"));
    }
}
