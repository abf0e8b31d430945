package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import org.junit.jupiter.api.Test;

/** The order's moves as server-sent events, resumable with Last-Event-ID, for the owner only. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderStreamTest {

    @TestHTTPResource("/")
    URL base;

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

        as(account, "applicant").header("If-Match", "\"0\"").post("/api/v1/orders/" + order + "/submit")
                .then().statusCode(200);
        List<String> submitted = first.next();
        assertTrue(submitted.stream().anyMatch(l -> l.contains("\"trigger\":\"SUBMIT\"")), submitted.toString());
        String lastId = submitted.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3);
        first.close();

        as(account, "applicant").header("If-Match", "\"1\"").post("/api/v1/orders/" + order + "/withdraw")
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

    /** Reads one SSE event (lines up to a blank line) at a time, with a timeout. */
    private static final class Events implements AutoCloseable {
        private final Stream<String> lines;
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        Events(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(() -> {
                try {
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        queue.add(it.next());
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
            while (true) {
                String line = queue.poll(15, TimeUnit.SECONDS);
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

        @Override
        public void close() {
            lines.close();
        }
    }
}
