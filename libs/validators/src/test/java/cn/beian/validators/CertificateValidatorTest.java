package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @CsvSource({
        "RESIDENT_ID, 110101199003070011",
        "RESIDENT_ID, 11010519491231002x",
        "BUSINESS_LICENSE, 91110000802100433B",
        "BUSINESS_LICENSE, 9144030071526726xg",
        "ORGANIZATION_CODE, 80210043-3",
        "ORGANIZATION_CODE, 802100433",
        "ORGANIZATION_CODE, 91110000802100433B",
        "PUBLIC_INSTITUTION_CERTIFICATE, 12100000400000624D",
        "PUBLIC_INSTITUTION_CERTIFICATE, 110000001234",
        "SOCIAL_ORGANIZATION_CERTIFICATE, 51100000500000568J",
        "PRIVATE_NON_ENTERPRISE_CERTIFICATE, 52110000MJ0000000(1)",
        "PASSPORT, E12345678",
        "PASSPORT, EA1234567",
        "PASSPORT, G12345678",
        "PASSPORT, P12345678",
        "PASSPORT, 123456789", // United States
        "PASSPORT, AB1234567", // foreign, letters and digits
        "PASSPORT, x1234",
        "PASSPORT, E1234",
        "HK_MACAO_PERMIT, H12345678",
        "HK_MACAO_PERMIT, M1234567801",
        "HK_MACAO_PERMIT, h12345678",
        "TAIWAN_PERMIT, 12345678",
        "FOREIGNER_PERMANENT_RESIDENCE, USA110419800101",
        "FOREIGNER_PERMANENT_RESIDENCE, 911840198001010013",
        "MILITARY_CODE, 0123-45"
    })
    void validNumbers(CertificateType type, String number) {
        assertEquals(Optional.empty(), CertificateValidator.validate(type, number, TODAY), type + " " + number);
        assertTrue(CertificateValidator.isValid(type, number, TODAY));
    }

    @ParameterizedTest
    @CsvSource({
        "RESIDENT_ID, 110101199003070012, CERTIFICATE_CHECK_DIGIT",
        "RESIDENT_ID, 110101209912310015, CERTIFICATE_BIRTH_DATE",
        "RESIDENT_ID, 110105491231002, CERTIFICATE_OLD_STYLE",
        "RESIDENT_ID, E12345678, CERTIFICATE_FORMAT",
        "BUSINESS_LICENSE, 91330100MA2XXXXX0A, CERTIFICATE_CHECK_DIGIT",
        "BUSINESS_LICENSE, 802100433, CERTIFICATE_OLD_STYLE",
        "BUSINESS_LICENSE, 110101199003070011, CERTIFICATE_CHECK_DIGIT",
        "ORGANIZATION_CODE, 802100434, CERTIFICATE_CHECK_DIGIT",
        "ORGANIZATION_CODE, 91110000802100433C, CERTIFICATE_CHECK_DIGIT",
        "ORGANIZATION_CODE, 8021004, CERTIFICATE_FORMAT",
        "PUBLIC_INSTITUTION_CERTIFICATE, 12100000400000624E, CERTIFICATE_CHECK_DIGIT",
        "PUBLIC_INSTITUTION_CERTIFICATE, 123, CERTIFICATE_FORMAT",
        "PASSPORT, ABCDEFGHI, CERTIFICATE_FORMAT",
        "PASSPORT, E123, CERTIFICATE_FORMAT",
        "PASSPORT, E1234567890123456789, CERTIFICATE_FORMAT",
        "PASSPORT, E-1234567, CERTIFICATE_FORMAT",
        "HK_MACAO_PERMIT, H1234567, CERTIFICATE_FORMAT",
        "HK_MACAO_PERMIT, H123456789, CERTIFICATE_FORMAT",
        "HK_MACAO_PERMIT, K12345678, CERTIFICATE_FORMAT",
        "HK_MACAO_PERMIT, 12345678, CERTIFICATE_FORMAT",
        "TAIWAN_PERMIT, 1234567, CERTIFICATE_FORMAT",
        "TAIWAN_PERMIT, T12345678, CERTIFICATE_FORMAT",
        "FOREIGNER_PERMANENT_RESIDENCE, 911840198001010016, CERTIFICATE_CHECK_DIGIT",
        "FOREIGNER_PERMANENT_RESIDENCE, 911840198013010015, CERTIFICATE_BIRTH_DATE",
        "FOREIGNER_PERMANENT_RESIDENCE, 811840198001010015, CERTIFICATE_FORMAT",
        "FOREIGNER_PERMANENT_RESIDENCE, US1104198001011, CERTIFICATE_FORMAT",
        "MILITARY_CODE, '!!!!', CERTIFICATE_FORMAT",
        "MILITARY_CODE, ---, CERTIFICATE_FORMAT",
        "MILITARY_CODE, 军字第12345号, CERTIFICATE_FORMAT",
        "PUBLIC_INSTITUTION_CERTIFICATE, 事证第110000001234号, CERTIFICATE_FORMAT"
    })
    void invalidNumbers(CertificateType type, String number, String code) {
        Problem p = CertificateValidator.validate(type, number, TODAY).orElseThrow(() -> new AssertionError(number));
        assertEquals(code, p.code(), type + " " + number);
        assertFalse(p.message().isBlank());
    }

    @ParameterizedTest
    @EnumSource(CertificateType.class)
    void blankOrMissingNumbersAreFormatProblemsForEveryType(CertificateType type) {
        assertEquals(Problem.CERTIFICATE_FORMAT, CertificateValidator.validate(type, null, TODAY).orElseThrow().code());
        assertEquals(Problem.CERTIFICATE_FORMAT, CertificateValidator.validate(type, "  ", TODAY).orElseThrow().code());
    }

    @Test
    void chinesePassports() {
        assertTrue(CertificateValidator.isChinesePassport("E12345678"));
        assertTrue(CertificateValidator.isChinesePassport("ea1234567"));
        assertTrue(CertificateValidator.isChinesePassport("G12345678"));
        assertTrue(CertificateValidator.isChinesePassport("SE1234567"));
        assertFalse(CertificateValidator.isChinesePassport("EI1234567"), "no I in the second place");
        assertFalse(CertificateValidator.isChinesePassport("123456789"));
        assertFalse(CertificateValidator.isChinesePassport(null));
    }

    @Test
    void birthDates() {
        assertEquals(LocalDate.of(1990, 3, 7),
                CertificateValidator.birthDate(CertificateType.RESIDENT_ID, "110101199003070011").orElseThrow());
        assertEquals(LocalDate.of(1980, 1, 1), CertificateValidator
                .birthDate(CertificateType.FOREIGNER_PERMANENT_RESIDENCE, "911840198001010013").orElseThrow());
        assertEquals(Optional.empty(), CertificateValidator.birthDate(CertificateType.PASSPORT, "E12345678"));
        assertEquals(Optional.empty(),
                CertificateValidator.birthDate(CertificateType.FOREIGNER_PERMANENT_RESIDENCE, "USA110419800101"));
        assertEquals(Optional.empty(), CertificateValidator.birthDate(CertificateType.RESIDENT_ID, null));
    }

    @Test
    void normalisation() {
        assertEquals("11010519491231002X", CertificateValidator.normalise(" 11010519491231002x\t"));
        assertEquals(null, CertificateValidator.normalise(null));
    }

    @Test
    void theDefaultTodayIsBeijingsAndTheTypeIsRequired() {
        assertEquals(Optional.empty(), CertificateValidator.validate(CertificateType.RESIDENT_ID, "110101199003070011"));
        assertThrows(NullPointerException.class, () -> CertificateValidator.validate(null, "1", TODAY));
    }
}
