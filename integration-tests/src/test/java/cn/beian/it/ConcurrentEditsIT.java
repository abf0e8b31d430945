package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two front-ends edit one order's websites at the same moment, while the applicant edits the subject (each edit an
 * {@code order.subject-outlined} event website-service applies to the same order): one writer per version wins, the
 * others get 412, nobody gets a 5xx, no event is parked or lost, and the order goes on.
 */
class ConcurrentEditsIT {

    private static final int WRITERS = 8;

    @Test
    void concurrentEditsOfOneOrderAnswer412AndLoseNoEvent() throws Exception {
        String applicant = Keycloak.newApplicant();
        String admin = Keycloak.token("ada", "ada-local");
        String name = "并发" + (char) (0x4e59 + (int) (Math.random() * 10));
        String subjectBody = Fixtures.personSubject(name, "race-" + UUID.randomUUID() + "@beian.local");
        Response subject = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(subjectBody)
                .post(Stack.SUBJECT + "/api/v1/subjects");
        subject.then().statusCode(201);
        Mobiles.confirmIn(applicant, subjectBody);
        String subjectId = subject.path("id");
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        String domain = "race-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(applicant).get(websites).statusCode() == 200);
        String websiteId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Fixtures.website(applicant, name + "的读书笔记", domain)).post(websites).then().statusCode(201)
                .extract().path("id");

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            // The subject changes underneath, one edit after another, while the websites race.
            Future<Integer> subjectEdits = pool.submit(() -> editSubjectRepeatedly(applicant, subjectId, subjectBody));
            List<Callable<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String body = Fixtures.website(applicant, name + "的读书笔记" + i, domain);
                puts.add(() -> given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(body).put(websites + "/" + websiteId).statusCode());
            }
            Map<Integer, Long> putStatuses = statuses(pool.invokeAll(puts));
            assertEquals(Map.of(200, 1L, 412, (long) WRITERS - 1), putStatuses, "one PUT per If-Match wins");

            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String body = Fixtures.website(applicant, name + "的随笔" + i, "p" + i + "-" + domain);
                posts.add(() -> given().auth().oauth2(applicant).contentType(ContentType.JSON).body(body)
                        .post(websites).statusCode());
            }
            Map<Integer, Long> postStatuses = statuses(pool.invokeAll(posts));
            assertEquals(Map.of(201, (long) WRITERS), postStatuses, "every POST is a website of its own");
            assertTrue(subjectEdits.get() > 0, "the subject was edited during the race");
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(applicant).get(websites).then().statusCode(200).body("websites", hasSize(WRITERS + 1));

        // Every event of the order was applied everywhere: website- and materials-service judge a request naming the
        // order's last sequence (the subject edits among its events) at once, nothing is parked, nothing dead-lettered.
        String sequence = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .header("Beian-Order-Sequence");
        given().auth().oauth2(applicant).header("Beian-Order-Sequence", sequence).get(websites).then().statusCode(200);
        given().auth().oauth2(applicant).header("Beian-Order-Sequence", sequence)
                .get(Stack.MATERIALS + "/api/v1/orders/" + order + "/required-materials").then().statusCode(200);
        for (String dlq : List.of("beian.website.subject-events.dlq", "beian.materials.subject-events.dlq",
                "beian.subject.website-events.dlq", "beian.materials.website-events.dlq")) {
            if (KafkaEvents.topicExists(dlq)) {
                assertEquals(List.of(), KafkaEvents.typesFor(dlq, order), dlq);
            }
        }
        for (String service : List.of(Stack.SUBJECT, Stack.WEBSITE, Stack.MATERIALS, Stack.REVIEW,
                Stack.NOTIFICATION)) {
            for (String aggregate : List.of(order, subjectId)) {
                given().auth().oauth2(admin).queryParam("aggregateId", aggregate)
                        .get(service + "/api/v1/admin/parked-events").then().statusCode(200)
                        .body("items", hasSize(0));
            }
        }
    }

    /**
     * Read your own writes: the order's creation answers with its event sequence; a website added at once with that
     * sequence is judged on the order website-service has caught up with — never a 404 for an order that exists.
     */
    @Test
    void aRequestRightAfterTheOrderWasCreatedWaitsForItInsteadOfNotFindingIt() {
        for (int i = 0; i < 5; i++) {
            String applicant = Keycloak.newApplicant();
            given().auth().oauth2(applicant).contentType(ContentType.JSON)
                    .body(Fixtures.personSubject("即刻", "now-" + UUID.randomUUID() + "@beian.local"))
                    .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
            Response created = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                    .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders");
            created.then().statusCode(201);
            String sequence = created.header("Beian-Order-Sequence");
            assertTrue(sequence != null && Long.parseLong(sequence) >= 1, "the creation names its sequence");
            String domain = "now-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
            given().auth().oauth2(applicant).contentType(ContentType.JSON).header("Beian-Order-Sequence", sequence)
                    .body(Fixtures.website(applicant, "即刻的读书笔记", domain))
                    .post(Stack.WEBSITE + "/api/v1/orders/" + created.path("id") + "/websites")
                    .then().statusCode(201);
        }
    }

    /** Edits the subject's address five times in a row (each edit re-outlines the order); answers how many took. */
    private static int editSubjectRepeatedly(String token, String subjectId, String body) {
        int done = 0;
        for (int i = 0; i < 5; i++) {
            Response current = given().auth().oauth2(token).get(Stack.SUBJECT + "/api/v1/subjects/" + subjectId);
            String edited = body.replace("中关村大街1号101室", "中关村大街1号" + (201 + i) + "室");
            int status = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("If-Match", current.header("ETag")).body(edited)
                    .put(Stack.SUBJECT + "/api/v1/subjects/" + subjectId).statusCode();
            if (status == 200) {
                done++;
            }
        }
        return done;
    }

    private static Map<Integer, Long> statuses(List<Future<Integer>> results) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> f : results) {
            out.add(f.get());
        }
        return out.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
