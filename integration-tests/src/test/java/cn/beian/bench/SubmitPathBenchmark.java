package cn.beian.bench;

import cn.beian.contract.events.EventType;
import cn.beian.it.Fixtures;
import cn.beian.it.KafkaEvents;
import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import cn.beian.testing.TestClock;
import cn.beian.validators.Phones;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The submit path of subject-service (issue 4): {@code POST /api/v1/orders/{id}/submit} — ETag check, readiness
 * check, the subject snapshot, the transition, the history row and two outbox events in one transaction — next to a
 * bare Quarkus reactive endpoint inserting one row in the same service, same run.
 *
 * <p>Each worker owns one applicant (created through Keycloak's admin API) with a ready order. It submits, then —
 * outside the measured time — withdraws, and submits again: every measured request is a real submission. Like a
 * front-end, it sends each move with the ETag of the previous answer. The throughput column counts submissions per
 * second of wall time, withdrawals included, a lower bound.
 */
class SubmitPathBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern MOBILE = Pattern.compile("\"mobile\"\\s*:\\s*\"([^\"]+)\"");
    private static final int[] CONCURRENCY = {1, 4, 16};
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    /**
     * Before the first run, unmeasured and uncounted: C2 compiles the submit path's code for tens of seconds on two
     * cores, which the first runs measured before (c = 1 at 32 ms of CPU per cycle against 6.5 ms at c = 16).
     */
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.jit-warmup", 30));
    private static final Duration MEASURED = Duration.ofSeconds(15);

    /** A worker's applicant, its order, and what the last answer said about it (one worker thread each). */
    static final class Applicant {
        final String token;
        final String orderId;
        String etag;
        boolean underReview;
        boolean unknown = true; // read the order before the next move

        Applicant(String token, String orderId) {
            this.token = token;
            this.orderId = orderId;
        }
    }

    /** The applicant whose submission the current worker thread just built (the answer is judged on that thread). */
    private static final ThreadLocal<Applicant> SUBMITTING = new ThreadLocal<>();

    @Test
    void submitPathNextToABareInsert() throws Exception {
        int most = CONCURRENCY[CONCURRENCY.length - 1];
        List<Applicant> applicants = new ArrayList<>();
        try (KafkaEvents events = new KafkaEvents("/beian/bench")) {
            for (int i = 0; i < most; i++) {
                applicants.add(readyApplicant(events, i));
            }
        }
        BenchReport report = new BenchReport("submit-path", "subject-service: the submit path next to a bare insert")
                .note("Closed loop: each of c workers sends its next request when the previous answered.")
                .note("Warm-up " + WARM_UP.toSeconds() + " s, then " + MEASURED.toSeconds() + " s measured per run.")
                .note("`submit`: POST /api/v1/orders/{id}/submit with a bearer token (JWT verified locally) and "
                        + "If-Match (the ETag of the previous answer, as a front-end keeps it); each worker withdraws its order "
                        + "(unmeasured) between submissions.")
                .note("`baseline insert`: POST /api/v1/baseline on subject-service, one reactive INSERT, no auth.")
                .note("With the other services running (`bin/bench --running` on a whole stack), every submission "
                        + "fans out on the same cores: website- and materials-service freeze their snapshots, "
                        + "review-service assembles a case, notification-service sends SMS and e-mail (and each "
                        + "withdrawal cancels the case and notifies again). `bin/bench submit-path` runs "
                        + "subject-service (and national-systems, which answers the registry lookup of each order's "
                        + "creation): the submit itself; the pipeline benchmark measures the fan-out.")
                .note("Before the first run, " + JIT_WARM_UP.toSeconds() + " s of submissions and bare inserts at "
                        + "c = 4, unmeasured and not counted, so that the JIT has compiled the paths measured.");
        Load.run("JIT warm-up: baseline insert", 4, JIT_WARM_UP.dividedBy(3), Duration.ZERO,
                i -> HttpRequest.newBuilder(URI.create(Stack.SUBJECT + "/api/v1/baseline"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), status -> status == 200);
        Load.runAnswered("JIT warm-up: submit", 4, JIT_WARM_UP.minus(JIT_WARM_UP.dividedBy(3)), Duration.ZERO,
                i -> submitAfterWithdrawing(applicants, i), SubmitPathBenchmark::submitted);
        List<String> spent = new ArrayList<>();
        for (int c : CONCURRENCY) {
            report.add(Load.run("baseline insert", c, WARM_UP, MEASURED,
                    i -> HttpRequest.newBuilder(URI.create(Stack.SUBJECT + "/api/v1/baseline"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    status -> status == 200));
            StackMeter.Snapshot before = StackMeter.take();
            long start = System.nanoTime();
            Load.Result submit = Load.runAnswered("submit", c, WARM_UP, MEASURED,
                    i -> submitAfterWithdrawing(applicants, i), SubmitPathBenchmark::submitted);
            report.add(submit);
            // The counters span the warm-up too: orders there are estimated at the measured rate.
            double elapsed = (System.nanoTime() - start) / 1e9;
            spent.add("Submit at c = " + c + " (each submission with its withdrawal, and everything both fan out "
                    + "to): " + StackMeter.table(before, StackMeter.take(), Math.round(submit.throughput() * elapsed),
                    "cycle", elapsed));
        }
        spent.forEach(report::line);
        report.write();
    }

    /**
     * Withdraws the worker's order if it is under review (unmeasured), then builds its submission; each with the ETag
     * of the answer before it. After a failed move the order is read again first.
     */
    private static HttpRequest submitAfterWithdrawing(List<Applicant> applicants, int i) {
        Applicant a = applicants.get(i / 10_000_000);
        if (a.unknown) {
            HttpResponse<String> view = Load.exchange(HttpRequest.newBuilder(URI.create(orderUrl(a)))
                    .header("Authorization", "Bearer " + a.token).GET().build(), 200);
            a.etag = view.headers().firstValue("ETag").orElseThrow();
            a.underReview = view.body().contains("\"state\":\"INITIAL_REVIEW\"");
            a.unknown = false;
        }
        if (a.underReview) {
            HttpResponse<String> withdrawn = Load.exchange(move(a, "/withdraw"), 200);
            a.etag = withdrawn.headers().firstValue("ETag").orElseThrow();
            a.underReview = false;
        }
        SUBMITTING.set(a);
        return move(a, "/submit");
    }

    /** A submission's answer: on success the order is under review, with the answer's ETag. */
    private static boolean submitted(HttpResponse<?> answer) {
        Applicant a = SUBMITTING.get();
        if (answer.statusCode() != 200) {
            a.unknown = true;
            return false;
        }
        a.etag = answer.headers().firstValue("ETag").orElseThrow();
        a.underReview = true;
        return true;
    }

    private static String orderUrl(Applicant a) {
        return Stack.SUBJECT + "/api/v1/orders/" + a.orderId;
    }

    private static HttpRequest move(Applicant a, String action) {
        return HttpRequest.newBuilder(URI.create(orderUrl(a) + action)).header("Authorization", "Bearer " + a.token)
                .header("If-Match", a.etag).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** A new account with a subject and a DRAFT whose websites and materials are reported complete. */
    private static Applicant readyApplicant(KafkaEvents events, int n) throws InterruptedException {
        String token = Keycloak.newApplicant();
        String subject = Fixtures.personSubject("压测" + n, "bench" + n + "@beian.local");
        Load.send(json(token, "/api/v1/subjects", subject), 201);
        // Its principal's mobile confirmed, as an order needs before submission: notification-service is not running
        // here, so the confirmation arrives as the event it would publish once the texted code was entered.
        String account = Keycloak.accountOf(token);
        Matcher mobile = MOBILE.matcher(subject);
        while (mobile.find()) {
            events.send(EventType.MOBILE_CONFIRMED, account, "{\"accountId\":\"%s\",\"mobileKey\":\"%s\",\"confirmedAt\":\"%s\"}"
                    .formatted(account, Phones.mobileKey(mobile.group(1)).orElseThrow(), TestClock.now()));
        }
        String order = id(Load.send(json(token, "/api/v1/orders", "{\"type\":\"FIRST_FILING\"}"), 201));
        events.send(EventType.ORDER_WEBSITES_READINESS_CHANGED, order,
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.send(EventType.ORDER_MATERIALS_READINESS_CHANGED, order,
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        Applicant a = new Applicant(token, order);
        // Readiness arrives through Kafka: wait until subject-service has applied both events.
        for (int tries = 0; tries < 100; tries++) {
            String view = Load.send(HttpRequest.newBuilder(URI.create(Stack.SUBJECT + "/api/v1/orders/" + order))
                    .header("Authorization", "Bearer " + token).GET().build(), 200);
            if (view.contains("\"missing\":[]")) {
                return a;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("order " + order + " never became ready");
    }

    private static HttpRequest json(String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create(Stack.SUBJECT + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }
}
