package cn.beian.chaos;

import cn.beian.it.Stack;
import cn.beian.testing.TestClock;
import cn.beian.validators.ResidentIdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * One first filing driven through the whole pipeline as a careful front-end would drive it while parts of the stack
 * die under it: every call retries transient failures (transport errors, 5xx, 503 with Retry-After) with back-off;
 * a POST carries an Idempotency-Key (a new one only after a non-transient answer, since a kept 4xx would replay);
 * and before repeating a state-changing action the journey reads the state again, because a crash may have applied
 * the action after all. Every step it completes is recorded, so the checks know what each order should show.
 */
final class Journey implements Runnable {

    /** What the journey needs from the run. */
    interface Run {
        Tokens tokens();

        long patienceMs();

        String tag();

        /** True when this order's slow upload is to be killed mid-body (the run's targeted materials case). */
        boolean killMidUpload(int index);

        /** True when this order's outcome is to be recorded while review-service is frozen, then killed. */
        boolean killGatewayAtOutcome(int index);

        Killer killer();

        Db db();

        void note(String counter);

        /** How long one call took at the client (the pipeline benchmark's per-call figures); ignored by default. */
        default void took(String what, int status, long micros) {
        }
    }

    final int index;
    private final Run run;
    final String name;
    final String cert;
    final String mobile;
    final String email;
    final String domain;
    String user;
    String accountEmail;
    String orderId;
    String subjectId;
    String websiteId;
    String step = "not started";
    final List<String> steps = new ArrayList<>();
    String failure;
    long startedMs;
    long endedMs;
    boolean completed;
    private String orderSequence;
    /** The targeted cases' own findings (mid-upload kill; gateway frozen at the outcome). */
    final List<String> targetedNotes = new ArrayList<>();
    boolean midUploadVerified;
    private int keySerial;

    Journey(int index, Run run, Random data) {
        this.index = index;
        this.run = run;
        this.name = "混沌" + (char) (0x4e00 + 0x100 + data.nextInt(0xf00)) + (char) (0x4e00 + 0x100 + data.nextInt(0xf00));
        this.cert = residentId(index, Integer.parseInt(run.tag()) % 1000);
        // A Beijing number block (1380100-1380139): Beijing's rules want the principal's mobile registered there
        // (BJ-B-01); the run's tag picks the block, the index the number.
        this.mobile = "13801" + String.format("%02d", Integer.parseInt(run.tag()) % 40) + String.format("%04d", index);
        this.email = "chaos-" + run.tag() + "-" + index + "@beian.local";
        this.domain = "chaos-" + run.tag() + "-" + index + ".cn";
    }

    @Override
    public void run() {
        startedMs = System.currentTimeMillis();
        try {
            step("account");
            user = run.tokens().newApplicant("chaos" + run.tag());
            accountEmail = user + "@beian.local";
            done();
            subject();
            confirmMobile();
            createOrder();
            step("domain registered");
            call("register domain", () -> Http.put(Stack.NATIONAL + "/api/v1/admin/domain-registrations/" + domain)
                    .bearer(run.tokens().admin()).json(domainRegistration()), 200);
            done();
            website();
            materials(false);
            step("ready to submit");
            await("readiness", () -> order().path("readiness").path("missing").size() == 0);
            // subject-service applied the mobile's confirmation (it blocks submission until then)
            await("mobile confirmed", () -> order().path("findings").findValuesAsText("ruleId").stream()
                    .noneMatch("MOBILE_UNCONFIRMED"::equals));
            done();
            submit();
            review("INITIAL", "AWAITING_PHOTO");
            materials(true);
            photoSubmission();
            review("PHOTO", "AUTHORITY_REVIEW");
            smsVerification();
            approval();
            step("approved");
            await("APPROVED", () -> "APPROVED".equals(state()));
            done();
            completed = true;
        } catch (RuntimeException e) {
            failure = step + ": " + e.getMessage();
            System.out.printf("[chaos] order %d (%s) stopped at %s%n", index, orderId, failure);
        } finally {
            endedMs = System.currentTimeMillis();
        }
    }

    // ------------------------------------------------------------------------------------------------ the steps

