package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.Province;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumbersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @ValueSource(strings = {
        "110101199003070011", // the README's sample
        "11010519491231002X", // check character X
        "11010519491231002x", // lower-case x is accepted
        " 440308199901011234 ",
        "110101200002290018", // 29 February of a leap year
        "650102198501010035",
        "150102198501010037",
        "810000199001010019", // Hong Kong residents' residence permit
        "110101190001010014" // 1 January 1900
    })
    void validNumbers(String id) {
        assertEquals(Optional.empty(), ResidentIdNumbers.validate(id, TODAY), id);
        assertTrue(ResidentIdNumbers.isValid(id, TODAY));
    }

    @ParameterizedTest
    @CsvSource({
        "110101199003070012, CERTIFICATE_CHECK_DIGIT",
        "110105194912310021, CERTIFICATE_CHECK_DIGIT",
        "110105199003070071, CERTIFICATE_CHECK_DIGIT", // two digits swapped
        "11010519491331002X, CERTIFICATE_BIRTH_DATE", // no 13th month
        "110101190002290011, CERTIFICATE_BIRTH_DATE", // 1900 was not a leap year
        "110101200102290015, CERTIFICATE_BIRTH_DATE",
        "110101209912310015, CERTIFICATE_BIRTH_DATE", // in the future
        "11010118991231001X, CERTIFICATE_BIRTH_DATE", // before 1900
        "990101199001010019, CERTIFICATE_REGION",
        "000101199001010019, CERTIFICATE_REGION",
        "11010119900307001, CERTIFICATE_FORMAT",
        "1101011990030700111, CERTIFICATE_FORMAT",
        "11010119900307001Y, CERTIFICATE_FORMAT",
        "X10101199003070011, CERTIFICATE_FORMAT",
        "'', CERTIFICATE_FORMAT",
        "110105491231002, CERTIFICATE_OLD_STYLE"
    })
    void invalidNumbers(String id, String code) {
        Optional<Problem> p = ResidentIdNumbers.validate(id, TODAY);
        assertEquals(code, p.map(Problem::code).orElse("none"), id);
        assertFalse(p.get().message().isBlank());
        assertFalse(ResidentIdNumbers.isValid(id, TODAY));
    }

    @Test
    void nullIsAFormatProblem() {
        assertEquals(Problem.CERTIFICATE_FORMAT, ResidentIdNumbers.validate(null, TODAY).orElseThrow().code());
        assertFalse(ResidentIdNumbers.isValid(null));
    }

    @Test
    void bornTodayIsValidButTomorrowIsNot() {
        String today = withCheck("110101" + "20261123" + "001");
        String tomorrow = withCheck("110101" + "20261124" + "001");
        assertTrue(ResidentIdNumbers.isValid(today, TODAY));
        assertEquals(Problem.CERTIFICATE_BIRTH_DATE,
                ResidentIdNumbers.validate(tomorrow, TODAY).orElseThrow().code());
    }

    @Test
    void checkDigitFollowsGb11643() {
        assertEquals('1', ResidentIdNumbers.checkDigit("11010119900307001"));
        assertEquals('X', ResidentIdNumbers.checkDigit("11010519491231002"));
        assertEquals('4', ResidentIdNumbers.checkDigit("44030819990101123"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumbers.checkDigit("1101011990030700"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumbers.checkDigit("1101011990030700A"));
    }

    @Test
    void everySingleDigitErrorIsCaught() {
        String valid = "110101199003070011";
        for (int i = 0; i < 17; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (valid.charAt(i) == d) {
                    continue;
                }
                String wrong = valid.substring(0, i) + d + valid.substring(i + 1);
                assertFalse(ResidentIdNumbers.isValid(wrong, TODAY), wrong);
            }
        }
    }

    @Test
    void oldFifteenDigitNumbersAreRecognisedAndUpgraded() {
        assertTrue(ResidentIdNumbers.isOldStyle("110105491231002"));
        assertFalse(ResidentIdNumbers.isOldStyle("110105491331002"), "no 13th month");
        assertFalse(ResidentIdNumbers.isOldStyle("11010519491231002X"));
        assertEquals("11010519491231002X", ResidentIdNumbers.upgrade("110105491231002"));
        assertEquals("110101199003070011", ResidentIdNumbers.upgrade("110101900307001"));
        assertTrue(ResidentIdNumbers.isValid(ResidentIdNumbers.upgrade("440308990101123"), TODAY));
        assertTrue(ResidentIdNumbers.validate("110105491231002", TODAY).orElseThrow().message()
                .contains("11010519491231002X"), "names the 18-character form");
        assertEquals(LocalDate.of(1949, 12, 31), ResidentIdNumbers.birthDate("110105491231002").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumbers.upgrade("11010549123100"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumbers.upgrade(null));
    }

    @Test
    void birthDateProvinceSexAndAge() {
        assertEquals(LocalDate.of(1990, 3, 7), ResidentIdNumbers.birthDate("110101199003070011").orElseThrow());
        assertEquals(Optional.empty(), ResidentIdNumbers.birthDate("11010519491331002X"));
        assertEquals(Optional.empty(), ResidentIdNumbers.birthDate("not a number"));
        assertEquals(Province.BEIJING, ResidentIdNumbers.province("110101199003070011").orElseThrow());
        assertEquals(Province.GUANGDONG, ResidentIdNumbers.province("440308199901011234").orElseThrow());
        assertEquals(Province.XINJIANG, ResidentIdNumbers.province("650102198501010035").orElseThrow());
        assertEquals(Province.INNER_MONGOLIA, ResidentIdNumbers.province("150102198501010037").orElseThrow());
        assertEquals(Province.SHANGHAI, ResidentIdNumbers.province("310115198001010024").orElseThrow());
        assertEquals(Province.BEIJING, ResidentIdNumbers.province("110105491231002").orElseThrow());
        assertEquals(Optional.empty(), ResidentIdNumbers.province("810000199001010019"), "Hong Kong is no filing province");
        assertEquals(Optional.empty(), ResidentIdNumbers.province("abc"));
        assertTrue(ResidentIdNumbers.isMale("110101199003070011").orElseThrow());
        assertFalse(ResidentIdNumbers.isMale("310115198001010024").orElseThrow());
        assertEquals(OptionalInt.of(36), ResidentIdNumbers.ageAt("110101199003070011", TODAY));
        assertEquals(OptionalInt.of(35), ResidentIdNumbers.ageAt("110101199003070011", LocalDate.of(2026, 3, 6)));
        assertEquals(OptionalInt.of(36), ResidentIdNumbers.ageAt("110101199003070011", LocalDate.of(2026, 3, 7)));
        assertEquals(OptionalInt.empty(), ResidentIdNumbers.ageAt("passport", TODAY));
    }

    static String withCheck(String first17) {
        return first17 + ResidentIdNumbers.checkDigit(first17);
    }
}
