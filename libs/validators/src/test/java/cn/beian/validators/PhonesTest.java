package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.Province;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    @ParameterizedTest
    @CsvSource({
        "13800000013, 13800000013",
        "'+86 138 0000 0013', 13800000013",
        "+8613800000013, 13800000013",
        "8613800000013, 13800000013",
        "008613800000013, 13800000013",
        "138-0000-0013, 13800000013",
        "' 13911112222 ', 13911112222",
        "15000000000, 15000000000",
        "18612345678, 18612345678",
        "19912345678, 19912345678",
        "16612345678, 16612345678",
        "17012345678, 17012345678",
        "1380000001３, 13800000013" // a full-width digit from a Chinese input method
    })
    void mainlandMobilesAreNormalised(String raw, String national) {
        assertTrue(Phones.isMainlandMobile(raw), raw);
        assertEquals(Optional.of(national), Phones.mobileNational(raw));
        assertEquals(Optional.of("+86" + national), Phones.mobileE164(raw));
        assertEquals(Optional.empty(), Phones.validateMobile(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "12012345678", // no such prefix
        "10012345678",
        "1380000001", // 10 digits
        "138000000133", // 12 digits
        "+85291234567", // Hong Kong
        "+886912345678", // Taiwan
        "+12025550123", // United States
        "010-12345678", // a fixed line
        "13800000013 ext. 1",
        "mobile",
        "+86 138 0000 0013 0000 0000 0000 0000 0000 0000"
    })
    void otherNumbersAreNotMainlandMobiles(String raw) {
        assertFalse(Phones.isMainlandMobile(raw), raw);
        assertEquals(Optional.empty(), Phones.mobileNational(raw));
        assertEquals(Optional.empty(), Phones.mobileE164(raw));
        assertEquals(Phones.MOBILE_INVALID, Phones.validateMobile(raw).orElseThrow().code());
    }

    @Test
    void theProvinceAMobileWasRegisteredIn() {
        assertEquals(Optional.of(Province.BEIJING), Phones.mobileProvince("13800000013"));
        assertEquals(Optional.of(Province.BEIJING), Phones.mobileProvince("+86 138 0013 8000"));
        assertEquals(Optional.of(Province.XINJIANG), Phones.mobileProvince("13900000001"));
        assertEquals(Optional.of(Province.SHANGHAI), Phones.mobileProvince("15000000000"));
        assertEquals(Optional.of(Province.YUNNAN), Phones.mobileProvince("15912345678"));
        assertEquals(Optional.of(Province.INNER_MONGOLIA), Phones.mobileProvince("13947100000"));
        assertEquals(Optional.of(Province.GUANGXI), Phones.mobileProvince("13877100000"));
        assertEquals(Optional.of(Province.TIBET), Phones.mobileProvince("13989000000"));
        assertEquals(Optional.empty(), Phones.mobileProvince("19912345678"), "the data names only the country");
        assertEquals(Optional.empty(), Phones.mobileProvince("010-12345678"), "not a mobile");
        assertEquals(Optional.empty(), Phones.mobileProvince("12012345678"));
    }

    @Test
    void geocoderDescriptionsMapToProvincesByTheirChineseName() {
        assertEquals(Optional.of(Province.GUANGDONG), Phones.provinceOf("广东省深圳市"));
        assertEquals(Optional.of(Province.BEIJING), Phones.provinceOf("北京市"));
        assertEquals(Optional.of(Province.SHANXI), Phones.provinceOf("山西省太原市"));
        assertEquals(Optional.of(Province.SHAANXI), Phones.provinceOf("陕西省西安市"));
        assertEquals(Optional.of(Province.HEILONGJIANG), Phones.provinceOf("黑龙江省哈尔滨市"));
        assertEquals(Optional.of(Province.NINGXIA), Phones.provinceOf("宁夏银川市"));
        assertEquals(Optional.empty(), Phones.provinceOf("中国"));
        assertEquals(Optional.empty(), Phones.provinceOf("香港"));
        assertEquals(Optional.empty(), Phones.provinceOf(""));
        assertEquals(Optional.empty(), Phones.provinceOf(null));
    }

    @ParameterizedTest
    @CsvSource({
        "010-12345678, 010-12345678, +861012345678",
        "01012345678, 010-12345678, +861012345678",
        "'010 1234 5678', 010-12345678, +861012345678",
        "(010)12345678, 010-12345678, +861012345678",
        "0755-88886666, 0755-88886666, +8675588886666",
        "0571-87654321, 0571-87654321, +8657187654321",
        "0898-66666666, 0898-66666666, +8689866666666",
        "0471-1234567, 0471-1234567, +864711234567",
        "'+86 10 12345678', 010-12345678, +861012345678",
        "86-010-12345678, 010-12345678, +861012345678",
        "'010-12345678 ext. 123', 010-12345678 ext. 123, +861012345678",
        "'010 1234 5678 #123', 010-12345678 ext. 123, +861012345678",
        "010-12345678-123, 010-12345678 ext. 123, +861012345678",
        "010-12345678转123, 010-12345678 ext. 123, +861012345678",
        "'0755-88886666 分机 8', 0755-88886666 ext. 8, +8675588886666"
    })
    void officePhonesAreFixedLinesWithTheirAreaCode(String raw, String national, String e164) {
        assertTrue(Phones.isOfficePhone(raw), raw);
        assertEquals(Optional.of(national), Phones.officePhoneNational(raw));
        assertEquals(Optional.of(e164), Phones.officePhoneE164(raw));
        assertEquals(Optional.empty(), Phones.validateOfficePhone(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "12345678", // no area code
        "021-6666666", // Shanghai numbers have 8 digits
        "13800000013", // a mobile
        "+852 2123 4567", // Hong Kong
        "010-1234", "office", "010-12345678-1234567"
    })
    void otherNumbersAreNotOfficePhones(String raw) {
        assertFalse(Phones.isOfficePhone(raw), raw);
        assertEquals(Optional.empty(), Phones.officePhoneNational(raw));
        assertEquals(Phones.OFFICE_PHONE_INVALID, Phones.validateOfficePhone(raw).orElseThrow().code());
    }

    @Test
    void oneMobileHasOneKeyHowEverItIsWrittenAndTheKeyDoesNotShowIt() {
        String key = Phones.mobileKey("13800000013").orElseThrow();
        assertEquals(32, key.length());
        assertTrue(key.matches("[0-9a-f]{32}"), key);
        assertFalse(key.contains("13800000013"));
        for (String same : new String[] {"+86 138 0000 0013", "8613800000013", "138-0000-0013", " 13800000013 "}) {
            assertEquals(Optional.of(key), Phones.mobileKey(same), same);
        }
        assertFalse(key.equals(Phones.mobileKey("13800000014").orElseThrow()));
        assertEquals(Optional.empty(), Phones.mobileKey("010-12345678"));
        assertEquals(Optional.empty(), Phones.mobileKey(null));
    }
}
