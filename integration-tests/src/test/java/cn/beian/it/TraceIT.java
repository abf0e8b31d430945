package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One submission is one trace across the services: the applicant's submit (subject-service) continues through the
 * outbox and Kafka into the freezes of websites (website-service) and materials (materials-service), the case's
 * assembly (review-service) and the applicant's notices, queued and sent (notification-service), as the trace sink of the local stack
 * received them from every service's OTLP exporter.
 */
class TraceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aSubmissionIsOneTraceAcrossServices() throws Exception {
        String applicant = Keycloak.newApplicant();
        String reviewer = Keycloak.token("rita", "rita-local");
        String admin = Keycloak.token("ada", "ada-local");
        String name = "追踪" + (char) (0x4e00 + ThreadLocalRandom.current().nextInt(0x100, 0x1000));
        String subject = Fixtures.personSubject(name, "trace-" + UUID.randomUUID() + "@beian.local");
        java.util.regex.Matcher certificate = java.util.regex.Pattern.compile("\"certificateNumber\":\"(\\w+)\"")
                .matcher(subject);
        assertTrue(certificate.find());
        String cert = certificate.group(1);
        String domain = "trace-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";

        given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(subject)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Mobiles.confirmIn(applicant, subject);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        Fixtures.registerDomain(admin, domain, name, cert);
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(applicant).get(websites).statusCode() == 200);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Fixtures.website(applicant, name + "的随笔", domain))
                .post(websites).then().statusCode(201);
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(applicant).get(materials + "/required-materials").statusCode() == 200);
        Journeys.uploadMissing(applicant, materials, false);
        String orderUrl = Stack.SUBJECT + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(applicant).get(orderUrl).path("readiness.missing").toString().equals("[]"));

        // The submit, as a front-end that starts a trace of its own sends it (W3C traceparent).
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String etag = given().auth().oauth2(applicant).get(orderUrl).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(applicant).header("If-Match", etag)
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
                .post(orderUrl + "/submit").then().statusCode(200).body("state", equalTo("INITIAL_REVIEW"));

        // The case is assembled from the three owners' frozen snapshots.
        await(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(reviewer).queryParam("orderId", order)
                    .queryParam("kind", "INITIAL").get(Stack.REVIEW + "/api/v1/review-cases").then().statusCode(200)
                    .extract().path("items");
            return items.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("complete")));
        });

        // Spans are exported in batches (every second on the local stack): wait until the trace shows every part.
        Set<String> wanted = Set.of("subject-service", "website-service", "materials-service", "review-service");
        List<Map<String, Object>> spans = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> spans(traceId), found -> services(found).containsAll(wanted)
                        && names(found, "review-service").stream().anyMatch(n -> n.startsWith("apply "))
                        && names(found, "website-service").contains("apply order.transitioned.v1")
                        && names(found, "materials-service").contains("apply order.transitioned.v1")
                        // The applicant's notice of the submission, sent by notification-service's dispatcher.
                        && names(found, "notification-service").stream().anyMatch(n -> n.startsWith("send ")));
        Set<String> services = services(spans);
        assertTrue(services.size() >= 4, "one trace across at least four services: " + services);
        assertTrue(names(spans, "subject-service").stream().anyMatch(n -> n.contains("submit")),
                "the trace starts at the submit: " + names(spans, "subject-service"));
        // Each consumer's work names the order, for a search by order id across its traces.
        assertTrue(spans.stream().filter(s -> String.valueOf(s.get("name")).startsWith("apply "))
                .allMatch(s -> order.equals(((Map<?, ?>) s.get("attributes")).get("beian.order.id"))), "order ids");
    }

    private static List<Map<String, Object>> spans(String traceId) {
        return given().queryParam("traceId", traceId).get(Stack.TRACES + "/api/v1/spans").then().statusCode(200)
                .extract().path("$");
    }

    private static Set<String> services(List<Map<String, Object>> spans) {
        return spans.stream().map(s -> (String) s.get("service")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(List<Map<String, Object>> spans, String service) {
        return spans.stream().filter(s -> service.equals(s.get("service"))).map(s -> (String) s.get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void await(java.util.function.Supplier<Boolean> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition::get);
    }
}
