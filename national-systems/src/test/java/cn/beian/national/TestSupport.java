package cn.beian.national;

import static cn.beian.testing.TestTokens.as;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.domain.CertificateNumbers;
import cn.beian.testing.TestTokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.restassured.http.ContentType;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared helpers: the REST client against the test app, fresh certificate numbers and mobiles. */
final class TestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger(100);

    private TestSupport() {
    }

    /** The library's client, pointed at the running test app, with a machine client's token (role service). */
    static NationalSystemsClient client(URI base) {
        String token = TestTokens.token("service-account-review-service", "service");
        return QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .register((ClientRequestFilter) ctx -> ctx.getHeaders().putSingle("Authorization", "Bearer " + token))
                .build(NationalSystemsClient.class);
    }

    /** A valid resident ID nobody in the seed holds. */
    static String freshResidentId() {
        int n = SEQ.incrementAndGet();
        return CertificateNumbers.residentId("110108", LocalDate.of(1980 + n % 20, 1 + n % 12, 1 + n % 28), n % 1000);
    }

    /** A mobile nobody else in the tests uses. */
    static String freshMobile() {
        return "1370000" + "%04d".formatted(SEQ.incrementAndGet());
    }

    static void moveClock(String offset) {
        as("ops", "admin").contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put("/api/v1/admin/clock").then().statusCode(200);
    }
}
