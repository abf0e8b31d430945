package cn.beian.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.domain.CertificateNumbers;
import cn.beian.national.domain.FilingNumbers;
import cn.beian.national.domain.PasswordHasher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GB 11643 / GB 32100 / GB 11714 generators and validators, and the seed file they vouch for. */
class CertificateNumbersTest {

    @Test
    void residentIdCheckDigits() {
        // The GB 11643 standard's own example.
        assertTrue(CertificateNumbers.isValidResidentId("11010519491231002X"));
        assertFalse(CertificateNumbers.isValidResidentId("110105194912310021"), "wrong check digit");
        assertFalse(CertificateNumbers.isValidResidentId("11010519491331002X"), "no 13th month");
        String made = CertificateNumbers.residentId("330106", LocalDate.of(1990, 2, 28), 17);
        assertTrue(CertificateNumbers.isValidResidentId(made), made);
        assertEquals("11010519491231002X", CertificateNumbers.upgradeResidentId("110105491231002"));
        assertEquals("110105491231002",
                CertificateNumbers.oldStyleOf(CertificateType.RESIDENT_ID, "11010519491231002X").orElseThrow());
    }

    @Test
    void unifiedSocialCreditCodeCheckCharacters() {
        String made = CertificateNumbers.uscc('9', '1', "110108", "MA01XY7K");
        assertEquals("91110108MA01XY7K9D", made);
        assertTrue(CertificateNumbers.isValidUscc(made));
        assertFalse(CertificateNumbers.isValidUscc("91110108MA01XY7K9E"), "wrong check character");
        assertFalse(CertificateNumbers.isValidUscc("91110108MA01XY7K8D"), "wrong organization code check");
        // Known published codes.
        assertTrue(CertificateNumbers.isValidUscc("91110000802100433B"), "Bank of China");
        assertTrue(CertificateNumbers.isValidOrganizationCode("MA01XY7K9"));
        assertEquals("MA01XY7K9", CertificateNumbers.oldStyleOf(CertificateType.BUSINESS_LICENSE, made).orElseThrow());
    }

    @Test
    void passwordsAreHashedAndVerified() {
        String pw = PasswordHasher.generate();
        assertEquals(10, pw.length());
        String hash = PasswordHasher.hash(pw, 1000);
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(hash.contains(pw));
        assertTrue(PasswordHasher.verify(pw, hash));
        assertFalse(PasswordHasher.verify(pw + "x", hash));
    }

    @Test
    void theSeedIsVariedAndEveryNumberIsValid() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/seed/registry.json")) {
            root = new ObjectMapper().readTree(in);
        }
        Set<String> provinces = new HashSet<>();
        Set<String> natures = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        int subjects = 0;
        for (JsonNode s : root.get("subjects")) {
            subjects++;
            provinces.add(s.get("province").asText());
            natures.add(s.get("nature").asText());
            statuses.add(s.get("status").asText());
            String number = s.get("certificateNumber").asText();
            CertificateType type = CertificateType.valueOf(s.get("certificateType").asText());
            boolean valid = switch (type) {
                case RESIDENT_ID -> number.length() == 15 || CertificateNumbers.isValidResidentId(number);
                case ORGANIZATION_CODE -> CertificateNumbers.isValidOrganizationCode(number);
                default -> CertificateNumbers.isValidUscc(number);
            };
            assertTrue(valid, type + " " + number);
            assertTrue(CertificateNumbers.isValidResidentId(s.get("principal").get("certificateNumber").asText()));
            assertTrue(FilingNumbers.SUBJECT.matcher(s.get("subjectFilingNumber").asText()).matches());
            for (JsonNode w : s.get("websites")) {
                assertTrue(FilingNumbers.WEBSITE.matcher(w.get("websiteFilingNumber").asText()).matches());
                statuses.add(w.get("status").asText());
            }
        }
        assertTrue(subjects >= 50, "subjects: " + subjects);
        assertEquals(31, provinces.size());
        assertTrue(natures.containsAll(Set.of("PERSON", "ENTERPRISE", "GOVERNMENT", "PUBLIC_INSTITUTION")));
        assertTrue(statuses.containsAll(Set.of("NORMAL", "DEREGISTERED", "EMPTY_SHELL")));
    }
}
