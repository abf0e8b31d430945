package cn.beian.bench;

import static io.restassured.RestAssured.given;

import cn.beian.it.Stack;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Probe throughput of one website-service replica (issue 19): {@code N} synthetic filed websites (one domain each,
 * written straight into website-service's database under a run's own account, removed afterwards), every domain
 * served a good page by the stand-in internet, all made due at once; the replica's {@code WebsiteProbeJob} then
 * works through them as it would through a day's share of a large provider's sites. Reported: websites probed per
 * second from the first to the last result, with the job's settings (batch, connections, round period) as the
 * stack was started with ({@code BEIAN_PROBE_BATCH}, {@code BEIAN_PROBE_CONCURRENCY}, {@code BEIAN_PROBE_EVERY}).
 * A report, never an assertion on time.
 */
class WebsiteProbeBenchmark {

    private static final int N = Integer.getInteger("bench.probe.websites", 1000);
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Test
    void probesPerSecondOfOneReplica() throws Exception {
        String account = "bench-probe-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = connect()) {
            insert(db, account);
            for (int i = 0; i < N; i++) {
                given().contentType(ContentType.JSON).body(Map.of("page", "GOOD", "filingNumber", number(account, i)))
                        .put(Stack.WEB + "/_standin/sites/" + domain(account, i)).then().statusCode(200);
            }
            long start = System.nanoTime();
            update(db, "update filed_website set probe_due_at = approved_at where account_id = ?", account);
            long done = 0;
            long lastAt = 0;
            while (done < N && System.nanoTime() - start < LIMIT.toNanos()) {
                Thread.sleep(250);
                long now = count(db, account);
                if (now > done) {
                    lastAt = System.nanoTime();
                }
                done = now;
            }
            double seconds = (lastAt - start) / 1e9;
            long findings = count(db, "select count(*) from probe_finding f join filed_website w on w.id = "
                    + "f.filed_website_id where w.account_id = ?", account);
            BenchReport report = new BenchReport("website-probes", "website-service: probes of filed websites, "
                    + "one replica, against the stand-in internet")
                    .note(N + " filed websites of one domain each, all due at once; the stand-in serves each a good "
                            + "page (about 400 bytes) from one JDK HTTP server on the same machine.")
                    .note("The synthetic domains are unknown to the national stand-in's registry, so each probe also "
                            + "makes a registry lookup and writes a DOMAIN_EXPIRED finding with its outbox event "
                            + "(the findings column): a heavier path than a healthy site's.")
                    .note("Job settings: batch " + env("BEIAN_PROBE_BATCH", "50") + ", connections "
                            + env("BEIAN_PROBE_CONCURRENCY", "16") + ", a round every " + env("BEIAN_PROBE_EVERY",
                            "30s") + " (a round that takes longer is followed at once by the next tick).")
                    .note("Each probe: a claim (for update skip locked, in batches), the fetch outside any "
                            + "transaction, then one transaction per website (row lock, result upsert, findings, "
                            + "next turn).")
                    .note("Service JVM as bin/services starts it: " + System.getenv().getOrDefault(
                            "BEIAN_SERVICE_JAVA_OPTS", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"))
                    .line("| websites probed | seconds (due → last result) | probes/s | findings |")
                    .line("| --- | --- | --- | --- |")
                    .line("| %d of %d | %.1f | %.1f | %d |".formatted(done, N, seconds, done / seconds, findings));
            report.write();
            System.out.println(report.render());
        } finally {
            try (Connection db = connect()) {
                update(db, "delete from probe_result where filed_website_id in (select id from filed_website "
                        + "where account_id = ?)", account);
                update(db, "delete from probe_finding where filed_website_id in (select id from filed_website "
                        + "where account_id = ?)", account);
                update(db, "delete from filed_domain where filed_website_id in (select id from filed_website "
                        + "where account_id = ?)", account);
                update(db, "delete from filed_website where account_id = ?", account);
            }
        }
    }

    private static void insert(Connection db, String account) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                insert into filed_website (id, account_id, order_id, subject_name, subject_nature,
                    subject_filing_number, website_filing_number, name, content, status, approved_at, version,
                    probe_due_at)
                values (?, ?, ?, '基准测试', 'PERSON', ?, ?, '基准站点', ?, 'ACTIVE', now(), 1, now() + interval '10 years')""")) {
            for (int i = 0; i < N; i++) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, account);
                s.setObject(3, UUID.randomUUID());
                s.setString(4, number(account, i).replace("-1", ""));
                s.setString(5, number(account, i));
                s.setString(6, """
                        {"name":"基准站点","domains":["%s"],"homepageUrls":[],"serviceContent":"OTHER",
                         "preApprovals":[],"languages":["zh-CN"],"remarks":null,"principalSameAsSubject":true,
                         "principal":null,"serverIds":[],"authorizationCodes":[]}""".formatted(domain(account, i)));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String domain(String account, int i) {
        return account + "-" + i + ".cn";
    }

    /** A number unique to the run (the column is unique). */
    private static String number(String account, int i) {
        return "京ICP备" + Math.abs(account.hashCode() % 1000) + String.format("%05d", i) + "号-1";
    }

    private static long count(Connection db, String account) throws SQLException {
        return count(db, "select count(*) from probe_result r join filed_website w on w.id = r.filed_website_id "
                + "where w.account_id = ?", account);
    }

    private static long count(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void update(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            s.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        String port = System.getenv().getOrDefault("BEIAN_PG_PORT", String.valueOf(15432 + Stack.OFFSET));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/website",
                System.getenv().getOrDefault("BEIAN_DB_USER", "beian"),
                System.getenv().getOrDefault("BEIAN_DB_PASSWORD", "beian"));
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
