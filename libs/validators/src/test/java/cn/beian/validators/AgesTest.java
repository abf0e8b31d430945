package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void fullYears() {
        assertEquals(36, Ages.ageAt(LocalDate.of(1990, 3, 7), TODAY));
        assertEquals(0, Ages.ageAt(TODAY, TODAY));
        assertEquals(15, Ages.ageAt(LocalDate.of(2010, 11, 24), TODAY), "turns 16 tomorrow");
        assertEquals(16, Ages.ageAt(LocalDate.of(2010, 11, 23), TODAY), "16 today");
        assertEquals(3, Ages.ageAt(LocalDate.of(2000, 2, 29), LocalDate.of(2004, 2, 28)), "leap-day birthday");
        assertEquals(4, Ages.ageAt(LocalDate.of(2000, 2, 29), LocalDate.of(2004, 2, 29)));
        assertEquals(4, Ages.ageAt(LocalDate.of(2000, 2, 29), LocalDate.of(2005, 2, 28)));
        assertEquals(5, Ages.ageAt(LocalDate.of(2000, 2, 29), LocalDate.of(2005, 3, 1)));
        assertThrows(IllegalArgumentException.class, () -> Ages.ageAt(TODAY.plusDays(1), TODAY));
    }

    @Test
    void unitPrincipalsAreAtLeastSixteen() {
        assertTrue(Ages.oldEnoughForUnitPrincipal(LocalDate.of(2010, 11, 23), TODAY));
        assertFalse(Ages.oldEnoughForUnitPrincipal(LocalDate.of(2010, 11, 24), TODAY));
        // 110101201011240017: born 2010-11-24, 15 today; 110101201011230013 would be 16.
        Ages.Assessment young = Ages.assess(CertificateType.RESIDENT_ID, "110101201011240017", TODAY).orElseThrow();
        assertEquals(15, young.age());
        assertFalse(young.mayBeUnitPrincipal());
        assertTrue(young.needsEmploymentProof());
    }

    @Test
    void personsUnderEighteenNeedEmploymentProof() {
        assertTrue(Ages.needsEmploymentProof(LocalDate.of(2008, 11, 24), TODAY));
        assertFalse(Ages.needsEmploymentProof(LocalDate.of(2008, 11, 23), TODAY));
        Ages.Assessment seventeen = Ages.assess(CertificateType.RESIDENT_ID, "110101200811240010", TODAY).orElseThrow();
        assertEquals(17, seventeen.age());
        assertTrue(seventeen.mayBeUnitPrincipal());
        assertTrue(seventeen.needsEmploymentProof());
        Ages.Assessment adult = Ages.assess(CertificateType.RESIDENT_ID, "110101199003070011", TODAY).orElseThrow();
        assertTrue(adult.mayBeUnitPrincipal());
        assertFalse(adult.needsEmploymentProof());
    }

    @Test
    void noAssessmentWithoutABirthDate() {
        assertEquals(Optional.empty(), Ages.assess(CertificateType.PASSPORT, "E12345678", TODAY));
        assertEquals(Optional.empty(), Ages.assess(CertificateType.RESIDENT_ID, "11010519491331002X", TODAY));
        assertEquals(Optional.empty(), Ages.assess(CertificateType.RESIDENT_ID, "110101209912310015", TODAY),
                "born in the future");
        assertEquals(46, Ages.assess(CertificateType.FOREIGNER_PERMANENT_RESIDENCE, "911840198001010013", TODAY)
                .orElseThrow().age());
    }
}
