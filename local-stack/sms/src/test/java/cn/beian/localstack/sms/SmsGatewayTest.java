package cn.beian.localstack.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsGatewayTest {

    private static final String KEY = "test-key";
    private static final String VALID = """
            {"phoneNumbers":["13800138000","+8613900139000"],"signName":"Beian",
             "templateCode":"SMS_ORDER_SUBMITTED","templateParam":{"orderId":"ORD-1"},
             "text":"您的备案申请 ORD-1 已提交","outId":"caller-42"}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;
    private SmsGateway gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = SmsGateway.start("127.0.0.1", 0, KEY, dir.resolve("sms/messages.jsonl"));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void sendThenReadBackAndSurviveRestart() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        HttpResponse<String> sent = post("/api/v1/sms/send", "Bearer " + KEY, VALID);
        assertEquals(200, sent.statusCode(), sent.body());
        JsonNode ok = mapper.readTree(sent.body());
        assertEquals("OK", ok.get("code").asText());
        assertFalse(ok.get("requestId").asText().isBlank());
        assertFalse(ok.get("bizId").asText().isBlank());

        JsonNode list = mapper.readTree(get("/api/v1/sms/messages?phone=13900139000&since=" + before).body());
        assertEquals(1, list.size());
        JsonNode m = list.get(0);
        assertEquals("13900139000", m.get("phone").asText());
        assertEquals("Beian", m.get("signName").asText());
        assertEquals("SMS_ORDER_SUBMITTED", m.get("templateCode").asText());
        assertEquals("ORD-1", m.get("templateParam").get("orderId").asText());
        assertEquals("您的备案申请 ORD-1 已提交", m.get("text").asText());
        assertEquals("caller-42", m.get("outId").asText());
        assertNotNull(Instant.parse(m.get("receivedAt").asText()));

        HttpResponse<String> one = get("/api/v1/sms/messages/" + m.get("id").asText());
        assertEquals(200, one.statusCode());
        assertEquals(404, get("/api/v1/sms/messages/nope").statusCode());
        assertEquals(0, mapper.readTree(get("/api/v1/sms/messages?since=" + Instant.now().plusSeconds(60)).body()).size());

        // a restart keeps messages (JSON lines on disk)
        gateway.close();
        gateway = SmsGateway.start("127.0.0.1", 0, KEY, dir.resolve("sms/messages.jsonl"));
        assertEquals(2, mapper.readTree(get("/api/v1/sms/messages").body()).size());
        assertEquals(2, Files.readAllLines(dir.resolve("sms/messages.jsonl")).size());

        HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(uri("/api/v1/sms/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cleared.statusCode());
        assertEquals(0, mapper.readTree(get("/api/v1/sms/messages").body()).size());
    }

    @Test
    void rejectsBadKey() throws Exception {
        HttpResponse<String> r = post("/api/v1/sms/send", "Bearer wrong", VALID);
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(401, mapper.readTree(r.body()).get("status").asInt());
        assertEquals(401, post("/api/v1/sms/send", null, VALID).statusCode());
        assertEquals(0, mapper.readTree(get("/api/v1/sms/messages").body()).size());
    }

    @Test
    void rejectsMalformedOrInvalidRequests() throws Exception {
        assertEquals(400, post("/api/v1/sms/send", "Bearer " + KEY, "{not json").statusCode());
        assertEquals(400, post("/api/v1/sms/send", "Bearer " + KEY, "[]").statusCode());
        assertEquals(400, post("/api/v1/sms/send", "Bearer " + KEY,
                VALID.replace("13800138000", "12345")).statusCode());
        assertEquals(400, post("/api/v1/sms/send", "Bearer " + KEY,
                VALID.replace("\"signName\":\"Beian\",", "")).statusCode());
        HttpResponse<String> bad = post("/api/v1/sms/send", "Bearer " + KEY, "{\"phoneNumbers\":[]}");
        assertEquals(400, bad.statusCode());
        assertEquals("isv.MOBILE_NUMBER_ILLEGAL", mapper.readTree(bad.body()).get("code").asText());
        assertEquals(400, get("/api/v1/sms/messages?since=yesterday").statusCode());
        assertEquals(413, post("/api/v1/sms/send", "Bearer " + KEY, "x".repeat(70 * 1024)).statusCode());
        assertEquals(200, get("/health").statusCode());
        assertEquals(405, get("/api/v1/sms/send").statusCode());
    }

    @Test
    void injectedFaultsFailTransientlyAndStoreNothingUntilTurnedOff() throws Exception {
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(uri("/api/v1/sms/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"failureRate\":1,\"maxDelayMs\":5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, set.statusCode(), set.body());
        HttpResponse<String> busy = post("/api/v1/sms/send", "Bearer " + KEY, VALID);
        assertEquals(503, busy.statusCode(), busy.body());
        assertEquals("isp.SYSTEM_BUSY", mapper.readTree(busy.body()).get("code").asText());
        assertEquals(0, mapper.readTree(get("/api/v1/sms/messages").body()).size());
        assertEquals(200, post("/api/v1/sms/send", "Bearer " + KEY, VALID).statusCode(), "the retry goes through");
        assertEquals(503, post("/api/v1/sms/send", "Bearer " + KEY, VALID.replace("caller-42", "caller-43"))
                .statusCode(), "another message fails once too");

        gateway.faults(0, 0);
        assertEquals(200, post("/api/v1/sms/send", "Bearer " + KEY, VALID.replace("caller-42", "caller-44"))
                .statusCode());
        assertEquals(4, mapper.readTree(get("/api/v1/sms/messages").body()).size());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri("/api/v1/sms/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"failureRate\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
    }

    @Test
    void reportsDeliveredOrFailedForUnreachableNumbersReadableAfterACursor() throws Exception {
        assertEquals(200, put("/api/v1/sms/test/unreachable/13900139000", "{\"errorCode\":\"MOBILE_IN_BLACK\"}")
                .statusCode());
        assertEquals(200, put("/api/v1/sms/test/unreachable/+8613700137000", "").statusCode());
        assertEquals(200, post("/api/v1/sms/send", "Bearer " + KEY, VALID).statusCode());

        JsonNode delivered = mapper.readTree(get("/api/v1/sms/messages?phone=13800138000").body()).get(0);
        assertEquals("DELIVERED", delivered.get("status").asText());
        assertTrue(delivered.get("errorCode").isNull());
        assertNotNull(Instant.parse(delivered.get("reportedAt").asText()));
        JsonNode failed = mapper.readTree(get("/api/v1/sms/messages?phone=13900139000&outId=caller-42").body()).get(0);
        assertEquals("FAILED", failed.get("status").asText());
        assertEquals("MOBILE_IN_BLACK", failed.get("errorCode").asText());

        JsonNode page = mapper.readTree(get("/api/v1/sms/reports").body());
        assertEquals(2, page.get("reports").size());
        assertEquals("13800138000", page.get("reports").get(0).get("phone").asText());
        assertEquals("DELIVERED", page.get("reports").get(0).get("status").asText());
        JsonNode report = page.get("reports").get(1);
        assertEquals("FAILED", report.get("status").asText());
        assertEquals("MOBILE_IN_BLACK", report.get("errorCode").asText());
        assertEquals("caller-42", report.get("outId").asText());
        assertEquals(failed.get("id").asText(), report.get("messageId").asText());
        String next = page.get("next").asText();
        JsonNode none = mapper.readTree(get("/api/v1/sms/reports?after=" + next).body());
        assertEquals(0, none.get("reports").size());
        assertEquals(next, none.get("next").asText(), "reading past the end keeps the cursor");

        // the default code, and a restored number delivers again; reports and statuses survive a restart
        assertEquals(200, post("/api/v1/sms/send", "Bearer " + KEY,
                VALID.replace("13900139000", "13700137000").replace("caller-42", "caller-45")).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(uri("/api/v1/sms/test/unreachable/13900139000")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, post("/api/v1/sms/send", "Bearer " + KEY, VALID.replace("caller-42", "caller-46"))
                .statusCode());
        gateway.close();
        gateway = SmsGateway.start("127.0.0.1", 0, KEY, dir.resolve("sms/messages.jsonl"));
        JsonNode later = mapper.readTree(get("/api/v1/sms/reports?after=" + next + "&limit=10").body()).get("reports");
        assertEquals(4, later.size());
        assertEquals("MOBILE_NOT_ON_SERVICE", later.get(1).get("errorCode").asText());
        assertEquals("DELIVERED", later.get(3).get("status").asText());
        assertEquals("13900139000", later.get(3).get("phone").asText());
        assertEquals("FAILED", mapper.readTree(get("/api/v1/sms/messages/" + failed.get("id").asText()).body())
                .get("status").asText());

        assertEquals(400, get("/api/v1/sms/reports?after=x").statusCode());
        assertEquals(400, get("/api/v1/sms/reports?limit=0").statusCode());
        assertEquals(400, put("/api/v1/sms/test/unreachable/12345", "").statusCode());
        assertEquals(400, put("/api/v1/sms/test/unreachable/13900139000", "{\"errorCode\":\"NOPE\"}").statusCode());
    }

    @Test
    void aMessageIsSendingUntilItsReportArrives() throws Exception {
        gateway.reportDelay(java.time.Duration.ofHours(1));
        assertEquals(200, post("/api/v1/sms/send", "Bearer " + KEY, VALID).statusCode());
        JsonNode m = mapper.readTree(get("/api/v1/sms/messages?phone=13800138000").body()).get(0);
        assertEquals("SENDING", m.get("status").asText());
        assertTrue(m.get("reportedAt").isNull());
        assertEquals(0, mapper.readTree(get("/api/v1/sms/reports").body()).get("reports").size());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
