package cn.beian.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.beian.contract.privacy.Masking;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksResidentIdAsTheConventionsShow() {
        assertEquals("110101********0011", Masking.certificateNumber("110101199003070011"));
    }

    @Test
    void masksShortCertificatesWithoutRevealingMost() {
        assertEquals("E1*****78", Masking.certificateNumber("E12345678"));
        assertEquals("****", Masking.certificateNumber("1234"));
    }

    @Test
    void masksMobilesKeepingCountryCode() {
        assertEquals("138****0013", Masking.mobile("13800000013"));
        assertEquals("+86138****0013", Masking.mobile("+8613800000013"));
        assertNull(Masking.mobile(null));
    }

    @Test
    void masksEmailAndNames() {
        assertEquals("a***@example.com", Masking.email("alice@example.com"));
        assertEquals("***", Masking.email("not-an-email"));
        assertEquals("张*", Masking.personName("张三"));
        assertEquals("欧***", Masking.personName("欧阳娜娜"));
    }
}
