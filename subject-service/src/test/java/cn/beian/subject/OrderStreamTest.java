package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.subject.service.OrderStream;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The order's moves as server-sent events, resumable with Last-Event-ID, for the owner only. The streams' poll is an
 * hour apart in tests: every move a stream gets after it opened was read because its commit woke the reader.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderStreamTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    OrderStream stream;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aClientSeesEveryMoveAndResumesAfterTheLastItSaw() throws Exception {
        String account = "stream-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("冯十三"))
                .post("/api/v1/subjects").then().statusCode(201);
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        try (Connection c = PostgresTestResource.connect()) {
            c.createStatement().executeUpdate("update filing_order set websites_ready_version = 1, "
                    + "materials_ready_version = 1 where id = '" + order + "'");
        }

        Events first = open(account, order, null);
        List<String> created = first.next();
        assertTrue(created.contains("event:order.transitioned"), created.toString());
        assertTrue(created.stream().anyMatch(l -> l.contains("\"trigger\":\"CREATE\"")), created.toString());

        as(account, "applicant").header("If-Match", etag(account, order)).post("/api/v1/orders/" + order + "/submit")
                .then().statusCode(200);
        List<String> submitted = first.next();
        assertTrue(submitted.stream().anyMatch(l -> l.contains("\"trigger\":\"SUBMIT\"")), submitted.toString());
        String lastId = submitted.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3);
        first.close();

        as(account, "applicant").header("If-Match", etag(account, order)).post("/api/v1/orders/" + order + "/withdraw")
                .then().statusCode(200);
        Events resumed = open(account, order, lastId.strip());
        List<String> next = resumed.next();
        assertTrue(next.stream().anyMatch(l -> l.contains("\"trigger\":\"WITHDRAW\"")), "resumes after "
                + lastId + ": " + next);
        resumed.close();

        HttpResponse<String> other = http.send(request("someone-else-" + UUID.randomUUID(), order, null).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }

    @Test
    void anIdleStreamGetsHeartbeatsAndOnePollerServesEveryStream() throws Exception {
        String account = "beat-" + UUID.randomUUID();
        String other = "beat-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("冯十四"))
                .post("/api/v1/subjects").then().statusCode(201);
        as(other, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("冯十五"))
                .post("/api/v1/subjects").then().statusCode(201);
        String a = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        String b = as(other, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        int before = stream.openStreams();

        Events onA = open(account, a, null);
        Events onB = open(other, b, null);
        Events againOnA = open(account, a, null);
        for (Events e : List.of(onA, onB, againOnA)) {
            assertTrue(e.next().stream().anyMatch(l -> l.contains("\"trigger\":\"CREATE\"")));
        }
        assertEquals(before + 3, stream.openStreams(), "the replica's one poller follows the three streams");

        // Nothing moves: the streams stay open on heartbeats (comments, which EventSource ignores), nothing else.
        assertTrue(onB.nextComment().matches(": ?heartbeat"));
        assertTrue(onB.nextComment().matches(": ?heartbeat"));
        assertTrue(onB.nothingElse(), "a heartbeat is no event");

        try (Connection c = PostgresTestResource.connect()) {
            c.createStatement().executeUpdate("update filing_order set websites_ready_version = 1, "
                    + "materials_ready_version = 1 where id = '" + a + "'");
        }
        as(account, "applicant").header("If-Match", etag(account, a)).post("/api/v1/orders/" + a + "/submit")
                .then().statusCode(200);
        assertTrue(onA.next().stream().anyMatch(l -> l.contains("\"trigger\":\"SUBMIT\"")));
        assertTrue(againOnA.next().stream().anyMatch(l -> l.contains("\"trigger\":\"SUBMIT\"")));
        assertTrue(onB.nothingElse(), "order B's stream gets nothing of order A");

        onA.close();
        onB.close();
        againOnA.close();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> stream.openStreams() == before);
    }

    private HttpRequest.Builder request(String account, String order, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "api/v1/orders/" + order + "/events"))
                .header("Authorization", "Bearer " + TestTokens.token(account, "applicant"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return b;
    }

    private Events open(String account, String order, String lastEventId) throws Exception {
        HttpResponse<Stream<String>> response = http.send(request(account, order, lastEventId).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        return new Events(response.body());
    }

    /** Reads one SSE event (lines up to a blank line) at a time, with a timeout; comments (heartbeats) apart. */
    private static final class Events implements AutoCloseable {
        private final Stream<String> lines;
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

        Events(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(() -> {
                try {
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        if (line.startsWith(":")) {
                            comments.add(line);
                        } else {
                            queue.add(line);
                        }
                    }
                } catch (RuntimeException closed) {
                    // stream closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        List<String> next() throws InterruptedException {
            List<String> event = new ArrayList<>();
            // One deadline for the whole event: the blank lines that end each heartbeat must not extend it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                String line = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no event within 15 s; got " + event);
                }
                if (line.isEmpty()) {
                    if (!event.isEmpty()) {
                        return event;
                    }
                    continue;
                }
                event.add(line.replace(": ", ":"));
            }
        }

        /** The next comment line (": heartbeat"). */
        String nextComment() throws InterruptedException {
            String line = comments.poll(15, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no comment within 15 s");
            }
            return line;
        }

        /** Events received and not read yet (complete or not). */
        boolean nothingElse() {
            return queue.stream().allMatch(String::isEmpty);
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    private static String etag(String account, String orderId) {
        return as(account, "applicant").get("/api/v1/orders/" + orderId).then().statusCode(200).extract()
                .header("ETag");
    }
}
