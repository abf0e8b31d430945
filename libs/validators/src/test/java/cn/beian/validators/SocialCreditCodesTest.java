package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.Province;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SocialCreditCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "91110000802100433B", // Bank of China
        "914403001922038216", // Huawei Technologies
        "9144030071526726XG", // Tencent (Shenzhen)
        "91330100799655058B", // Alibaba (China)
        "91110108551385082Q", // Xiaomi
        "91110000710925462X",
        "12100000400000624D", // a public institution registered at national level
        " 91110108551385082q " // blanks and lower case are normalised
    })
    void realCodesAreValid(String code) {
        assertEquals(Optional.empty(), SocialCreditCodes.validate(code), code);
        assertTrue(SocialCreditCodes.isValid(code));
    }

    @ParameterizedTest
    @CsvSource({
        "91110000802100433C, CERTIFICATE_CHECK_DIGIT",
        "91330100MA2XXXXX0A, CERTIFICATE_CHECK_DIGIT",
        "91110108551385028Q, CERTIFICATE_CHECK_DIGIT", // two characters swapped
        "91110108MA01XY7K8D, CERTIFICATE_CHECK_DIGIT",
        "9111000080210043IB, CERTIFICATE_FORMAT", // I is not in the alphabet
        "911100008021004O3B, CERTIFICATE_FORMAT", // nor is O
        "9111A000802100433B, CERTIFICATE_FORMAT", // the region is 6 digits
        "01110000802100433B, CERTIFICATE_FORMAT", // no registering authority 0
        "91110000802100433, CERTIFICATE_FORMAT",
        "91110000802100433BB, CERTIFICATE_FORMAT",
        "'', CERTIFICATE_FORMAT",
        "80210043-3, CERTIFICATE_OLD_STYLE",
        "802100433, CERTIFICATE_OLD_STYLE",
        "110108012345678, CERTIFICATE_OLD_STYLE"
    })
    void invalidCodes(String code, String expected) {
        assertEquals(expected, SocialCreditCodes.validate(code).map(Problem::code).orElse("none"), code);
        assertFalse(SocialCreditCodes.isValid(code));
    }

    @Test
    void aCodeWhoseOwnCheckPassesButWhoseOrganizationCodeDoesNotIsRefused() {
        String body = "91110108MA01XY7K8"; // organization code MA01XY7K8, whose check should be 9
        String code = body + SocialCreditCodes.checkChar(body);
        Problem p = SocialCreditCodes.validate(code).orElseThrow();
        assertEquals(Problem.CERTIFICATE_CHECK_DIGIT, p.code());
        assertTrue(p.message().contains("organization code"));
    }

    @Test
    void everySingleCharacterErrorIsCaught() {
        String valid = "91110000802100433B";
        for (int i = 0; i < 17; i++) {
            for (char c : SocialCreditCodes.ALPHABET.toCharArray()) {
                if (valid.charAt(i) == c) {
                    continue;
                }
                String wrong = valid.substring(0, i) + c + valid.substring(i + 1);
                assertFalse(SocialCreditCodes.isValid(wrong), wrong);
            }
        }
    }

    @Test
    void checkCharacter() {
        assertEquals('B', SocialCreditCodes.checkChar("91110000802100433"));
        assertEquals('8', SocialCreditCodes.checkChar("91330100MA2XXXXX0"));
        assertThrows(IllegalArgumentException.class, () -> SocialCreditCodes.checkChar("9111000080210043"));
        assertThrows(IllegalArgumentException.class, () -> SocialCreditCodes.checkChar("9111000080210043I"));
    }

    @Test
    void regionProvinceAndOrganizationCode() {
        assertEquals("802100433", SocialCreditCodes.organizationCode("91110000802100433B"));
        assertEquals("110000", SocialCreditCodes.regionCode("91110000802100433B").orElseThrow());
        assertEquals(Province.BEIJING, SocialCreditCodes.province("91110000802100433B").orElseThrow());
        assertEquals(Province.GUANGDONG, SocialCreditCodes.province("914403001922038216").orElseThrow());
        assertEquals(Province.ZHEJIANG, SocialCreditCodes.province("91330100799655058B").orElseThrow());
        assertEquals(Optional.empty(), SocialCreditCodes.province("12100000400000624D"), "registered nationally");
        assertEquals(Optional.empty(), SocialCreditCodes.province("not a code"));
        assertThrows(IllegalArgumentException.class, () -> SocialCreditCodes.organizationCode("802100433"));
    }

    @Test
    void oldStyleNumbersAreRecognised() {
        assertTrue(SocialCreditCodes.isOldStyle("802100433"));
        assertTrue(SocialCreditCodes.isOldStyle("80210043-3"));
        assertTrue(SocialCreditCodes.isOldStyle("110108012345678"));
        assertFalse(SocialCreditCodes.isOldStyle("802100434"), "an organization code that does not check");
        assertFalse(SocialCreditCodes.isOldStyle("91110000802100433B"));
        assertFalse(SocialCreditCodes.isOldStyle(null));
    }

    @Test
    void organizationCodes() {
        for (String valid : new String[] {"802100433", "80210043-3", "192203821", "MA01XY7K9", "71526726X", "55138508-2",
                "79965505-8"}) {
            assertEquals(Optional.empty(), OrganizationCodes.validate(valid), valid);
        }
        assertEquals('X', OrganizationCodes.checkChar("71526726"));
        assertEquals('0', OrganizationCodes.checkChar("MA2XXXXX"));
        assertEquals('3', OrganizationCodes.checkChar("80210043"));
        assertEquals("802100433", OrganizationCodes.normalise(" 80210043-3 "));
        assertEquals(Problem.CERTIFICATE_CHECK_DIGIT, OrganizationCodes.validate("802100434").orElseThrow().code());
        assertEquals(Problem.CERTIFICATE_CHECK_DIGIT, OrganizationCodes.validate("71526726-0").orElseThrow().code());
        assertEquals(Problem.CERTIFICATE_FORMAT, OrganizationCodes.validate("8021004-33").orElseThrow().code());
        assertEquals(Problem.CERTIFICATE_FORMAT, OrganizationCodes.validate("80210043Y").orElseThrow().code());
        assertEquals(Problem.CERTIFICATE_FORMAT, OrganizationCodes.validate("8021004").orElseThrow().code());
        assertEquals(Problem.CERTIFICATE_FORMAT, OrganizationCodes.validate(null).orElseThrow().code());
        assertTrue(OrganizationCodes.isValid("71526726-x"), "lower-case x");
        assertThrows(IllegalArgumentException.class, () -> OrganizationCodes.checkChar("8021004*"));
    }
}
