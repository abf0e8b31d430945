package cn.beian.review;

import static cn.beian.review.TestEvents.count;
import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.Metrics;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue: cases from events alone, claim with a lease, release, decide with the version seen, reasons, notes. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = @ResourceArg(name = "incoming",
        value = "subject-events,website-events,materials-events"))
@WithTestResource(OidcTestResource.class)
class ReviewQueueTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @AfterEach
    void resetClock() {
        as("ada", "admin").contentType(ContentType.JSON).body("{\"offset\":\"PT0S\"}").put("/api/v1/admin/clock")
                .then().statusCode(200);
    }

    /** Submits an order (subject snapshot + SUBMIT) without the websites/materials snapshots; answers its id. */
    String submit(String account) {
        String order = UUID.randomUUID().toString();
        subject(order, account, 1);
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "BEIJING", "DRAFT", "INITIAL_REVIEW", "SUBMIT",
                        4L, 9L));
        return order;
    }

    void subject(String order, String account, int count) {
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "BEIJING", count));
    }

    void complete(String order) {
        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4));
        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.manifest-frozen.v1",
                TestEvents.materialsManifest(order, 9));
    }

    String caseOf(String order) {
        return TestEvents.string("select cast(id as text) from review_case where order_id = '" + order
                + "' and status in ('OPEN','ASSEMBLING')");
    }

    String openCase(String account) {
        String order = submit(account);
        complete(order);
        return caseOf(order);
    }

    /**
     * The move and the snapshots arrive on three topics and are applied side by side: whichever commits last must see
     * the others, or the case would wait for ever with every part present.
     */
    @Test
    void aCaseOpensWhenItsMoveAndSnapshotsAreAppliedAtTheSameMoment() throws Exception {
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String order = UUID.randomUUID().toString();
            orders.add(order);
            subject(order, "acc-" + order, 1);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (String order : orders) {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> sent = List.of(
                        pool.submit(() -> {
                            go.await();
                            TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order,
                                    "order.transitioned.v1", TestEvents.transitioned(order, "acc-" + order,
                                            "FIRST_FILING", "BEIJING", "DRAFT", "INITIAL_REVIEW", "SUBMIT", 4L, 9L));
                            return null;
                        }),
                        pool.submit(() -> {
                            go.await();
                            TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order,
                                    "website.snapshot-frozen.v1", TestEvents.websitesSnapshot(order, 4));
                            return null;
                        }),
                        pool.submit(() -> {
                            go.await();
                            TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order,
                                    "material.manifest-frozen.v1", TestEvents.materialsManifest(order, 9));
                            return null;
                        }));
                go.countDown();
                for (java.util.concurrent.Future<?> f : sent) {
                    f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String in = orders.stream().map(o -> "'" + o + "'").collect(java.util.stream.Collectors.joining(","));
        assertEquals(orders.size(), count("select count(*) from review_case where status = 'OPEN' and order_id in ("
                + in + ")"), "every case opened");
    }

    @Test
    void aCaseWaitsForAllThreeSnapshotsWhicheverArrivesFirst() {
        String order = UUID.randomUUID().toString();
        // The websites snapshot overtakes the submission (another topic).
        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4));
        subject(order, "acc-" + order, 1);
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, "acc-" + order, "FIRST_FILING", "BEIJING", "DRAFT", "INITIAL_REVIEW",
                        "SUBMIT", 4L, 9L));
        String caseId = caseOf(order);
        as("rita", "reviewer").get("/api/v1/review-cases/" + caseId).then().statusCode(200)
                .body("reviewCase.status", equalTo("ASSEMBLING"))
                .body("reviewCase.complete", equalTo(false))
                .body("reviewCase.missing", contains("MATERIALS"));
        as("rita", "reviewer").post("/api/v1/review-cases/" + caseId + "/claim").then().statusCode(409)
                .body("code", equalTo("CASE_ASSEMBLING"));
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'review.case-opened.v1'"));

        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.manifest-frozen.v1",
                TestEvents.materialsManifest(order, 9));
        as("rita", "reviewer").get("/api/v1/review-cases/" + caseId).then().statusCode(200)
                .body("reviewCase.status", equalTo("OPEN"))
                .body("reviewCase.kind", equalTo("INITIAL"))
                .body("reviewCase.type", equalTo("FIRST_FILING"))
                .body("reviewCase.overdue", equalTo(false))
                // rita holds no claim: she sees the case, with its personal data masked.
                .body("personalData", equalTo("MASKED"))
                .body("snapshot.subject.principal.mobile", equalTo("138****8000"))
                .body("snapshot.websites[0].name", equalTo("吴十的博客"))
                .body("snapshot.materials[0].kind", equalTo("ID_FRONT"))
                .body("findings[0].ruleId", equalTo("BJ-01"))
                .body("findings[0].owner", equalTo("subject-service"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'review.case-opened.v1'"));
    }

    @Test
    void aDecisionNeedsTheLeaseTheVersionSeenAndReasonsInTheSnapshotsTerms() {
        String account = "alice-" + UUID.randomUUID();
        String caseId = openCase(account);
        String order = TestEvents.string("select order_id from review_case where id = '" + caseId + "'");
        String path = "/api/v1/review-cases/" + caseId;

        as("rita", "reviewer").contentType(ContentType.JSON).body("{\"version\":2,\"decision\":\"APPROVE\"}")
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("NOT_CLAIMED"));
        int version = as("rita", "reviewer").post(path + "/claim").then().statusCode(200)
                .body("claimedBy", equalTo("rita")).extract().path("version");
        as("ravi", "reviewer").post(path + "/claim").then().statusCode(409).body("code", equalTo("CLAIMED_BY_ANOTHER"));
        as("ravi", "reviewer").contentType(ContentType.JSON)
                .body("{\"version\":" + version + ",\"decision\":\"APPROVE\"}")
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("NOT_CLAIMED"));
        as("rita", "reviewer").contentType(ContentType.JSON)
                .body("{\"version\":" + (version - 1) + ",\"decision\":\"APPROVE\"}")
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("STALE_VERSION"))
                .body("currentVersion", equalTo(version));
        as("rita", "reviewer").contentType(ContentType.JSON)
                .body("{\"version\":" + version + ",\"decision\":\"REJECT\",\"reasons\":[]}")
                .post(path + "/decision").then().statusCode(400).body("errors[0].field", equalTo("reasons"))
                .body("errors[0].code", equalTo("REASONS_REQUIRED"));
        as("rita", "reviewer").contentType(ContentType.JSON).body("""
                {"version":%d,"decision":"REJECT","reasons":[
                  {"fieldKey":"websites[0].name","code":"WEBSITE_NAME_NOT_COMPLIANT","suggestion":"请修改"},
                  {"fieldKey":"websites[3].name","code":"NO_SUCH_CODE"}]}""".formatted(version))
                .post(path + "/decision").then().statusCode(400)
                .body("errors.field", contains("reasons[1].fieldKey", "reasons[1].code"))
                .body("errors.code", contains("FIELD_KEY_NOT_IN_SNAPSHOT", "UNKNOWN_REASON_CODE"));
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type like 'review.initial-%'"), "refused decisions publish nothing");

        as("ravi", "reviewer").contentType(ContentType.JSON).body("{\"text\":\"网站名称含“公司”，个人不可用\"}")
                .post(path + "/notes").then().statusCode(201);
        as("rita", "reviewer").contentType(ContentType.JSON).body("""
                {"version":%d,"decision":"REJECT","reasons":[
                  {"fieldKey":"websites[0].name","code":"WEBSITE_NAME_NOT_COMPLIANT","suggestion":"个人网站名称不得含有“公司”"},
                  {"fieldKey":"subject.principal.mobile","code":"PRINCIPAL_INFO_WRONG"}]}""".formatted(version))
                .post(path + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("reasons[1].suggestion", equalTo("负责人信息有误，请核对姓名、证件号码和联系方式"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'review.initial-rejected.v1' and payload like '%websites[0].name%'"
                + " and payload like '%\"reviewerId\":\"rita\"%'"));
        as("rita", "reviewer").contentType(ContentType.JSON)
                .body("{\"version\":" + (version + 1) + ",\"decision\":\"APPROVE\"}")
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("CASE_CLOSED"));

        // The applicant reads the reasons; another applicant gets 404; reviewers see notes and the trail.
        as(account, "applicant").get("/api/v1/orders/" + order + "/rejections").then().statusCode(200)
                .body("items[0].source", equalTo("REVIEWER")).body("items[0].kind", equalTo("INITIAL"))
                .body("items[0].reasons.fieldKey", contains("websites[0].name", "subject.principal.mobile"))
                .body("items[0].reasons[0].suggestion", equalTo("个人网站名称不得含有“公司”"))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        as("bob", "applicant").get("/api/v1/orders/" + order + "/rejections").then().statusCode(404);
        as("bob", "applicant").get("/api/v1/orders/" + UUID.randomUUID() + "/rejections").then().statusCode(404);
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("notes[0].authorId", equalTo("ravi"))
                .body("auditTrail.action", contains("CREATED", "OPENED", "CLAIMED", "NOTED", "REJECTED"))
                .body("auditTrail.find { it.action == 'REJECTED' }.detail", org.hamcrest.Matchers.startsWith(
                        "decided on version " + version));
    }

    @Test
    void aRefusedDecisionIsWordedInTheCallersLanguage() {
        String path = "/api/v1/review-cases/" + openCase("alice-" + UUID.randomUUID());
        int version = as("rita", "reviewer").post(path + "/claim").then().statusCode(200).extract().path("version");
        String stale = "{\"version\":" + (version - 1) + ",\"decision\":\"APPROVE\"}";

        as("rita", "reviewer").header("Accept-Language", "en").contentType(ContentType.JSON).body(stale)
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("STALE_VERSION"))
                .body("detail", equalTo("The case changed since version " + (version - 1) + " (now " + version
                        + "); reload it"));
        as("rita", "reviewer").contentType(ContentType.JSON).body(stale)
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("STALE_VERSION"))
                .body("detail", equalTo("案件在第 " + (version - 1) + " 版之后已被更改（现为第 " + version
                        + " 版），请重新加载"));
        String unknownField = """
                {"version":%d,"decision":"REJECT","reasons":[{"fieldKey":"websites[3].name","code":"PRINCIPAL_INFO_WRONG"}]}"""
                .formatted(version);
        as("rita", "reviewer").header("Accept-Language", "en").contentType(ContentType.JSON).body(unknownField)
                .post(path + "/decision").then().statusCode(400)
                .body("detail", equalTo("The rejection reasons are invalid"))
                .body("errors[0].message", equalTo("'websites[3].name' is not a field of this case's snapshot"));
        as("rita", "reviewer").contentType(ContentType.JSON).body(unknownField)
                .post(path + "/decision").then().statusCode(400)
                .body("detail", equalTo("驳回理由不合法"))
                .body("errors[0].message", equalTo("“websites[3].name”不是此案件快照中的字段"));
        as("rita", "reviewer").header("Accept-Language", "en").get("/api/v1/review-cases/" + UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("Review case not found"));
        as("rita", "reviewer").get("/api/v1/review-cases/" + UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("审核案件不存在"));
    }

    @Test
    void personalDataInFullOnlyForTheClaimHolderAndEveryUnmaskedReadIsInTheTrail() {
        String caseId = openCase("erin-" + UUID.randomUUID());
        String path = "/api/v1/review-cases/" + caseId;
        String reads = "select count(*) from audit_entry where case_id = '" + caseId
                + "' and action = 'PERSONAL_DATA_READ'";

        // Nobody holds the claim: masked for every reviewer, the field keys all still there.
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("personalData", equalTo("MASKED"))
                .body("snapshot.subject.name", equalTo("吴*"))
                .body("snapshot.subject.certificateNumber", equalTo("110101********0011"))
                .body("snapshot.subject.certificateAddress", equalTo("北京市东城区***"))
                .body("snapshot.subject.principal.name", equalTo("吴*"))
                .body("snapshot.subject.principal.certificateNumber", equalTo("110101********0011"))
                .body("snapshot.subject.principal.mobile", equalTo("138****8000"))
                .body("snapshot.subject.principal.email", equalTo("w***@beian.test"))
                .body("snapshot.websites[0].principal.certificateNumber", equalTo("110101********0011"))
                .body("snapshot.websites[0].principal.mobile", equalTo("138****8000"))
                .body("snapshot.websites[0].name", equalTo("吴十的博客"))
                .body("snapshot.materials[0].kind", equalTo("ID_FRONT"))
                .body("materialLinks.size()", equalTo(0));
        assertEquals(0, count(reads));

        // The claim holder sees everything, and the read is in the case's trail (who, when).
        int version = as("rita", "reviewer").post(path + "/claim").then().statusCode(200).extract().path("version");
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("personalData", equalTo("FULL"))
                .body("snapshot.subject.name", equalTo("吴十"))
                .body("snapshot.subject.certificateNumber", equalTo("110101199003070011"))
                .body("snapshot.subject.principal.mobile", equalTo("13800138000"))
                .body("snapshot.subject.principal.email", equalTo("wu@beian.test"))
                .body("snapshot.websites[0].principal.certificateNumber", equalTo("110101199003070011"))
                .body("materialLinks.size()", equalTo(1))
                .body("auditTrail.find { it.action == 'PERSONAL_DATA_READ' }.actorId", equalTo("rita"))
                .body("auditTrail.find { it.action == 'PERSONAL_DATA_READ' }.at", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, count(reads));

        // Another reviewer, and an admin, see it masked while rita holds the claim; their reads unmask nothing.
        as("ravi", "reviewer").get(path).then().statusCode(200).body("personalData", equalTo("MASKED"))
                .body("snapshot.subject.principal.certificateNumber", equalTo("110101********0011"))
                .body("materialLinks.size()", equalTo(0));
        as("ada", "admin").get(path).then().statusCode(200).body("personalData", equalTo("MASKED"))
                .body("snapshot.subject.principal.mobile", equalTo("138****8000"));
        as("rita", "reviewer").get(path).then().statusCode(200).body("personalData", equalTo("FULL"));
        assertEquals(2, count(reads), "each unmasked read is recorded");

        // Released: masked for rita too.
        as("rita", "reviewer").post(path + "/release").then().statusCode(200);
        as("rita", "reviewer").get(path).then().statusCode(200).body("personalData", equalTo("MASKED"))
                .body("snapshot.subject.principal.mobile", equalTo("138****8000"));

        // The next holder sees it in full; once decided, the closed case is masked for everyone.
        int ravis = as("ravi", "reviewer").post(path + "/claim").then().statusCode(200).extract().path("version");
        as("ravi", "reviewer").get(path).then().statusCode(200).body("personalData", equalTo("FULL"));
        as("ravi", "reviewer").contentType(ContentType.JSON)
                .body("{\"version\":" + ravis + ",\"decision\":\"APPROVE\"}")
                .post(path + "/decision").then().statusCode(200);
        as("ravi", "reviewer").get(path).then().statusCode(200).body("personalData", equalTo("MASKED"))
                .body("snapshot.subject.principal.certificateNumber", equalTo("110101********0011"))
                .body("auditTrail.findAll { it.action == 'PERSONAL_DATA_READ' }.actorId",
                        contains("rita", "rita", "ravi"));
        assertEquals(3, count(reads));
        assertTrue(version < ravis);
    }

    @Test
    void onlyReviewersReachTheQueue() {
        as("alice", "applicant").get("/api/v1/review-cases").then().statusCode(403);
        as("arthur", "authority").post("/api/v1/review-cases/claim").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/review-cases").then().statusCode(401);
        as("rita", "reviewer").get("/api/v1/review-cases/not-a-uuid").then().statusCode(404);
        as("rita", "reviewer").get("/api/v1/review-reason-codes").then().statusCode(200)
                .body("items.code", hasItems("WEBSITE_NAME_NOT_COMPLIANT", "PHOTO_UNCLEAR"));
    }

    @Test
    void aLapsedLeaseFreesTheCaseAndRefusesTheLateDecision() {
        String caseId = openCase("carol-" + UUID.randomUUID());
        String path = "/api/v1/review-cases/" + caseId;
        int version = as("rita", "reviewer").post(path + "/claim").then().statusCode(200).extract().path("version");
        as("ada", "admin").contentType(ContentType.JSON).body("{\"offset\":\"PT16M\"}").put("/api/v1/admin/clock")
                .then().statusCode(200);
        as("rita", "reviewer").contentType(ContentType.JSON)
                .body("{\"version\":" + version + ",\"decision\":\"APPROVE\"}")
                .post(path + "/decision").then().statusCode(409).body("code", equalTo("LEASE_EXPIRED"));
        int ravis = as("ravi", "reviewer").post(path + "/claim").then().statusCode(200)
                .body("claimedBy", equalTo("ravi")).extract().path("version");
        as("ravi", "reviewer").post(path + "/release").then().statusCode(200)
                .body("version", equalTo(ravis + 1));
        as("ravi", "reviewer").post(path + "/release").then().statusCode(409).body("code", equalTo("NOT_CLAIMED"));
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("auditTrail.action", hasItems("LEASE_LAPSED", "RELEASED"));

        // Two business days later the case is overdue.
        as("ada", "admin").contentType(ContentType.JSON).body("{\"offset\":\"P5D\"}").put("/api/v1/admin/clock")
                .then().statusCode(200);
        as("rita", "reviewer").get(path).then().statusCode(200).body("reviewCase.overdue", equalTo(true));
    }

    /** The queue's gauges (refreshed every second in tests) follow the cases and the clock, with bounded labels. */
    @Inject
    cn.beian.review.service.ReviewMetricsJob metricsJob;

    private void refreshMetrics() {
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> metricsJob.refresh());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theQueueIsMeasuredByKindWithItsSlaBreaches() {
        // The job is driven by hand: the scheduler's first round may come late after a restart of the test app.
        refreshMetrics();
        double open = Metrics.scrape().value("beian_review_queue_cases", "kind", "INITIAL", "status", "OPEN");
        openCase("erin-" + UUID.randomUUID());
        refreshMetrics();
        assertTrue(Metrics.scrape().value("beian_review_queue_cases", "kind", "INITIAL", "status", "OPEN") >= open + 1);
        assertEquals(0, Metrics.scrape().value("beian_review_sla_breached", "kind", "INITIAL"),
                "no case is overdue today");

        // Five days on, every live case of the queue is past its due time.
        as("ada", "admin").contentType(ContentType.JSON).body("{\"offset\":\"P5D\"}").put("/api/v1/admin/clock")
                .then().statusCode(200);
        refreshMetrics();
        assertTrue(Metrics.scrape().value("beian_review_sla_breached", "kind", "INITIAL") >= 1);
        assertTrue(Metrics.scrape().value("beian_review_queue_oldest_seconds", "kind", "INITIAL") >= 5 * 86_400 - 60);
        assertTrue(Metrics.scrape().has("beian_authority_feed_silence_seconds"));
        assertEquals(List.of(), Metrics.scrape().idLikeLabels());
    }

    @Test
    void photoAndReReviewCasesAndTheirEvents() {
        String account = "dave-" + UUID.randomUUID();
        String order = submit(account);
        complete(order);
        String initial = caseOf(order);
        int v = as("rita", "reviewer").post("/api/v1/review-cases/" + initial + "/claim").then().statusCode(200)
                .extract().path("version");
        as("rita", "reviewer").contentType(ContentType.JSON).body("{\"version\":" + v + ",\"decision\":\"APPROVE\"}")
                .post("/api/v1/review-cases/" + initial + "/decision").then().statusCode(200);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'review.initial-approved.v1'"));

        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
        String photo = caseOf(order);
        int pv = as("rita", "reviewer").post("/api/v1/review-cases/claim?kind=PHOTO").then().statusCode(200)
                .body("kind", equalTo("PHOTO")).body("orderId", equalTo(order)).extract().path("version");
        as("rita", "reviewer").contentType(ContentType.JSON).body("""
                {"version":%d,"decision":"REJECT","reasons":[{"fieldKey":"websites[0].principal.curtainPhoto",
                 "code":"PHOTO_BACKGROUND_WRONG"}]}""".formatted(pv))
                .post("/api/v1/review-cases/" + photo + "/decision").then().statusCode(200);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'review.photo-rejected.v1'"));

        // An authority rejection, then a resubmission: a re-review case.
        subject(order, account, 2);
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "BEIJING", "AUTHORITY_REJECTED",
                        "INITIAL_REVIEW", "RESUBMIT", 4L, 9L));
        String reReview = caseOf(order);
        as("rita", "reviewer").get("/api/v1/review-cases/" + reReview).then().statusCode(200)
                .body("reviewCase.kind", equalTo("RE_REVIEW")).body("reviewCase.submissionCount", equalTo(2))
                .body("reviewCase.status", equalTo("OPEN"));
        as("rita", "reviewer").get("/api/v1/review-cases?kind=RE_REVIEW&limit=100").then().statusCode(200)
                .body("items.id", hasItem(reReview));

        // Withdrawn: the case leaves the queue.
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "BEIJING", "INITIAL_REVIEW", "DRAFT",
                        "WITHDRAW", null, null));
        as("rita", "reviewer").get("/api/v1/review-cases/" + reReview).then().statusCode(200)
                .body("reviewCase.status", equalTo("CANCELLED"));
    }

    @Test
    void anEventForAnOrderNeverSubmittedIsDeadLettered() {
        // A well-formed order id (anything else is malformed before the order is looked for).
        String order = UUID.randomUUID().toString();
        Throwable reason = TestEvents.deliver(connector, "materials-events", TestEvents.MATERIALS, order,
                "material.photo-submitted.v1",
                "{\"orderId\":\"" + order + "\",\"submittedBy\":\"a\",\"byVerificationPoint\":false}");
        assertTrue(reason != null && reason.getMessage().contains("never submitted"), String.valueOf(reason));
        List<String> none = List.of();
        assertTrue(none.isEmpty());
    }

    @Test
    void theConsoleIsServedWithItsSignInSettingsAndNoToken() {
        io.restassured.RestAssured.given().get("/console/config.json").then().statusCode(200)
                .body("clientId", equalTo("beian-console")).body("now", org.hamcrest.Matchers.notNullValue())
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"));
        io.restassured.RestAssured.given().get("/console/").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"));
        io.restassured.RestAssured.given().get("/console/vendor/oidc-client-ts.min.js").then().statusCode(200);
        // Not part of the REST API: the OpenAPI document (and so the fuzz corpus) does not list it.
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/console/config.json")));
    }
}
