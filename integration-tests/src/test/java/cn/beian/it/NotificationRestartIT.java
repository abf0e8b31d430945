package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.contract.events.EventType;
import cn.beian.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * notification-service killed (SIGKILL) while a burst of orders is being notified, then started again: every
 * order's messages reach the SMS stand-in, none twice — the delivery rows committed with their events, the
 * consumer resumes from its committed offsets, the inbox drops what was already applied, and claims whose sender
 * died are taken again when their lease ends.
 */
class NotificationRestartIT {

    private static final int ORDERS = 60;

    @Test
    void killingTheServiceMidStreamLosesNothingAndSendsNothingTwice() throws Exception {
        String prefix = "1331" + String.format("%03d", (int) (Math.random() * 1000));
        List<String> mobiles = new ArrayList<>();
        try (KafkaEvents events = new KafkaEvents("/beian/it-notification-restart")) {
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String orderId = UUID.randomUUID().toString();
                String mobile = prefix + String.format("%04d", i);
                orders.add(orderId);
                mobiles.add(mobile);
                events.send(EventType.SUBJECT_SNAPSHOT_FROZEN, orderId, """
                        {"orderId":"%s","accountId":"restart-%d","type":"FIRST_FILING","province":"BEIJING",
                         "submissionCount":1,"subject":{"subjectId":"%s","nature":"PERSON","name":"重启",
                         "principal":{"name":"重启","certificateType":"RESIDENT_ID","mobile":"%s"}},
                         "findings":[],"frozenAt":"%s"}""".formatted(orderId, i, UUID.randomUUID(), mobile,
                        TestClock.now()));
            }
            for (int i = 0; i < ORDERS; i++) {
                events.send(EventType.ORDER_TRANSITIONED, orders.get(i), """
                        {"orderId":"%s","accountId":"restart-%d","type":"FIRST_FILING","province":"BEIJING",
                         "from":"DRAFT","to":"INITIAL_REVIEW","trigger":"SUBMIT","actor":"APPLICANT","reasons":[],
                         "at":"%s"}""".formatted(orders.get(i), i, TestClock.now()));
                if (i == ORDERS / 2) {
                    kill();
                }
            }
        }
        start();
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mobiles.stream().allMatch(m -> sms(m) >= 1));
        Thread.sleep(3000);
        for (String m : mobiles) {
            assertEquals(1, sms(m), "exactly one SMS to " + m);
        }
    }

    private static long sms(String phone) {
        List<Map<String, Object>> list = given().queryParam("phone", phone).get(Stack.SMS + "/api/v1/sms/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return list.size();
    }

    private static void kill() throws Exception {
        Path pidFile = Path.of(System.getenv().getOrDefault("BEIAN_DATA", ".data"), "pids",
                "notification-service.pid");
        String pid = Files.readString(pidFile).trim();
        Process p = new ProcessBuilder("kill", "-9", "--", "-" + pid).inheritIO().start();
        assertEquals(0, p.waitFor(), "killed notification-service's process group " + pid);
        for (int i = 0; i < 100 && new ProcessBuilder("kill", "-0", "--", "-" + pid).start().waitFor() == 0; i++) {
            Thread.sleep(100);
        }
    }

    private static void start() throws Exception {
        Path home = Path.of(System.getenv().getOrDefault("BEIAN_HOME", ".."));
        Process p = new ProcessBuilder(home.resolve("bin/services").toString(), "start", "notification-service")
                .inheritIO().start();
        assertEquals(0, p.waitFor(), "notification-service started again");
    }
}
