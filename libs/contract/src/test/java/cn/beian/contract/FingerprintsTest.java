package cn.beian.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.contract.privacy.Fingerprints;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void isTheLeadingBytesOfTheTextsSha256InHex() {
        // FIPS 180-2's example: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
        assertEquals("ba7816bf8f01cfea", Fingerprints.of("abc", 8));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Fingerprints.of("abc", 64));
    }
}
