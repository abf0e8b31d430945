package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.Topics;
import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The access policy survives the topics' retention: a site approved here, then every record of it removed from the
 * topics (as retention would, once every consumer group is past it), and a new website-service replica started —
 * it becomes ready only once its memory is whole, and it lets the site through.
 */
class AccessPolicyRetentionIT {

    private static final List<String> TOPICS = List.of(Topics.SUBJECT_EVENTS, Topics.WEBSITE_EVENTS,
            Topics.REVIEW_EVENTS);
    /** bin/services' second replica: the same service on its port + 50. */
    private static final String REPLICA = Stack.WEBSITE.replaceFirst(":(\\d+)$", "") + ":"
            + (Integer.parseInt(Stack.WEBSITE.replaceFirst(".*:", "")) + 50);

    @Test
    void aReplicaStartedAfterRetentionStillKnowsTheApprovedSites() throws Exception {
        String applicant = Keycloak.newApplicant();
        String gateway = Keycloak.clientToken("edge-gateway", "edge-gateway-local-secret");
        given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Fixtures.personSubject("留存", "keep-" + UUID.randomUUID() + "@beian.local"))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        // website-service knows the order before the approval comes (in production it comes weeks later).
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites")
                        .statusCode() == 200);
        String domain = "keep-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        String number = "京ICP备" + (20000000 + (int) (Math.random() * 7999999)) + "号";
        int partition;
        try (KafkaEvents authority = new KafkaEvents("/beian/it-retention")) {
            partition = authority.send(EventType.AUTHORITY_APPROVED, order, """
                    {"orderId":"%s","submissionId":"it","subjectFilingNumber":"%s","approvedAt":"%s",
                     "websites":[{"websiteId":"%s","name":"留存的笔记","domains":["%s"],"websiteFilingNumber":"%s-1"}]}"""
                    .formatted(order, number, TestClock.now(), UUID.randomUUID(), domain, number)).partition();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                Boolean.TRUE.equals(given().auth().oauth2(gateway).queryParam("host", "www." + domain)
                        .get(Stack.WEBSITE + "/api/v1/access-policy").path("allowed")));

        // Keyed by the order, its events are on the same partition of each topic (the topics are alike).
        // website-service's shared consumer applied (and journaled) it: the account's filed websites show it.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/filed-websites").asString()
                        .contains(number + "-1"));
        dropWhatEveryGroupHasConsumed(partition);
        assertFalse(KafkaEvents.typesFor(Topics.REVIEW_EVENTS, order).contains(EventType.AUTHORITY_APPROVED.type()),
                "the approval is gone from the topic");
        assertFalse(KafkaEvents.typesFor(Topics.SUBJECT_EVENTS, order).contains(EventType.ORDER_CREATED.type()),
                "the order's creation is gone from the topic");

        services("start");
        try {
            given().get(REPLICA + "/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'access-policy' }.data.state", equalTo("caught up"));
            given().auth().oauth2(gateway).queryParam("host", "blog." + domain).get(REPLICA + "/api/v1/access-policy")
                    .then().statusCode(200).body("allowed", equalTo(true))
                    .body("websiteFilingNumber", equalTo(number + "-1"));
        } finally {
            services("stop");
        }
    }

    /**
     * Deletes, on the order's partition of the three topics, the records every consumer group has committed past —
     * what retention does to a real cluster — once every group that reads the partition has consumed all of it.
     */
    private static void dropWhatEveryGroupHasConsumed(int partition) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            TOPICS.forEach(t -> latest.put(new TopicPartition(t, partition), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            Map<TopicPartition, Long> safe = new HashMap<>();
            Map<String, String> lagging = new TreeMap<>();
            Awaitility.await("every consumer group past the order's records").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1)).conditionEvaluationListener(c -> {
                        if (!c.isSatisfied() && c.getRemainingTimeInMS() < 2000) {
                            System.err.println("Consumer groups behind the order's records: " + lagging);
                        }
                    }).until(() -> {
                        safe.clear();
                        lagging.clear();
                        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
                            if (!g.groupId().endsWith("-service")) {
                                // Not a service's shared group: a replica's own memory group (never commits, reads
                                // from the start) or a test's reader, gone and left behind.
                                continue;
                            }
                            admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get()
                                    .forEach((tp, o) -> {
                                        if (end.containsKey(tp) && o != null) {
                                            safe.merge(tp, o.offset(), Math::min);
                                            if (o.offset() < end.get(tp)) {
                                                lagging.put(g.groupId() + " " + tp, o.offset() + " < " + end.get(tp));
                                            }
                                        }
                                    });
                        }
                        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                                || safe.getOrDefault(e.getKey(), 0L) >= e.getValue());
                    });
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            safe.forEach((tp, offset) -> delete.put(tp, RecordsToDelete.beforeOffset(offset)));
            admin.deleteRecords(delete).all().get();
        }
    }

    private static void services(String command) throws Exception {
        Path home = Path.of(System.getenv().getOrDefault("BEIAN_HOME", ".."));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/services").toString(), command, "website-service")
                .inheritIO();
        pb.environment().put("BEIAN_REPLICA", "2");
        assertEquals(0, pb.start().waitFor(), "bin/services " + command + " website-service (replica 2)");
    }
}
