package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * Access filings and subject deregistrations need the filing password, checked with the national system when the
 * order is created; Beian keeps only the fact that it matched.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class FilingPasswordTest {

    private static final String PASSWORD = "Secret#20261123";

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    private static String account() {
        String account = "pw-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("褚十四"))
                .post("/api/v1/subjects").then().statusCode(201);
        return account;
    }

    private static io.restassured.response.ValidatableResponse open(String account, String type, String password) {
        String body = password == null ? "{\"type\":\"%s\"}".formatted(type)
                : "{\"type\":\"%s\",\"filingPassword\":\"%s\"}".formatted(type, password);
        return as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/orders").then();
    }

    private static void answer(NationalSystemsClient national, PasswordCheckResult.Result result, int left) {
        when(national.checkPassword(any())).thenReturn(Uni.createFrom().item(new PasswordCheckResult(result,
                "京ICP备12345678号", left, result == PasswordCheckResult.Result.LOCKED ? TestClock.now() : null)));
    }

    @Test
    void anAccessFilingWithoutThePasswordIsRefused() throws Exception {
        String account = account();
        open(account, "ACCESS_FILING", null).statusCode(400)
                .body("errors[0].field", equalTo("filingPassword"))
                .body("errors[0].code", equalTo("FILING_PASSWORD_REQUIRED"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from filing_order where account_id = '" + account + "'"));
    }

    @Test
    void aWrongPasswordSaysHowManyTriesAreLeftAndALockedCheckIsAConflict() throws Exception {
        String account = account();
        answer(national, PasswordCheckResult.Result.MISMATCH, 3);
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(400)
                .body("errors[0].code", equalTo("FILING_PASSWORD_WRONG"))
                .body("remainingAttempts", equalTo(3));
        answer(national, PasswordCheckResult.Result.LOCKED, 0);
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(409);
        assertEquals(0, SubjectResourceTest.count("select count(*) from filing_order where account_id = '" + account + "'"));
    }

    @Test
    void aMatchingPasswordOpensTheOrderAndIsStoredNowhere() throws Exception {
        String account = account();
        answer(national, PasswordCheckResult.Result.MATCH, 5);
        String order = open(account, "ACCESS_FILING", PASSWORD).statusCode(201).extract().path("id");
        assertEquals(1, SubjectResourceTest.count("select count(*) from filing_order where id = '" + order
                + "' and filing_password_verified_at is not null"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from outbox_event where payload like '%"
                + PASSWORD + "%'"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from order_transition where reasons like '%"
                + PASSWORD + "%'"));
        // Types that need no password never ask for one.
        open(account(), "FIRST_FILING", null).statusCode(201);
    }
}