    private void subject() {
        step("subject");
        subjectId = ensure("create subject", () -> first(get(Stack.SUBJECT + "/api/v1/subjects")),
                key -> Http.post(Stack.SUBJECT + "/api/v1/subjects").bearer(applicant()).header("Idempotency-Key", key)
                        .json(subjectBody()));
        done();
    }

    /**
     * The principal's mobile confirmed by the code notification-service texts to it (issue 15): a code asked for
     * (the same Idempotency-Key replays the first answer after a lost one; a 429 waits for Retry-After), read from the
     * SMS stand-in by its out id, entered; an expired or spent code (a long outage) is asked for anew.
     */
    private void confirmMobile() {
        step("mobile confirmed");
        long deadline = System.currentTimeMillis() + run.patienceMs();
        while (true) {
            String key = key("confirm-mobile");
            String id = call("ask mobile code", () -> Http.post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations")
                    .bearer(applicant()).header("Idempotency-Key", key + "-ask")
                    .json("{\"mobile\":\"" + mobile + "\"}"), 201).json().path("id").asText();
            String[] code = new String[1];
            await("mobile code texted", () -> (code[0] = confirmationCode(id)) != null);
            int status = call("confirm mobile", () -> Http.post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations/"
                    + id + "/confirm").bearer(applicant()).header("Idempotency-Key", key)
                    .json("{\"code\":\"" + code[0] + "\"}"), 200, 409).status();
            if (status == 200) {
                break;
            }
            keySerial++;
            run.note("confirm mobile answered 409: a new code");
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the mobile was never confirmed");
            }
        }
        done();
    }

    /** The code texted for confirmation {@code id} (the SMS's out id), or null while it has not arrived. */
    private String confirmationCode(String id) {
        JsonNode messages = call("sms log", () -> Http.get(Stack.SMS + "/api/v1/sms/messages?templateCode="
                + "SMS_BEIAN_1050&phone=" + mobile), 200).json();
        for (JsonNode m : messages) {
            if (id.equals(m.path("outId").asText())) {
                return m.path("templateParam").path("code").asText(null);
            }
        }
        return null;
    }

    private void createOrder() {
        step("order");
        orderId = ensure("create order", () -> first(get(Stack.SUBJECT + "/api/v1/orders")),
                key -> Http.post(Stack.SUBJECT + "/api/v1/orders").bearer(applicant()).header("Idempotency-Key", key)
                        .json("{\"type\":\"FIRST_FILING\"}"));
        done();
    }

    private void website() {
        step("website");
        String websites = Stack.WEBSITE + "/api/v1/orders/" + orderId + "/websites";
        await("website-service knows the order", () -> {
            order();
            return call("list websites", () -> Http.get(websites).bearer(applicant())
                    .header("Beian-Order-Sequence", orderSequence), 200, 404).status() == 200;
        });
        websiteId = ensure("add website", () -> {
            JsonNode sites = get(websites).path("websites");
            return sites.size() == 0 ? null : sites.get(0).path("id").asText();
        },
                key -> Http.post(websites).bearer(applicant()).header("Idempotency-Key", key)
                        .header("Beian-Order-Sequence", orderSequence).json(cn.beian.it.Fixtures.website(applicant(), name + "的随笔",
                                domain)));
        done();
    }

    /** Uploads every missing material of the first stage, or (photo) the curtain photo. */
    private void materials(boolean photo) {
        step(photo ? "curtain photo" : "materials");
        String base = Stack.MATERIALS + "/api/v1/orders/" + orderId;
        await("materials-service knows the order", () -> call("required materials",
                () -> Http.get(base + "/required-materials").bearer(applicant())
                        .header("Beian-Order-Sequence", orderSequence), 200, 404).status() == 200);
        for (long deadline = System.currentTimeMillis() + run.patienceMs(); ; ) {
            List<JsonNode> missing = new ArrayList<>();
            order();
            JsonNode required = get(base + "/required-materials");
            for (JsonNode m : required.path("missing")) {
                if ("CURTAIN_PHOTO".equals(m.path("kind").asText()) == photo) {
                    missing.add(m);
                }
            }
            // What is required depends on the websites too: until materials-service has heard of them (an event that
            // may be late after a kill) the list is not the whole list.
            boolean known = photo || required.path("websitesKnown").asBoolean(true);
            if (missing.isEmpty() && known) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("materials still missing (websites known: " + known + "): " + missing);
            }
            if (missing.isEmpty()) {
                run.note("materials-service did not know the websites yet");
                Pause.ms(500);
                continue;
            }
            for (JsonNode m : missing) {
                String kind = m.path("kind").asText();
                String owner = m.path("ownerRef").asText();
                String url = base + "/materials?kind=" + kind + "&ownerRef=" + Http.enc(owner);
                if (!photo && !midUploadVerified && run.killMidUpload(index)) {
                    midUpload(base, url, kind, owner);
                    continue;
                }
                String key = key("material-" + kind + "-" + owner);
                Http.Resp r = call("upload " + kind, () -> Http.post(url).bearer(applicant())
                        .header("Idempotency-Key", key).header("Beian-Order-Sequence", orderSequence)
                        .bytes("image/jpeg", jpeg(900, 600, index)), 201, 400, 409, 422);
                if (r.status() != 201) {
                    run.note("upload answered " + r.status());
                    keySerial++;
                    Pause.ms(500);
                }
            }
        }
        done();
    }

    /**
     * The targeted materials case: a large image streamed slowly; materials-service is SIGKILLed once a third of the
     * body has gone. Afterwards no material of that kind may be visible (nothing half-written), and a retry with the
     * same Idempotency-Key succeeds.
     */
    private void midUpload(String base, String url, String kind, String owner) {
        byte[] big = noisyJpeg(1100, 800, index);
        String key = key("material-slow-" + kind + "-" + owner);
        long killAt = big.length / 3;
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
        InputStream slow = new InputStream() {
            private int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= big.length) {
                    return -1;
                }
                if (pos >= killAt && reached.getCount() > 0) {
                    reached.countDown();
                    try {
                        killed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Pause.ms(40);
                int n = Math.min(Math.min(len, 16 * 1024), big.length - pos);
                System.arraycopy(big, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        Thread upload = new Thread(() -> {
            Http.Resp r = Http.post(url).bearer(applicant()).header("Idempotency-Key", key)
                    .publisher("image/jpeg", HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> slow), big.length)).send();
            targetedNotes.add("slow upload answered: " + r);
        }, "chaos-slow-upload-" + index);
        upload.start();
        try {
            if (!reached.await(run.patienceMs(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the slow upload never reached a third of its body");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // SIGKILL materials-service while the body is a third in (the client is paused inside it), then let the
        // client go on writing into the dead connection.
        run.killer().killNowAndRestart("materials-service", "targeted: mid-upload of order " + index + " (" + kind
                + ", " + big.length + " bytes, killed after " + killAt + ")");
        killed.countDown();
        try {
            upload.join(run.patienceMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Nothing half-written: no material of that kind for that owner, it is still missing, no pending row shows.
        JsonNode list = get(base + "/materials");
        boolean visible = false;
        for (JsonNode m : list.path("items")) {
            if (kind.equals(m.path("kind").asText()) && owner.equals(m.path("ownerRef").asText())) {
                visible = true;
            }
        }
        boolean stillMissing = false;
        for (JsonNode m : get(base + "/required-materials").path("missing")) {
            if (kind.equals(m.path("kind").asText()) && owner.equals(m.path("ownerRef").asText())) {
                stillMissing = true;
            }
        }
        long completeRows = run.db().count("materials",
                "select count(*) from material where order_id = cast(? as uuid) and kind = ? and status <> 'PENDING'",
                orderId, kind);
        Http.Resp retry = call("retry the killed upload", () -> Http.post(url).bearer(applicant())
                .header("Idempotency-Key", key).header("Beian-Order-Sequence", orderSequence)
                .bytes("image/jpeg", big), 201, 400, 409, 422);
        targetedNotes.add("after the kill: material visible=" + visible + ", still in missing=" + stillMissing
                + ", stored rows other than PENDING=" + completeRows + "; retry with the same Idempotency-Key → "
                + retry.status());
        midUploadVerified = !visible && stillMissing && completeRows == 0 && retry.status() == 201;
        if (!midUploadVerified) {
            targetedNotes.add("MID-UPLOAD CHECK FAILED");
        }
    }

    private void submit() {
        step("submit");
        String url = Stack.SUBJECT + "/api/v1/orders/" + orderId;
        ensure("submit", () -> "DRAFT".equals(state()) ? null : state(), key -> {
            String etag = call("order", () -> Http.get(url).bearer(applicant()), 200).header("etag");
            return Http.post(url + "/submit").bearer(applicant()).header("If-Match", etag)
                    .header("Idempotency-Key", key);
        });
        done();
    }

    /** The reviewer claims the order's case of this kind and approves it; waits for the order to move on. */
    private void review(String kind, String next) {
        step(kind.toLowerCase() + " review");
        String cases = Stack.REVIEW + "/api/v1/review-cases";
        String reviewer = "rita";
        for (long deadline = System.currentTimeMillis() + run.patienceMs(); ; ) {
            String st = state();
            if (!(("INITIAL".equals(kind) && "INITIAL_REVIEW".equals(st)) || ("PHOTO".equals(kind)
                    && ("PHOTO_REVIEW".equals(st) || "AWAITING_PHOTO".equals(st))))) {
                break; // the order has moved past the review (an earlier decision applied)
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(kind + " review: order still " + st);
            }
            JsonNode open = null;
            boolean decided = false;
            for (JsonNode c : call("cases", () -> Http.get(cases + "?orderId=" + orderId + "&kind=" + kind)
                    .bearer(run.tokens().reviewer()), 200).json().path("items")) {
                String status = c.path("status").asText();
                if ("APPROVED".equals(status)) {
                    decided = true;
                } else if ("OPEN".equals(status) && c.path("complete").asBoolean()) {
                    open = c;
                }
            }
            if (decided || open == null) {
                Pause.ms(500); // not assembled yet, or decided and the order not moved yet
                continue;
            }
            String id = open.path("id").asText();
            Http.Resp claim = call("claim", () -> Http.post(cases + "/" + id + "/claim")
                    .bearer(run.tokens().of(reviewer)).header("Idempotency-Key", key("claim-" + id)), 200, 409);
            if (claim.status() != 200) {
                keySerial++;
            }
            JsonNode view = call("case", () -> Http.get(cases + "/" + id).bearer(run.tokens().reviewer()), 200).json();
            int version = tickChecklist(cases + "/" + id, view);
            Http.Resp d = call("decide", () -> Http.post(cases + "/" + id + "/decision").bearer(run.tokens().reviewer())
                    .header("Idempotency-Key", key("decide-" + id))
                    .json("{\"version\":" + version + ",\"decision\":\"APPROVE\"}"), 200, 400, 409, 412, 422);
            if (d.status() != 200) {
                keySerial++;
                run.note(kind + " decision answered " + d.status());
                Pause.ms(300);
            }
        }
        done();
        step("await " + next);
        await(next, () -> {
            String st = state();
            return next.equals(st) || later(st, next);
        });
        done();
    }

    private void photoSubmission() {
        step("photo submission");
        String url = Stack.MATERIALS + "/api/v1/orders/" + orderId + "/photo-submissions";
        ensure("submit photo", () -> "AWAITING_PHOTO".equals(state()) ? null : "moved",
                key -> Http.post(url).bearer(applicant()).header("Idempotency-Key", key)
                        .header("Beian-Order-Sequence", orderSequence));
        done();
    }

    private String submissionId() {
        return orderId + ":1";
    }

    private JsonNode submission() {
        Http.Resp r = call("submission", () -> Http.get(Stack.NATIONAL + "/api/v1/submissions/"
                + Http.enc(submissionId())).bearer(run.tokens().admin()), 200, 404);
        return r.status() == 200 ? r.json() : null;
    }

    /** The administration texts the principal a code (read from the SMS stand-in), who enters it. */
    private void smsVerification() {
        step("sms verification");
        for (long deadline = System.currentTimeMillis() + run.patienceMs(); ; Pause.ms(500)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("SMS verification: submission " + submission());
            }
            JsonNode s = submission();
            String status = s == null ? "NOT_SUBMITTED" : s.path("status").asText();
            if (!"SMS_VERIFICATION".equals(status) && s != null) {
                break;
            }
            if (s == null) {
                continue;
            }
            String code = smsCode();
            if (code == null) {
                continue;
            }
            Http.Resp r = call("verify code", () -> Http.post(Stack.NATIONAL + "/api/v1/sms-verifications")
                    .json(Map.of("mobile", mobile, "code", code)), 200, 400, 404, 409);
            if (r.status() != 200) {
                run.note("sms verification answered " + r.status());
            }
        }
        done();
    }

    /**
     * Ticks every checklist item of the claimed case still unanswered (an approval with one unanswered is refused);
     * answers the case's version after them. An answer refused (the claim or the version moved on meanwhile) is left
     * to the next round: the decision then fails and the loop looks again.
     */
    private int tickChecklist(String casePath, JsonNode view) {
        int version = view.path("reviewCase").path("version").asInt();
        for (JsonNode item : view.path("checklist")) {
            if (!item.path("outcome").isTextual()) {
                int seen = version;
                Http.Resp t = call("tick", () -> Http.put(casePath + "/checklist/" + item.path("itemId").asText())
                        .bearer(run.tokens().reviewer()).header("If-Match", "\"" + seen + "\"")
                        .json("{\"outcome\":\"TICKED\"}"), 200, 409, 412);
                if (t.status() == 200) {
                    version = Integer.parseInt(t.header("ETag").replace("\"", ""));
                }
            }
        }
        return version;
    }

    /** The administration approves; for the targeted orders, with review-service frozen and then killed. */
    private void approval() {
        step("authority approval");
        for (long deadline = System.currentTimeMillis() + run.patienceMs(); ; Pause.ms(500)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("approval: submission " + submission());
            }
            JsonNode s = submission();
            String status = s == null ? "?" : s.path("status").asText();
            if ("APPROVED".equals(status)) {
                break;
            }
            if (!"UNDER_REVIEW".equals(status)) {
                continue;
            }
            String url = Stack.NATIONAL + "/api/v1/admin/submissions/" + Http.enc(submissionId()) + "/approve";
            if (run.killGatewayAtOutcome(index) && targetedNotes.stream().noneMatch(n -> n.startsWith("gateway"))) {
                Killer.Kill k = run.killer().freezeActKill("review-service",
                        "targeted: between the outcome of order " + index + " and its event", () -> {
                            Http.Resp r = call("approve", () -> Http.post(url).bearer(run.tokens().admin()), 200, 409);
                            long events = run.db().count("review", "select count(*) from outbox_event where "
                                    + "order_id = ? and event_type like 'authority.approved%'", orderId);
                            return "approve → " + r.status() + "; authority.approved events in review's outbox while "
                                    + "frozen: " + events;
                        });
                targetedNotes.add("gateway: " + k.note());
                continue;
            }
            call("approve", () -> Http.post(url).bearer(run.tokens().admin()), 200, 409);
        }
        done();
    }

    // ------------------------------------------------------------------------------------------------ machinery

    private String applicant() {
        return run.tokens().of(user);
    }

    private JsonNode order() {
        Http.Resp r = call("order", () -> Http.get(Stack.SUBJECT + "/api/v1/orders/" + orderId).bearer(applicant()),
                200);
        String seq = r.header("beian-order-sequence");
        if (seq != null) {
            orderSequence = seq;
        }
        return r.json();
    }

    private String state() {
        return order().path("state").asText();
    }

    private static final List<String> ORDER = List.of("DRAFT", "INITIAL_REVIEW", "AWAITING_PHOTO", "PHOTO_REVIEW",
            "AUTHORITY_REVIEW", "APPROVED");

    private static boolean later(String state, String than) {
        return ORDER.indexOf(state) > ORDER.indexOf(than) && ORDER.indexOf(than) >= 0;
    }

    private JsonNode get(String url) {
        return call("GET " + url, () -> Http.get(url).bearer(applicant()), 200).json();
    }

    private static String first(JsonNode page) {
        JsonNode items = page.path("items");
        return items.size() == 0 ? null : items.get(0).path("id").asText();
    }

    private String key(String what) {
        return "chaos-" + run.tag() + "-" + index + "-" + what + "-" + keySerial;
    }

    /**
     * Makes sure a state-changing action took effect: reads the state ({@code check}, null while not done); if not
     * done, sends the action (an Idempotency-Key the same across transient failures, a new one after any other
     * answer) and reads again. Gives up after the run's patience.
     */
    private String ensure(String what, Supplier<String> check, java.util.function.Function<String, Http.Req> action) {
        long deadline = System.currentTimeMillis() + run.patienceMs();
        Http.Resp last = null;
        for (int attempt = 0; ; attempt++) {
            String done = check.get();
            if (done != null) {
                return done;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(what + " never took effect; last answer " + last);
            }
            String key = key(what.replace(' ', '-'));
            last = call(what, () -> action.apply(key), 200, 201, 202, 400, 404, 409, 412, 422);
            if (last.ok()) {
                Pause.ms(200); // applied: the next check sees it (a replica of the read side may lag a moment)
            } else {
                // kept 4xx would replay under the same key: the next attempt is a new request
                keySerial++;
                run.note(what + " answered " + last.status());
                Pause.ms(Math.min(3000, 200L << Math.min(attempt, 4)));
            }
        }
    }

    /**
     * One request, repeated while the answer is transient (transport failure, 5xx, 429, 503 with Retry-After) with
     * exponential back-off, and once after a 401 with a fresh token; answers the first answer whose status is in
     * {@code accept}, and fails on any other.
     */
    Http.Resp call(String what, Supplier<Http.Req> request, int... accept) {
        long deadline = System.currentTimeMillis() + run.patienceMs();
        Http.Resp r = null;
        for (int attempt = 0; ; attempt++) {
            long t = System.nanoTime();
            r = request.get().send();
            run.took(what, r.status(), (System.nanoTime() - t) / 1000);
            for (int a : accept) {
                if (r.status() == a) {
                    return r;
                }
            }
            if (r.status() == 401 && user != null) {
                run.tokens().forget(user);
                run.tokens().forget("rita");
                run.tokens().forget("ada");
            } else if (!r.transient_()) {
                throw new IllegalStateException(what + " answered " + r);
            }
            run.note(r.status() == 0 ? "retried: transport failure" : "retried: " + r.status());
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(what + " kept failing: " + r);
            }
            Pause.ms(r.retryAfterMs(Math.min(5000, 200L << Math.min(attempt, 5))));
        }
    }

    private void await(String what, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + run.patienceMs();
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("waited in vain for " + what + " (order state " + state() + ")");
            }
            Pause.ms(400);
        }
    }

    private void step(String s) {
        step = s;
    }

    private void done() {
        steps.add(step);
    }

    private String smsCode() {
        JsonNode messages = call("sms log", () -> Http.get(Stack.SMS + "/api/v1/sms/messages?templateCode="
                + "MIIT_SMS_VERIFICATION&phone=" + mobile), 200).json();
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode code = messages.get(i).path("templateParam").path("code");
            if (!code.isMissingNode() && !code.isNull()) {
                return code.asText();
            }
        }
        return null;
    }

    private String subjectBody() {
        return """
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(name, cert, name, cert, mobile, email);
    }

    private String domainRegistration() {
        return """
                {"registrar":"北京新网数码信息技术有限公司","registrantName":"%s","registrantCertificateType":"RESIDENT_ID",
                 "registrantCertificateNumber":"%s","realNameVerified":true,"realNameVerifiedAt":"%s",
                 "registeredOn":"%s","expiresOn":"%s","registeredAbroad":false}"""
                .formatted(name, cert, TestClock.now().minusDays(30), TestClock.date(-1000),
                        TestClock.today().plusYears(2));
    }

    /**
     * A resident ID unique within the run (the birth day from the index) and most likely across runs (the sequence
     * from the run's tag): a certificate filed by an earlier run would be refused as SUBJECT_ALREADY_FILED. Born
     * 1950–1974, apart from the other ITs' 1985–1998.
     */
    private static String residentId(int index, int sequence) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(index % 9000);
        String body = "110108" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return body + ResidentIdNumbers.checkDigit(body);
    }

    static byte[] jpeg(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(new Random(seed).nextInt(0xFFFFFF)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return encode(img);
    }

    /** A photo-like JPEG (noise does not compress): about a megabyte at 1100 × 800. */
    static byte[] noisyJpeg(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0xFFFFFF));
            }
        }
        return encode(img);
    }

    private static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
