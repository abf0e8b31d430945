package cn.beian.website;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.SubjectNature;
import cn.beian.website.config.WebsiteConfig;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.service.PageJudge;
import cn.beian.website.service.SiteFetcher;
import cn.beian.website.service.SiteFetcher.PageFetch;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe's fetch against a local test server (a Vert.x server on loopback answering per Host, as the stand-in
 * internet does) and the page judgements: every bad site ends in a finding, none in a stuck or failed probe.
 */
class SiteProbeTest {

    private static final String NUMBER = "京ICP备12345678号-1";
    private static final String GOOD = "<html><body><main>欢迎访问我们的网站，这里有很多有趣的文章。</main><footer>"
            + "<a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">" + NUMBER + "</a></footer></body></html>";
    private static final PageJudge.Filing FILING = new PageJudge.Filing(NUMBER, "京ICP备12345678号",
            SubjectNature.PERSON, Set.of());

    private static Vertx vertx;
    private static HttpServer server;
    private static HttpServer tlsServer;
    private static SiteFetcher fetcher;
    /** Every host sent to the TLS server first, then to the plain one, as the local stack's stand-in does. */
    private static SiteFetcher tlsFetcher;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        byte[] garbage = new byte[32 * 1024];
        new Random(7).nextBytes(garbage);
        Handler<HttpServerRequest> pages = req -> {
            String host = req.host() == null ? "" : req.host().replaceAll(":\\d+$", "");
            switch (host) {
                case "plain.example.cn" -> {
                    if (req.isSSL()) {
                        req.connection().close(); // no certificate for it: HTTPS ends unanswered
                    } else {
                        req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(GOOD);
                    }
                }
                case "good.example.cn" -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(GOOD);
                case "hang.example.cn" -> { } // never answers
                case "loop.example.cn" -> req.response().setStatusCode(302)
                        .putHeader("Location", "/again" + req.path().length()).end();
                case "private.example.cn" -> req.response().setStatusCode(301)
                        .putHeader("Location", "http://10.1.2.3/").end();
                case "loopback.example.cn" -> req.response().setStatusCode(302)
                        .putHeader("Location", "http://127.0.0.1:" + req.localAddress().port() + "/").end();
                case "moved.example.cn" -> req.response().setStatusCode(302)
                        .putHeader("Location", "http://good.example.cn/").end();
                case "huge.example.cn" -> {
                    var resp = req.response().setChunked(true).putHeader("Content-Type", "text/html");
                    Buffer block = Buffer.buffer("<p>" + "大".repeat(4000) + "</p>");
                    // far more than the cap; the client drops the connection once it has read enough
                    for (int i = 0; i < 200; i++) {
                        resp.write(block);
                    }
                    resp.end();
                }
                case "garbage.example.cn" -> req.response().putHeader("Content-Type", "text/html")
                        .end(Buffer.buffer(garbage));
                case "gone.example.cn" -> req.response().setStatusCode(503).end("down");
                default -> req.response().end("<html><head><title>Welcome to nginx!</title></head><body><h1>"
                        + "Welcome to nginx!</h1></body></html>");
            }
        };
        server = vertx.createHttpServer().requestHandler(pages).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        tlsServer = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(selfSignedKeystore().toString()).setPassword("test-store")))
                .requestHandler(pages).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        fetcher = new SiteFetcher(vertx, config("127.0.0.1:" + server.actualPort(), null, Duration.ofSeconds(1)));
        // a JVM's first TLS handshake sets up its crypto: seconds on a busy machine, more than a probe's 1 s here
        tlsFetcher = new SiteFetcher(vertx, config("127.0.0.1:" + server.actualPort(),
                "127.0.0.1:" + tlsServer.actualPort(), Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aGoodSiteShowsItsLinkedNumber() {
        PageJudge.DomainVerdict v = judge("good.example.cn");
        assertTrue(v.reachable() && v.showsNumber() && v.linksToMiit(), v.toString());
        assertEquals(List.of(), v.observations());
    }

    @Test
    void httpsFirstThenPlainHttpWhenTheSiteHasNoCertificate() {
        PageJudge.DomainVerdict secure = PageJudge.judge("good.example.cn",
                tlsFetcher.homepage("good.example.cn").await().atMost(Duration.ofSeconds(300)), FILING);
        assertEquals("https://good.example.cn/", secure.url(), "answered over HTTPS (self-signed, not verified)");
        assertTrue(secure.reachable() && secure.showsNumber() && secure.linksToMiit(), secure.toString());

        PageJudge.DomainVerdict plain = PageJudge.judge("plain.example.cn",
                tlsFetcher.homepage("plain.example.cn").await().atMost(Duration.ofSeconds(300)), FILING);
        assertEquals("http://plain.example.cn/", plain.url(), "HTTPS dropped: fell back to HTTP");
        assertTrue(plain.reachable() && plain.showsNumber(), plain.toString());
        assertEquals("http://good.example.cn/", fetcher.homepage("good.example.cn").await()
                .atMost(Duration.ofSeconds(10)).url(), "without a TLS stand-in mapped domains are fetched over HTTP");
    }

    @Test
    void redirectsWithinTheLimitAreFollowed() {
        PageFetch p = fetcher.homepage("moved.example.cn").await().atMost(Duration.ofSeconds(20));
        assertTrue(p.ok(), p.toString());
        assertEquals("http://good.example.cn/", p.url());
    }

    @Test
    void aHungSiteIsUnreachableNotAStuckWorker() {
        assertKind("hang.example.cn", ProbeFindingKind.UNREACHABLE);
    }

    @Test
    void aRedirectLoopEndsAfterTheLimit() {
        PageFetch p = fetcher.homepage("loop.example.cn").await().atMost(Duration.ofSeconds(20));
        assertFalse(p.ok());
        assertTrue(p.failure().contains("more than 3 redirects"), p.failure());
    }

    @Test
    void redirectsToPrivateOrLoopbackAddressesAreNotFollowed() {
        PageFetch p = fetcher.homepage("private.example.cn").await().atMost(Duration.ofSeconds(20));
        assertTrue(p.failure().contains("private address"), p.failure());
        PageFetch q = fetcher.homepage("loopback.example.cn").await().atMost(Duration.ofSeconds(20));
        assertTrue(q.failure().contains("private address"), q.failure());
    }

    @Test
    void aHugeBodyIsReadOnlyUpToTheCap() {
        PageFetch p = fetcher.homepage("huge.example.cn").await().atMost(Duration.ofSeconds(20));
        assertTrue(p.ok(), p.toString());
        assertTrue(p.truncated());
        // at most the cap (64 KiB) of the 2.4 MB sent: never more characters than bytes read
        assertTrue(p.body().length() <= 64 * 1024, "read " + p.body().length());
        assertKind("huge.example.cn", ProbeFindingKind.NUMBER_MISSING);
    }

    @Test
    void garbageAndErrorsAreUnreachable() {
        assertKind("garbage.example.cn", ProbeFindingKind.UNREACHABLE);
        assertKind("gone.example.cn", ProbeFindingKind.UNREACHABLE);
    }

    @Test
    void aDefaultPageIsAnEmptyShell() {
        assertKind("unknown.example.cn", ProbeFindingKind.EMPTY_SHELL);
    }

    @Test
    void pageJudgements() {
        String body = "<main>欢迎访问我们的网站，这里有很多有趣的文章。</main>";
        assertEquals(ProbeFindingKind.NUMBER_MISSING, only(page(body + "<footer>© 2026</footer>")));
        assertEquals(ProbeFindingKind.NUMBER_NOT_LINKED, only(page(body + "<footer>" + NUMBER + "</footer>")));
        // the subject's number, linked, is accepted as many sites show it
        assertEquals(List.of(), page(body + "<a href='http://beian.miit.gov.cn'>京ICP备12345678号</a>").observations());
        // a link to MIIT around something else does not count
        assertEquals(ProbeFindingKind.NUMBER_NOT_LINKED, only(page(body + "<a href=\"https://beian.miit.gov.cn/\">"
                + "工信部</a> " + NUMBER)));
        assertEquals(ProbeFindingKind.EMPTY_SHELL, only(page("")));
        assertEquals(ProbeFindingKind.EMPTY_SHELL, only(page("<html><body>该域名正在出售 buy this domain "
                + "联系我们了解价格详情和交易流程</body></html>")));
        // a person's site speaking of a company: flagged for a human, next to nothing else wrong
        PageJudge.DomainVerdict company = page(body + "北京某某科技有限公司<footer><a href=\"https://beian.miit.gov.cn/\">"
                + NUMBER + "</a></footer>");
        assertEquals(ProbeFindingKind.CONTENT_FLAG, only(company));
        assertTrue(company.showsNumber() && company.linksToMiit());
    }

    @Test
    void registryJudgements() {
        java.time.LocalDate today = cn.beian.testing.TestClock.today();
        assertEquals(List.of(), kinds(registration("李娜", true, today.plusDays(61), false), today));
        assertEquals(List.of(ProbeFindingKind.DOMAIN_EXPIRES_IN_60_DAYS),
                kinds(registration("李娜", true, today.plusDays(60), false), today));
        assertEquals(List.of(ProbeFindingKind.DOMAIN_EXPIRES_IN_30_DAYS),
                kinds(registration("李娜", true, today.plusDays(30), false), today));
        assertEquals(List.of(ProbeFindingKind.DOMAIN_EXPIRES_IN_7_DAYS),
                kinds(registration("李娜", true, today, false), today));
        assertEquals(List.of(ProbeFindingKind.DOMAIN_EXPIRED),
                kinds(registration("李娜", true, today.minusDays(1), false), today));
        assertEquals(List.of(ProbeFindingKind.DOMAIN_EXPIRED), kinds(
                new cn.beian.website.service.RegistryFacts("x.cn", null, null, false), today));
        assertEquals(List.of(ProbeFindingKind.REGISTRANT_CHANGED, ProbeFindingKind.REAL_NAME_LOST),
                kinds(registration("王五", false, today.plusYears(1), false), today));
        // the registry spells the name with other blanks: still the subject
        assertEquals(List.of(), kinds(registration("李 娜", true, today.plusYears(1), false), today));
        // a unit's domain held by its principal (as several provinces allow) has not moved away; by a stranger it has
        cn.beian.rules.OrderDocument.Subject unit = new cn.beian.rules.OrderDocument.Subject(
                cn.beian.contract.domain.SubjectNature.ENTERPRISE, cn.beian.contract.domain.Province.BEIJING, null,
                null, "北京示例科技有限公司", cn.beian.contract.domain.CertificateType.BUSINESS_LICENSE,
                "91110108MA01234567", null, null, null, null, null, null, null, null, LINA, null);
        assertEquals(List.of(), kinds(registration("李娜", true, today.plusYears(1), false), unit, today));
        assertEquals(List.of(ProbeFindingKind.REGISTRANT_CHANGED),
                kinds(registration("王五", true, today.plusYears(1), false), unit, today));
        // a registry that could not answer judges nothing
        assertEquals(List.of(), kinds(cn.beian.website.service.RegistryFacts.unavailable("x.cn"), today));
    }

    private static final cn.beian.rules.OrderDocument.Person LINA = new cn.beian.rules.OrderDocument.Person("李娜",
            cn.beian.contract.domain.CertificateType.RESIDENT_ID, "110105199503080422", null, null, null, null);

    private static List<ProbeFindingKind> kinds(cn.beian.website.service.RegistryFacts f, java.time.LocalDate today) {
        cn.beian.rules.OrderDocument.Subject person = new cn.beian.rules.OrderDocument.Subject(
                cn.beian.contract.domain.SubjectNature.PERSON, cn.beian.contract.domain.Province.BEIJING, null, null,
                "李娜", cn.beian.contract.domain.CertificateType.RESIDENT_ID, "110105199503080422", null, null, null,
                null, null, null, null, null, LINA, null);
        return kinds(f, person, today);
    }

    private static List<ProbeFindingKind> kinds(cn.beian.website.service.RegistryFacts f,
            cn.beian.rules.OrderDocument.Subject subject, java.time.LocalDate today) {
        return cn.beian.website.service.RegistryJudge.judge("x.cn", f, subject, today).stream()
                .map(PageJudge.Observation::kind).toList();
    }

    private static cn.beian.website.service.RegistryFacts registration(String registrant, boolean realName,
            java.time.LocalDate expiresOn, boolean expired) {
        return new cn.beian.website.service.RegistryFacts("x.cn", new cn.beian.national.client.DomainRegistration(
                "x.cn", "万网", registrant, cn.beian.contract.domain.CertificateType.RESIDENT_ID, "110105199503080422",
                realName, null, null, realName, expiresOn.minusYears(3), expiresOn, expired, false), null, false);
    }

    private static PageJudge.DomainVerdict page(String html) {
        return PageJudge.judge("x.example.cn", new PageFetch("http://x.example.cn/", 200, html, false, null), FILING);
    }

    private static ProbeFindingKind only(PageJudge.DomainVerdict v) {
        assertEquals(1, v.observations().size(), v.toString());
        return v.observations().get(0).kind();
    }

    private static PageJudge.DomainVerdict judge(String domain) {
        PageFetch p = fetcher.homepage(domain).await().atMost(Duration.ofSeconds(20));
        assertNotNull(p);
        return PageJudge.judge(domain, p, FILING);
    }

    private static void assertKind(String domain, ProbeFindingKind kind) {
        PageJudge.DomainVerdict v = judge(domain);
        assertEquals(kind, v.observations().isEmpty() ? null : v.observations().get(0).kind(), v.toString());
    }

    /** A PKCS#12 keystore with a self-signed key pair, made by the JDK's keytool (password "test-store"). */
    private static Path selfSignedKeystore() throws Exception {
        Path store = Files.createTempDirectory("site-probe-tls").resolve("test.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=test.invalid", "-validity", "3650", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "test-store", "-keypass", "test-store").redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, out);
        store.toFile().deleteOnExit();
        return store;
    }

    /** {@code timeout} to connect and between reads (twice that for a whole fetch), a small cap, every host sent to the test server (as the local stack does). */
    private static WebsiteConfig config(String standIn, String standInTls, Duration timeout) {
        WebsiteConfig.Probe probe = new WebsiteConfig.Probe() {
            public Optional<String> standIn() { return Optional.of(standIn); }
            public Optional<String> standInTls() { return Optional.ofNullable(standInTls); }
            public Map<String, String> resolve() { return Map.of(); }
            public Duration period() { return Duration.ofDays(1); }
            public String every() { return "off"; }
            public int batch() { return 10; }
            public int concurrency() { return 4; }
            public Duration lease() { return Duration.ofMinutes(10); }
            public Duration connectTimeout() { return timeout; }
            public Duration readTimeout() { return timeout; }
            public Duration totalTimeout() { return timeout.multipliedBy(2); }
            public int maxBodyBytes() { return 64 * 1024; }
            public int maxRedirects() { return 3; }
            public Duration policeNumberWithin() { return Duration.ofDays(30); }
            public Duration factsFreshFor() { return Duration.ofDays(7); }
            public Duration emptyShellGrace() { return Duration.ofDays(30); }
        };
        return new WebsiteConfig() {
            public PublicQuery publicQuery() { return null; }
            public RegistryRecheck registryRecheck() { return null; }
            public Probe probe() { return probe; }
        };
    }
}
