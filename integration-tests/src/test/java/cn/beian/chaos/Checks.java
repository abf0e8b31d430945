package cn.beian.chaos;

import cn.beian.it.ProbeNotices;
import cn.beian.it.Stack;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the run proves, read from the services' own records once the stack has settled: the orders' states and
 * histories (subject-service's REST and its outbox), the messages the gateways logged (SMS stand-in, mail sink), every
 * outbox and the stand-in's outgoing queue drained, nothing parked in any inbox, nothing new in a dead-letter topic.
 */
final class Checks {

    /** One check: its name, whether it passed, the figures, and the evidence of every failure. */
    record Check(String name, boolean passed, String figures, List<String> evidence) {
    }

    static final List<String> SERVICE_DBS = List.of("subject", "website", "materials", "review", "notification");
    static final Map<String, String> SERVICE_URLS = new LinkedHashMap<>();

    static {
        SERVICE_URLS.put("subject-service", Stack.SUBJECT);
        SERVICE_URLS.put("website-service", Stack.WEBSITE);
        SERVICE_URLS.put("materials-service", Stack.MATERIALS);
        SERVICE_URLS.put("review-service", Stack.REVIEW);
        SERVICE_URLS.put("notification-service", Stack.NOTIFICATION);
    }

    /** The history a completed first filing must show, each trigger once. */
    static final List<String> TRIGGERS = List.of("CREATE", "SUBMIT", "INITIAL_APPROVE", "PHOTO_SUBMIT",
            "PHOTO_APPROVE", "SMS_VERIFIED", "AUTHORITY_APPROVE");
    /**
     * The SMS the principal's number must have received for a completed first filing, each once: the code that
     * confirmed the mobile (SMS_BEIAN_1050), then the order's notices.
     */
    static final List<String> SMS = List.of("SMS_BEIAN_1050", "SMS_BEIAN_1001", "SMS_BEIAN_1007", "SMS_BEIAN_1009", "SMS_BEIAN_1011",
            "SMS_BEIAN_1012", "SMS_BEIAN_1014", "SMS_BEIAN_1041", "SMS_BEIAN_1042", "MIIT_SMS_VERIFICATION",
            "MIIT_FILING_PASSWORD");
    /** The e-mails, by kind: the account gets notification-service's eight, the principal those and the password. */
    static final List<String> ACCOUNT_MAIL = List.of("order.submitted", "review.initial-approved",
            "order.photo-submitted", "review.photo-approved", "authority.submitted",
            "authority.sms-verification-requested", "authority.sms-verified", "authority.approved");
    static final List<String> PRINCIPAL_MAIL;

    static {
        List<String> p = new ArrayList<>(ACCOUNT_MAIL);
        p.add("national.filing-password");
        PRINCIPAL_MAIL = List.copyOf(p);
    }

    private final Chaos chaos;
    private final Db db;
    private final Tokens tokens;
    private final Map<String, Set<String>> parkedBefore = new HashMap<>();
    private final Map<TopicPartition, Long> dlqBefore = new HashMap<>();
    private final List<Check> checks = new ArrayList<>();

    Checks(Chaos chaos, Db db, Tokens tokens) {
        this.chaos = chaos;
        this.db = db;
        this.tokens = tokens;
    }

    List<Check> all() {
        return checks;
    }

    /** What was parked or dead-lettered before the run (an earlier test's doing) is not the run's. */
    void baseline() {
        SERVICE_URLS.forEach((s, url) -> parkedBefore.put(s, parked(url)));
        dlqBefore.putAll(dlqEnds());
    }

    /** True when every outbox and the stand-in's outgoing queue is drained and no delivery waits or is in flight. */
    boolean quiet() {
        for (String d : SERVICE_DBS) {
            if (db.count(d, "select count(*) from outbox_event where published_at is null") > 0) {
                return false;
            }
        }
        return db.count("national", "select count(*) from outgoing_message where sent_at is null") == 0
                && db.count("notification", "select count(*) from delivery where status in ('QUEUED','SENDING')") == 0
                && lag().values().stream().allMatch(v -> v == 0);
    }

    static final List<String> GROUPS = List.of("subject-service", "website-service", "materials-service",
            "review-service", "notification-service");

    /**
     * Per service consumer group: how many records of its assigned partitions it has not committed yet; -1 while the
     * group is not STABLE (a restarted service whose killed member the broker has not let go of yet).
     */
    Map<String, Long> lag() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        Map<String, Long> out = new TreeMap<>();
        try (Admin admin = Admin.create(p)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all()
                    .get(30, TimeUnit.SECONDS);
            for (String g : GROUPS) {
                ConsumerGroupDescription d = groups.get(g);
                if (d == null || d.groupState() != GroupState.STABLE) {
                    out.put(g, -1L);
                    continue;
                }
                Map<TopicPartition, OffsetSpec> assigned = new HashMap<>();
                for (MemberDescription m : d.members()) {
                    m.assignment().topicPartitions().forEach(tp -> assigned.put(tp, OffsetSpec.latest()));
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(assigned)
                        .all().get(30, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue().offset() - (c == null ? 0 : c.offset());
                }
                out.put(g, lag);
            }
        } catch (Exception e) {
            throw new IllegalStateException("consumer lag: " + e.getMessage(), e);
        }
        return out;
    }

    void run() {
        journeys();
        orderStates();
        transitions();
        sms();
        mail();
        outboxes();
        parked();
        deadLetters();
        targeted();
        kills();
    }

    // ---------------------------------------------------------------------------------------------------- checks

    private void journeys() {
        List<String> evidence = new ArrayList<>();
        long done = 0;
        for (Journey j : chaos.journeys) {
            if (j.completed) {
                done++;
            } else {
                evidence.add("order " + j.index + " (" + j.orderId + "): " + j.failure + "; steps done " + j.steps);
            }
        }
        add("every journey completed", evidence.isEmpty(), done + " of " + chaos.journeys.size()
                + " journeys reached APPROVED; " + (chaos.journeys.size() - done) + " left behind", evidence);
    }

    private void orderStates() {
        List<String> evidence = new ArrayList<>();
        int approved = 0;
        int numbered = 0;
        int allowed = 0;
        for (Journey j : chaos.journeys) {
            if (j.orderId == null) {
                continue;
            }
            JsonNode o = Chaos.adminGet(tokens, Stack.SUBJECT + "/api/v1/orders/" + j.orderId);
            String state = o.path("state").asText();
            String implied = implied(j);
            if (!implied.equals(state) && !(later(state, implied) && !j.completed)) {
                evidence.add("order " + j.index + " (" + j.orderId + "): state " + state + ", its steps imply "
                        + implied + " (steps " + j.steps + ")");
                continue;
            }
            if (!j.completed) {
                continue;
            }
            approved++;
            JsonNode subject = Chaos.adminGet(tokens, Stack.SUBJECT + "/api/v1/subjects/" + o.path("subjectId").asText());
            String number = subject.path("filingNumber").asText(null);
            if (number == null || number.isBlank()) {
                evidence.add("order " + j.index + " (" + j.orderId + "): APPROVED but its subject has no filing number");
                continue;
            }
            numbered++;
            JsonNode policy = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                Http.Resp r = Http.get(Stack.WEBSITE + "/api/v1/access-policy?host=www." + j.domain)
                        .bearer(tokens.client("edge-gateway", "edge-gateway-local-secret")).send();
                if (r.ok()) {
                    policy = r.json();
                    break;
                }
                Pause.ms(500);
            }
            if (policy == null || !policy.path("allowed").asBoolean()
                    || !(number + "-1").equals(policy.path("websiteFilingNumber").asText())) {
                evidence.add("order " + j.index + " (" + j.orderId + "): subject " + number
                        + ", but the access policy for www." + j.domain + " answers " + policy);
                continue;
            }
            allowed++;
        }
        add("every order in the state its steps imply", evidence.isEmpty(), approved + " APPROVED, " + numbered
                + " with the subject's filing number, " + allowed + " with the website's number in the access policy",
                evidence);
    }

    /** The state the journey's last completed step implies. */
    private static String implied(Journey j) {
        if (j.completed) {
            return "APPROVED";
        }
        List<String> s = j.steps;
        if (s.contains("authority approval") || s.contains("sms verification") || s.contains("await AUTHORITY_REVIEW")) {
            return "AUTHORITY_REVIEW";
        }
        if (s.contains("photo submission") || s.contains("photo review")) {
            return "PHOTO_REVIEW";
        }
        if (s.contains("await AWAITING_PHOTO") || s.contains("curtain photo")) {
            return "AWAITING_PHOTO";
        }
        if (s.contains("submit")) {
            return "INITIAL_REVIEW";
        }
        return "DRAFT";
    }

    private static final List<String> ORDER = List.of("DRAFT", "INITIAL_REVIEW", "AWAITING_PHOTO", "PHOTO_REVIEW",
            "AUTHORITY_REVIEW", "APPROVED");

    private static boolean later(String state, String than) {
        return ORDER.indexOf(state) > ORDER.indexOf(than);
    }

    private void transitions() {
        List<String> evidence = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        long seen = 0;
        long published = 0;
        for (Journey j : chaos.journeys) {
            if (j.orderId == null) {
                continue;
            }
            JsonNode o = Chaos.adminGet(tokens, Stack.SUBJECT + "/api/v1/orders/" + j.orderId);
            List<String> history = new ArrayList<>();
            for (JsonNode h : o.path("history")) {
                history.add(h.path("trigger").asText());
            }
            seen += history.size();
            Map<String, Long> times = new TreeMap<>();
            history.forEach(t -> times.merge(t, 1L, Long::sum));
            for (Map.Entry<String, Long> e : times.entrySet()) {
                if (e.getValue() > 1) {
                    duplicated += e.getValue() - 1;
                    evidence.add("order " + j.index + " (" + j.orderId + "): " + e.getKey() + " " + e.getValue()
                            + " times in its history " + history);
                }
            }
            List<String> expected = j.completed ? TRIGGERS : TRIGGERS.subList(0, Math.min(TRIGGERS.size(),
                    history.size()));
            List<String> distinct = history.stream().distinct().toList();
            if (!distinct.equals(expected)) {
                List<String> missing = new ArrayList<>(expected);
                missing.removeAll(history);
                lost += missing.size();
                evidence.add("order " + j.index + " (" + j.orderId + "): history " + history + ", expected "
                        + expected);
            }
            // what subject-service published: one order.transitioned per move, never two for one trigger
            for (Map<String, Object> row : db.rows("subject", "select payload::json->>'trigger' as trigger, count(*) "
                    + "as n from outbox_event where order_id = ? and event_type like 'order.transitioned%' group by 1",
                    j.orderId)) {
                long n = ((Number) row.get("n")).longValue();
                published += n;
                if (n > 1) {
                    duplicated += n - 1;
                    evidence.add("order " + j.index + " (" + j.orderId + "): subject-service's outbox holds " + n
                            + " order.transitioned events for " + row.get("trigger"));
                }
            }
        }
        add("0 lost and 0 duplicated transitions", lost == 0 && duplicated == 0, seen + " transitions in the "
                + "orders' histories, " + published + " order.transitioned events in subject-service's outbox; "
                + lost + " lost, " + duplicated + " duplicated", evidence);
    }

    private void sms() {
        List<String> evidence = new ArrayList<>();
        long lost = 0;
        long dup = 0;
        long total = 0;
        for (Journey j : chaos.journeys) {
            JsonNode messages = Chaos.adminGet(tokens, Stack.SMS + "/api/v1/sms/messages?phone=" + j.mobile);
            Map<String, Long> got = new TreeMap<>();
            for (JsonNode m : messages) {
                got.merge(m.path("templateCode").asText(), 1L, Long::sum);
                total++;
            }
            long[] ld = compare(j, "SMS to " + j.mobile, got, SMS, evidence);
            lost += ld[0];
            dup += ld[1];
        }
        add("0 lost and 0 duplicated SMS (the SMS stand-in's log)", lost == 0 && dup == 0, total + " SMS logged to "
                + chaos.journeys.size() + " principals' numbers; " + lost + " lost, " + dup + " duplicated or unexpected", evidence);
    }

    private void mail() {
        List<String> evidence = new ArrayList<>();
        long lost = 0;
        long dup = 0;
        long total = 0;
        for (Journey j : chaos.journeys) {
            for (String[] box : new String[][] {{j.email, "principal"}, {j.accountEmail, "account"}}) {
                if (box[0] == null) {
                    continue;
                }
                Http.Resp r = Http.get(Stack.MAIL + "/api/user/" + box[0] + "/messages/INBOX").send();
                Map<String, Long> got = new TreeMap<>();
                if (r.ok()) {
                    for (JsonNode m : r.json()) {
                        got.merge(mailKind(m.path("subject").asText()), 1L, Long::sum);
                        total++;
                    }
                }
                long[] ld = compare(j, "mail to the " + box[1] + " " + box[0], got,
                        "principal".equals(box[1]) ? PRINCIPAL_MAIL : ACCOUNT_MAIL, evidence);
                lost += ld[0];
                dup += ld[1];
            }
        }
        add("0 lost and 0 duplicated e-mails (the mail sink)", lost == 0 && dup == 0, total + " e-mails in "
                + chaos.journeys.size() * 2 + " mailboxes; " + lost + " lost, " + dup + " duplicated or unexpected", evidence);
    }

    /**
     * A completed order must have every expected message exactly once; an order left behind none twice. Answers
     * {lost, duplicated}.
     */
    private static long[] compare(Journey j, String what, Map<String, Long> got, List<String> expected,
            List<String> evidence) {
        // A filed website's probe notice is not part of the journey: a probe falls in the run's window or not, by the
        // website's id and the hour, and the chaos sites serve no page.
        got = new HashMap<>(got);
        got.keySet().removeIf(k -> k.equals(ProbeNotices.SMS_TEMPLATE) || k.contains(ProbeNotices.MAIL_SUBJECT_WORDS));
        long lost = 0;
        long dup = 0;
        for (Map.Entry<String, Long> e : got.entrySet()) {
            if (e.getValue() > 1) {
                dup += e.getValue() - 1;
            }
        }
        if (j.completed) {
            for (String kind : expected) {
                if (got.getOrDefault(kind, 0L) == 0) {
                    lost++;
                }
            }
        }
        Set<String> unexpected = new HashSet<>(got.keySet());
        unexpected.removeAll(expected);
        if (lost > 0 || dup > 0 || !unexpected.isEmpty()) {
            evidence.add("order " + j.index + " (" + j.orderId + "): " + what + " got " + got + ", expected "
                    + (j.completed ? "each once: " + expected : "none twice"));
        }
        return new long[] {lost, dup + (unexpected.isEmpty() ? 0 : unexpected.size())};
    }

    static String mailKind(String subject) {
        if (subject.contains("已提交管局")) {
            return "authority.submitted";
        }
        if (subject.contains("幕布照片已提交")) {
            return "order.photo-submitted";
        }
        if (subject.contains("已提交")) {
            return "order.submitted";
        }
        if (subject.contains("初审已通过")) {
            return "review.initial-approved";
        }
        if (subject.contains("照片审核已通过")) {
            return "review.photo-approved";
        }
        if (subject.contains("短信核验已完成")) {
            return "authority.sms-verified";
        }
        if (subject.contains("短信核验")) {
            return "authority.sms-verification-requested";
        }
        if (subject.contains("已获管局通过")) {
            return "authority.approved";
        }
        if (subject.contains("备案密码")) {
            return "national.filing-password";
        }
        return "other: " + subject;
    }

    private void outboxes() {
        List<String> evidence = new ArrayList<>();
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String d : SERVICE_DBS) {
            long n = db.count(d, "select count(*) from outbox_event where published_at is null");
            figures.put(d, n);
            if (n > 0) {
                for (Map<String, Object> r : db.rows(d, "select id, event_type, aggregate_id, occurred_at from "
                        + "outbox_event where published_at is null order by id limit 5")) {
                    evidence.add(d + ": unpublished " + r);
                }
            }
        }
        long outgoing = db.count("national", "select count(*) from outgoing_message where sent_at is null");
        figures.put("national (outgoing_message)", outgoing);
        long deliveries = db.count("notification", "select count(*) from delivery where status in "
                + "('QUEUED','SENDING')");
        figures.put("notification deliveries queued or sending", deliveries);
        for (Map<String, Object> r : db.rows("notification", "select status, count(*) as n from delivery group by 1 "
                + "order by 1")) {
            if (!"SENT".equals(r.get("status"))) {
                evidence.add("notification deliveries " + r.get("status") + ": " + r.get("n"));
            }
        }
        Map<String, Long> lag = lag();
        lag.forEach((g, n) -> figures.put("consumer lag " + g, n));
        boolean ok = figures.values().stream().allMatch(v -> v == 0);
        add("every outbox drained, every consumer caught up", ok, "unpublished rows, queued deliveries, consumer "
                + "lag (-1: group not stable) " + figures + (chaos.settled ? ""
                : " (the stack did not settle within " + chaos.config.settleMs() / 1000 + " s)"), evidence);
    }

    private void parked() {
        List<String> evidence = new ArrayList<>();
        Map<String, Integer> figures = new LinkedHashMap<>();
        SERVICE_URLS.forEach((s, url) -> {
            Set<String> now = parked(url);
            now.removeAll(parkedBefore.getOrDefault(s, Set.of()));
            figures.put(s, now.size());
            now.forEach(p -> evidence.add(s + " parked " + p));
        });
        add("nothing parked", evidence.isEmpty(), "aggregates parked during the run " + figures, evidence);
    }

    private Set<String> parked(String url) {
        Set<String> out = new HashSet<>();
        for (JsonNode p : Chaos.adminGet(tokens, url + "/api/v1/admin/parked-events").path("items")) {
            out.add(p.path("source").asText() + " " + p.path("aggregateId").asText() + " " + p.path("reason").asText(""));
        }
        return out;
    }

    private void deadLetters() {
        List<String> evidence = new ArrayList<>();
        Map<TopicPartition, Long> ends = dlqEnds();
        Map<String, Long> figures = new TreeMap<>();
        Map<TopicPartition, Long> fresh = new HashMap<>();
        ends.forEach((tp, end) -> {
            long from = dlqBefore.getOrDefault(tp, 0L);
            figures.merge(tp.topic(), end - from, Long::sum);
            if (end > from) {
                fresh.put(tp, from);
            }
        });
        if (!fresh.isEmpty()) {
            try (KafkaConsumer<String, String> c = consumer()) {
                c.assign(fresh.keySet());
                fresh.forEach(c::seek);
                long deadline = System.currentTimeMillis() + 30_000;
                while (fresh.keySet().stream().anyMatch(tp -> c.position(tp) < ends.get(tp))
                        && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        evidence.add(r.topic() + " key " + r.key() + " " + header(r, "ce_type") + ": "
                                + header(r, "dead-letter-reason") + " / " + header(r, "dead-letter-cause"));
                    }
                }
            }
        }
        long total = figures.values().stream().mapToLong(Long::longValue).sum();
        add("nothing new in a dead-letter topic", total == 0, ends.keySet().stream().map(TopicPartition::topic)
                .distinct().count() + " dead-letter topics, " + total + " records added during the run"
                + (total == 0 ? "" : " " + figures), evidence);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Map<TopicPartition, Long> dlqEnds() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        List<String> topics;
        try (Admin admin = Admin.create(p)) {
            topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("listing topics: " + e.getMessage(), e);
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String t : topics) {
                c.partitionsFor(t).forEach(i -> tps.add(new TopicPartition(t, i.partition())));
            }
            out.putAll(c.endOffsets(tps));
        }
        return out;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private void targeted() {
        List<String> evidence = new ArrayList<>();
        int gatewayHit = 0;
        int gatewayDone = 0;
        for (int i : chaos.gatewayTargets()) {
            Journey j = chaos.journeys.get(i);
            for (String n : j.targetedNotes) {
                if (n.startsWith("gateway")) {
                    gatewayDone++;
                    if (n.endsWith("while frozen: 0")) {
                        gatewayHit++;
                    }
                    evidence.add("order " + i + ": " + n + (j.completed ? "; the order then reached APPROVED"
                            : "; the order was LEFT BEHIND"));
                }
            }
        }
        int uploads = 0;
        int uploadsOk = 0;
        for (int i : chaos.uploadTargets()) {
            Journey j = chaos.journeys.get(i);
            if (!j.targetedNotes.isEmpty()) {
                uploads++;
                if (j.midUploadVerified) {
                    uploadsOk++;
                }
                evidence.add("order " + i + " mid-upload: " + String.join("; ", j.targetedNotes));
            }
        }
        boolean ok = gatewayDone == chaos.gatewayTargets().size() && gatewayHit == gatewayDone
                && uploads == chaos.uploadTargets().size() && uploadsOk == uploads
                && chaos.gatewayTargets().stream().allMatch(i -> chaos.journeys.get(i).completed);
        add("targeted kills", ok, "review-service killed between the outcome and its event " + gatewayDone + " times ("
                + gatewayHit + " with no event written yet, every such order APPROVED afterwards: "
                + chaos.gatewayTargets().stream().allMatch(i -> chaos.journeys.get(i).completed) + "); "
                + "materials-service killed mid-upload " + uploads + " times (" + uploadsOk
                + " left nothing half-written and the retry succeeded)", evidence);
    }

    private void kills() {
        List<String> evidence = new ArrayList<>();
        for (Killer.Kill k : chaos.killer.log()) {
            if (!k.restarted()) {
                evidence.add(k.part() + " killed at " + k.atMs() / 1000 + " s did not start again");
            }
        }
        Map<String, Long> per = chaos.killsPerPart();
        for (String p : chaos.config.mustKill()) {
            if (per.getOrDefault(p, 0L) == 0) {
                evidence.add(p + " was never killed (the run ended before its turn)");
            }
        }
        add("every part killed and started again", evidence.isEmpty(), chaos.killer.log().size() + " kills " + per,
                evidence);
    }

    private void add(String name, boolean passed, String figures, List<String> evidence) {
        checks.add(new Check(name, passed, figures, evidence));
        System.out.printf("[chaos] %s %s: %s%n", passed ? "PASS" : "FAIL", name, figures);
    }
}
