package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "alice@example.com", "alice@beian.local", "12345678@qq.com", "zhang.san@163.com", "first.last+tag@sub.example.cn",
        "o'brien@example.ie", "user_name-1@example-mail.com.cn", "张三@例子.中国", "admin@xn--fiqs8s.cn", "a@b.co",
        "ALICE@EXAMPLE.COM", " alice@example.com "
    })
    void validAddresses(String address) {
        assertTrue(Emails.isValid(address), address);
        assertEquals(Optional.empty(), Emails.validate(address));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "alice", "alice@", "@example.com", "alice@example", "alice@@example.com", "al@ice@example.com",
        "alice.@example.com", ".alice@example.com", "al..ice@example.com", "alice@.example.com", "alice@example.com.",
        "alice@example..com", "alice@-example.com", "alice@example-.com", "alice@exa_mple.com", "alice@example.c0m",
        "alice@123.456", "alice@[127.0.0.1]", "\"alice\"@example.com", "al ice@example.com", "alice@exam ple.com",
        "alice@example.com (Alice)", "Alice <alice@example.com>"
    })
    void invalidAddresses(String address) {
        assertFalse(Emails.isValid(address), address);
        assertEquals(Emails.EMAIL, Emails.validate(address).orElseThrow().code());
    }

    @Test
    void lengthLimits() {
        assertTrue(Emails.isValid("a".repeat(64) + "@example.com"));
        assertFalse(Emails.isValid("a".repeat(65) + "@example.com"));
        assertTrue(Emails.isValid("a@" + "b".repeat(63) + ".com"));
        assertFalse(Emails.isValid("a@" + "b".repeat(64) + ".com"));
        String longDomain = ("x".repeat(60) + ".").repeat(5) + "com"; // 308 characters
        assertFalse(Emails.isValid("a@" + longDomain));
    }

    @Test
    void normalisationLowerCasesTheDomainOnly() {
        assertEquals(Optional.of("Alice@example.com"), Emails.normalise(" Alice@EXAMPLE.com "));
        assertEquals(Optional.empty(), Emails.normalise("nope"));
    }
}
