package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.EventType;
import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * An order through its life on the real stack, as its people hear of it: subject-service creates, submits and
 * withdraws it (with a real Keycloak applicant, whose e-mail is the account's); the websites snapshot, the reviews
 * and the administration's steps are produced into Kafka under this test's own sources. The SMTP sink (GreenMail)
 * and the SMS stand-in must hold exactly the expected messages, in order, with the reasons and the numbers;
 * replaying the review topic sends nothing twice; police-filing reminders appear when notification-service's
 * clock is moved and stop once the police number is recorded.
 */
class NotificationsIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void anOrderThroughItsLifeReachesTheSmtpSinkAndTheSmsGatewayExactlyOnce() throws Exception {
        String admin = Keycloak.token("ada", "ada-local");
        String applicant = Keycloak.newApplicant();
        String accountEmail = emailOf(applicant);
        // Beijing number blocks: Beijing wants principals' mobiles registered there (BJ-B-01).
        String principalMobile = "1380120" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        String principalEmail = "principal-" + UUID.randomUUID().toString().substring(0, 8) + "@beian.local";
        String websiteMobile = "1380121" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        String websiteEmail = "webmaster-" + UUID.randomUUID().toString().substring(0, 8) + "@beian.local";
        String websiteId = UUID.randomUUID().toString();

        // subject-service: subject, order, readiness (produced), submit, withdraw, submit again.
        String id = Fixtures.residentId();
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"郑十",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"郑十","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(id, id, principalMobile, principalEmail))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Journeys.confirmMobile(applicant, principalMobile);
        String orderId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        try (KafkaEvents readiness = new KafkaEvents("/beian/it-notifications-readiness");
                KafkaEvents websites = new KafkaEvents("/beian/it-notifications-websites");
                KafkaEvents review = new KafkaEvents("/beian/it-notifications-review")) {
            readiness.send(EventType.ORDER_WEBSITES_READINESS_CHANGED, orderId,
                    "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(orderId));
            readiness.send(EventType.ORDER_MATERIALS_READINESS_CHANGED, orderId,
                    "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(orderId));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(applicant)
                    .get(Stack.SUBJECT + "/api/v1/orders/" + orderId).then().extract().<List<?>>path("readiness.missing")
                    .isEmpty());
            websites.send(EventType.WEBSITES_SNAPSHOT_FROZEN, orderId, """
                    {"orderId":"%s","version":1,"websites":[{"websiteId":"%s","name":"郑十的博客",
                     "domains":["zheng10.cn"],"homepageUrls":["https://zheng10.cn"],"serviceContent":"OTHER",
                     "preApprovals":[],"languages":["zh-CN"],"principal":{"name":"钱十一",
                     "certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s","email":"%s"},
                     "principalSameAsSubject":false,"serverIds":[],"authorizationCodes":[]}],
                     "findings":[],"frozenAt":"%s"}"""
                    .formatted(orderId, websiteId, Fixtures.residentId(), websiteMobile, websiteEmail,
                            TestClock.isoNow()));

            act(applicant, orderId, "/submit");
            awaitSms(principalMobile, 1);
            act(applicant, orderId, "/withdraw");
            awaitSms(principalMobile, 2);
            act(applicant, orderId, "/submit");
            awaitSms(principalMobile, 3);

            // review-service's part, produced: reviews with reasons, the administration's steps and numbers.
            review.send(EventType.INITIAL_REVIEW_REJECTED, orderId, """
                    {"orderId":"%s","caseId":"c1","reviewerId":"rita","reasons":[
                     {"fieldKey":"websites[0].name","code":"WEBSITE_NAME_PERSONAL","suggestion":"个人网站名称不能含“博客”以外的经营性词语"},
                     {"fieldKey":"subject.communicationAddress","code":"ADDRESS_INCOMPLETE","suggestion":"通信地址请写到门牌号"}],
                     "decidedAt":"%s"}""".formatted(orderId, TestClock.isoNow()));
            review.send(EventType.INITIAL_REVIEW_APPROVED, orderId, decided(orderId));
            review.send(EventType.PHOTO_REVIEW_APPROVED, orderId, decided(orderId));
            review.send(EventType.AUTHORITY_SUBMITTED, orderId, """
                    {"orderId":"%s","submissionId":"s1","province":"BEIJING",
                     "expectedDecisionBy":"%s","submittedAt":"%s"}"""
                    .formatted(orderId, TestClock.iso(Duration.ofDays(20)), TestClock.isoNow()));
            review.send(EventType.AUTHORITY_SMS_VERIFICATION_REQUESTED, orderId, """
                    {"orderId":"%s","submissionId":"s1","deadline":"%s",
                     "at":"%s"}""".formatted(orderId, TestClock.iso(Duration.ofDays(1)), TestClock.isoNow()));
            review.send(EventType.AUTHORITY_SMS_VERIFIED, orderId, """
                    {"orderId":"%s","submissionId":"s1","at":"%s"}""".formatted(orderId, TestClock.isoNow()));
            review.send(EventType.AUTHORITY_APPROVED, orderId, """
                    {"orderId":"%s","submissionId":"s1","subjectFilingNumber":"京ICP备20261123号",
                     "websites":[{"websiteId":"%s","name":"郑十的博客","domains":["zheng10.cn"],
                     "websiteFilingNumber":"京ICP备20261123号-1"}],"approvedAt":"%s"}"""
                    .formatted(orderId, websiteId, TestClock.now()));
            awaitSms(principalMobile, 10);
            awaitSms(websiteMobile, 3);

            // The SMS check's outcome goes to the applicant only (1042), not to the website principal.
            List<String> expected = List.of("SMS_BEIAN_1001", "SMS_BEIAN_1002", "SMS_BEIAN_1001", "SMS_BEIAN_1008",
                    "SMS_BEIAN_1007", "SMS_BEIAN_1009", "SMS_BEIAN_1011", "SMS_BEIAN_1012", "SMS_BEIAN_1042",
                    "SMS_BEIAN_1014");
            assertEquals(expected, templateCodes(principalMobile), "every step, once, in order");
            assertEquals(List.of("SMS_BEIAN_1009", "SMS_BEIAN_1012", "SMS_BEIAN_1014"), templateCodes(websiteMobile),
                    "the website principal hears of the photo, the SMS check and the numbers only");

            List<String> accountMail = subjects(accountEmail);
            assertEquals(10, accountMail.size(), accountMail.toString());
            assertTrue(accountMail.get(0).contains("已提交"), accountMail.toString());
            String rejection = bodies(principalEmail).get(3);
            assertTrue(rejection.contains("websites[0].name"), rejection);
            assertTrue(rejection.contains("通信地址请写到门牌号"), rejection);
            String approval = bodies(websiteEmail).get(2);
            assertTrue(approval.contains("京ICP备20261123号-1"), approval);

            // Replay every review record of this order: nothing is sent twice.
            replay(EventType.INITIAL_REVIEW_APPROVED.topic(), orderId);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                    .queryParam("aggregateId", orderId).queryParam("type", "authority.sms-verified.v1")
                    .get(Stack.NOTIFICATION + "/api/v1/admin/applied-events").then().extract()
                    .<List<?>>path("items").size() == 1);
            Thread.sleep(1000);
            assertEquals(10, templateCodes(principalMobile).size(), "the replay sent no SMS");
            assertEquals(10, subjects(accountEmail).size(), "the replay sent no e-mail");

            // The applicant's own log, masked; another account sees nothing of it.
            given().auth().oauth2(applicant).queryParam("orderId", orderId).queryParam("channel", "SMS")
                    .queryParam("limit", 100).get(Stack.NOTIFICATION + "/api/v1/deliveries").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(13))
                    .body("items.address", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(principalMobile)));
            given().auth().oauth2(Keycloak.newApplicant()).queryParam("orderId", orderId)
                    .get(Stack.NOTIFICATION + "/api/v1/deliveries").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(0));

            // Police-filing reminders: the day after approval (in daytime, not in quiet hours), not after the number.
            try {
                moveClock(admin, daytime(TestClock.now().toZonedDateTime().plusDays(1).plusHours(1)));
                runJobs(admin);
                awaitSms(websiteMobile, 4);
                assertEquals("SMS_BEIAN_1017", templateCodes(websiteMobile).get(3));
                awaitSms(principalMobile, 10);
                websites.send(EventType.POLICE_NUMBER_RECORDED, orderId, """
                        {"websiteId":"%s","orderId":"%s","websiteFilingNumber":"京ICP备20261123号-1",
                         "policeFilingNumber":"11010802000001","recordedAt":"%s"}"""
                        .formatted(websiteId, orderId, TestClock.now()));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                        .queryParam("aggregateId", orderId).queryParam("type", "website.police-number-recorded.v1")
                        .get(Stack.NOTIFICATION + "/api/v1/admin/applied-events").then().extract()
                        .<List<?>>path("items").size() == 1);
                moveClock(admin, daytime(TestClock.now().toZonedDateTime().plusDays(8)));
                runJobs(admin);
                Thread.sleep(1000);
                assertEquals(4, templateCodes(websiteMobile).size(), "no reminder after the police number");
            } finally {
                given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"offset\":\"PT0S\"}")
                        .put(Stack.NOTIFICATION + "/api/v1/admin/clock").then().statusCode(200);
            }
        }
    }

    private static String decided(String orderId) {
        return "{\"orderId\":\"%s\",\"caseId\":\"c1\",\"reviewerId\":\"rita\",\"reasons\":[],\"decidedAt\":\"%s\"}"
                .formatted(orderId, TestClock.now());
    }

    private static void act(String token, String orderId, String action) {
        Fixtures.orderAction(token, Stack.SUBJECT + "/api/v1/orders/" + orderId, action).then().statusCode(200);
    }

    private static String emailOf(String token) {
        String payload = token.split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("the applicant's token has no e-mail");
        }
        return m.group(1);
    }

    /** The moment, moved into 10:00–19:00 Beijing time if it falls outside (quiet hours hold reminders). */
    private static ZonedDateTime daytime(ZonedDateTime t) {
        LocalTime time = t.toLocalTime();
        if (time.isBefore(LocalTime.of(10, 0))) {
            return t.with(LocalTime.of(10, 0));
        }
        return time.isAfter(LocalTime.of(19, 0)) ? t.plusDays(1).with(LocalTime.of(10, 0)) : t;
    }

    private static void moveClock(String admin, ZonedDateTime to) {
        Duration offset = Duration.between(TestClock.now().toZonedDateTime(), to);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put(Stack.NOTIFICATION + "/api/v1/admin/clock").then().statusCode(200);
    }

    private static void runJobs(String admin) {
        given().auth().oauth2(admin).post(Stack.NOTIFICATION + "/api/v1/admin/notification-jobs/run")
                .then().statusCode(200);
    }

    private static void awaitSms(String phone, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> templateCodes(phone).size() >= n);
    }

    private static List<String> templateCodes(String phone) {
        List<Map<String, Object>> list = given().queryParam("phone", phone).get(Stack.SMS + "/api/v1/sms/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        // The code that confirmed the mobile was asked for by the applicant, not a notice about the order.
        return list.stream().map(m -> (String) m.get("templateCode")).filter(t -> !Mobiles.TEMPLATE.equals(t))
                .toList();
    }

    private static List<String> subjects(String address) {
        return given().get(Stack.MAIL + "/api/user/" + address + "/messages/INBOX").then().extract().jsonPath()
                .getList("subject", String.class);
    }

    private static List<String> bodies(String address) {
        return given().get(Stack.MAIL + "/api/user/" + address + "/messages/INBOX").then().extract().jsonPath()
                .getList("mimeMessage", String.class).stream().map(NotificationsIT::text).toList();
    }

    /** The text of a single-part message as GreenMail hands it over raw (quoted-printable or base64 UTF-8). */
    static String text(String mime) {
        int split = mime.indexOf("\r\n\r\n");
        String headers = (split < 0 ? mime : mime.substring(0, split)).toLowerCase();
        String body = split < 0 ? "" : mime.substring(split + 4);
        if (headers.contains("content-transfer-encoding: base64")) {
            return new String(java.util.Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (!headers.contains("content-transfer-encoding: quoted-printable")) {
            return body;
        }
        String joined = body.replace("=\r\n", "").replace("=\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Sends every record of {@code key} on {@code topic} again, headers and all (a redelivery). */
    private static void replay(String topic, String key) throws Exception {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 8_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        assertTrue(found.size() >= 6, "the review records are on the topic: " + found.size());
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(),
                new StringSerializer())) {
            for (ConsumerRecord<String, String> r : found) {
                ProducerRecord<String, String> again = new ProducerRecord<>(topic, r.key(), r.value());
                for (Header h : r.headers()) {
                    again.headers().add(h);
                }
                producer.send(again).get();
            }
        }
    }
}
