package cn.beian.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.subject.domain.PublicIp;
import cn.beian.subject.domain.PublicIp.Problem;
import cn.beian.subject.domain.Server;
import cn.beian.subject.domain.ServerBilling;
import cn.beian.subject.domain.ServerIneligibility;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PublicIpTest {

    @ParameterizedTest
    @ValueSource(strings = {"47.96.10.20", "1.1.1.1", "223.5.5.5", "100.128.0.1", "172.32.0.1", "2408:4000::1",
        "240e:3b0:0:0:0:0:0:10"})
    void publicAddressesPass(String ip) {
        assertEquals(null, PublicIp.parse(ip).problem(), ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1", "0.0.0.0",
        "169.254.1.1", "100.64.0.1", "100.127.255.255", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1",
        "224.0.0.1", "255.255.255.255", "240.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "2001:db8::1", "::ffff:10.0.0.1"})
    void privateAndSpecialRangesAreNotPublic(String ip) {
        assertEquals(Problem.NOT_PUBLIC, PublicIp.parse(ip).problem(), ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "2408::4000::1",
        "gggg::1", "fe80::1%eth0", "", " "})
    void anythingElseIsMalformedAndNeverResolved(String ip) {
        assertEquals(Problem.MALFORMED, PublicIp.parse(ip).problem(), ip);
    }

    @Test
    void canonicalForms() {
        assertEquals("240e:3b0:0:0:0:0:0:10", PublicIp.parse("240E:03B0::10").address());
        assertEquals("47.96.10.20", PublicIp.parse("::ffff:47.96.10.20").address());
    }

    @Test
    void eligibilityNamesEveryReason() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        Server s = new Server();
        s.billing = ServerBilling.PREPAID;
        s.purchasedMonths = 3;
        s.publicIp = "47.96.10.20";
        s.expiresAt = now.plusDays(1);
        assertEquals(List.of(), s.ineligibility(now));
        s.purchasedMonths = 2;
        assertEquals(List.of(ServerIneligibility.TOO_SHORT), s.ineligibility(now));
        s.billing = ServerBilling.POSTPAID;
        s.publicIp = null;
        s.loadBalancer = true;
        s.expiresAt = now;
        assertEquals(List.of(ServerIneligibility.NOT_PREPAID, ServerIneligibility.NO_PUBLIC_IP,
                ServerIneligibility.LOAD_BALANCER, ServerIneligibility.EXPIRED), s.ineligibility(now));
    }
}
