package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.Topics;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's proof of wiring on the real stack: an applicant with a real Keycloak token creates a
 * subject; its outbox event reaches Kafka; notification-service applies it exactly once, even when the record
 * is replayed, and poison records go to the dead-letter topic without blocking the partition.
 */
class SubjectToNotificationIT {

    private static final String BODY = """
            {"nature":"ENTERPRISE","province":"ZHEJIANG","city":"杭州市","name":"杭州示例科技有限公司",
             "certificateType":"BUSINESS_LICENSE","certificateNumber":"91330100MA2XXXXX08",
             "certificateAddress":"浙江省杭州市西湖区文三路1号","communicationAddress":"浙江省杭州市西湖区文三路1号2楼",
             "principal":{"name":"周八","certificateType":"RESIDENT_ID","certificateNumber":"33010619900101123X",
               "mobile":"13900000001","email":"zhou@example.com"}}""";

    @Test
    void aSubjectCreatedWithARealTokenIsAppliedOnceByNotificationService() {
        String applicant = Keycloak.newApplicant();
        String admin = Keycloak.token("ada", "ada-local");

        long t0 = System.nanoTime();
        String subjectId = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(BODY)
                .post(Stack.SUBJECT + "/api/v1/subjects")
                .then().statusCode(201).extract().path("id");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> receivedCount(admin, subjectId) == 1);
        System.out.printf("subject created -> applied by notification-service: %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);

        given().auth().oauth2(admin).queryParam("aggregateId", subjectId)
                .get(Stack.NOTIFICATION + "/api/v1/admin/applied-events")
                .then().statusCode(200)
                .body("items[0].type", equalTo("subject.created.v1"))
                .body("items[0].sequence", equalTo(1))
                .body("items[0].source", equalTo("/beian/subject-service"));

        // Replay the very record from the topic: nothing changes.
        ConsumerRecord<String, String> original = findRecord(Topics.SUBJECT_EVENTS, subjectId);
        assertNotNull(original, "the event must be on the topic, keyed by the subject");
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> again = new ProducerRecord<>(Topics.SUBJECT_EVENTS, original.key(),
                    original.value());
            for (Header h : original.headers()) {
                again.headers().add(h);
            }
            producer.send(again).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // A later subject proves the consumer moved past the replay; the first is still applied once.
        String laterToken = Keycloak.newApplicant();
        long t1 = System.nanoTime();
        String laterId = given().auth().oauth2(laterToken).contentType(ContentType.JSON).body(BODY)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> receivedCount(admin, laterId) == 1);
        System.out.printf("second subject created -> applied: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        assertEquals(1, receivedCount(admin, subjectId));
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheReasonAndDoNotBlockThePartition() throws Exception {
        String admin = Keycloak.token("ada", "ada-local");
        String poisonKey = "poison-" + UUID.randomUUID();
        String badTimeKey = "bad-time-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            int partitions = producer.partitionsFor(Topics.SUBJECT_EVENTS).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(Topics.SUBJECT_EVENTS, p, poisonKey, "not a cloud event")).get();
                // A CloudEvent whose time no parser accepts: refused on its own, not the whole channel with it.
                ProducerRecord<String, String> badTime = new ProducerRecord<>(Topics.SUBJECT_EVENTS, p,
                        badTimeKey, "{}");
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/it/poison",
                        "ce_type", "subject.created.v1", "ce_time", "yesterday at noon", "ce_aggregateid", badTimeKey,
                        "ce_sequence", "1").forEach((k, v) -> badTime.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(badTime).get();
            }
        }
        String dlq = Topics.deadLetter("notification", "subject-events");
        ConsumerRecord<String, String> dead = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> findRecord(dlq, poisonKey), r -> r != null);
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "the dead letter carries its reason");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("CloudEvent"));
        ConsumerRecord<String, String> badTime = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> findRecord(dlq, badTimeKey), r -> r != null);
        assertTrue(new String(badTime.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("time"), "the dead letter names the attribute it could not read");

        String subjectId = given().auth().oauth2(Keycloak.newApplicant()).contentType(ContentType.JSON).body(BODY)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receivedCount(admin, subjectId) == 1);
    }

    @Test
    void realTokensAreCheckedForPresenceRoleAndOwnership() {
        given().contentType(ContentType.JSON).body(BODY).post(Stack.SUBJECT + "/api/v1/subjects")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get(Stack.SUBJECT + "/api/v1/subjects")
                .then().statusCode(401);
        String reviewer = Keycloak.token("rita", "rita-local");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(BODY)
                .post(Stack.SUBJECT + "/api/v1/subjects")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reviewer).get(Stack.NOTIFICATION + "/api/v1/admin/applied-events")
                .then().statusCode(403);

        String owner = Keycloak.newApplicant();
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON).body(BODY)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Keycloak.newApplicant()).get(Stack.SUBJECT + "/api/v1/subjects/" + id)
                .then().statusCode(404).body("type", containsString("not-found"));
        given().auth().oauth2(owner).get(Stack.SUBJECT + "/api/v1/subjects/" + id)
                .then().statusCode(200).body("principal.mobile", equalTo("13900000001"));
    }

    private static int receivedCount(String adminToken, String aggregateId) {
        List<?> items = given().auth().oauth2(adminToken).queryParam("aggregateId", aggregateId)
                .get(Stack.NOTIFICATION + "/api/v1/admin/applied-events")
                .then().statusCode(200).extract().path("items");
        return items.size();
    }

    private static ConsumerRecord<String, String> findRecord(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 10_000;
            List<ConsumerRecord<String, String>> matches = new ArrayList<>();
            while (System.currentTimeMillis() < deadline && matches.isEmpty()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        matches.add(r);
                    }
                }
            }
            return matches.isEmpty() ? null : matches.get(0);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
