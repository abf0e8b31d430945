package cn.beian.localstack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The local stack's stand-in "internet": one HTTP server on loopback that answers for any host name, with the page
 * the tests chose for that host (the {@code Host} header, port dropped), and optionally an HTTPS server beside it
 * serving the same pages under a self-signed certificate (made with the JDK's {@code keytool} at start), as most
 * real sites answer first over HTTPS. Website probes reach it because website-service's resolver settings map filed
 * domains to these addresses, so nothing ever leaves loopback.
 *
 * <ul>
 *   <li>{@code PUT /_standin/sites/{host}} {@code {"page":"GOOD","filingNumber":"京ICP备…号","policeNumber":"…",
 *       "html":"…","tls":true}} - what {@code host} serves from now on (see {@link Page}); {@code "tls":false}: its
 *       HTTPS connections are dropped unanswered, as a site without a certificate's are</li>
 *   <li>{@code GET /_standin/sites/{host}} - its setting and how many requests it answered</li>
 *   <li>{@code DELETE /_standin/sites} - forget every setting (unknown hosts serve {@link Page#DEFAULT_PAGE})</li>
 *   <li>{@code GET /health} - liveness</li>
 * </ul>
 * The admin paths answer on every host; a real site never has a {@code /_standin/} path that a probe would ask for.
 */
public final class StandInWeb implements AutoCloseable {

    /** What a host serves. */
    public enum Page {
        /** A site with its footer: the filing number linked to https://beian.miit.gov.cn/ (and the police number). */
        GOOD,
        /** Content but no filing number anywhere. */
        NO_FOOTER,
        /** The filing number as plain text, not linked to the MIIT site. */
        NOT_LINKED,
        /** 200 with an empty body. */
        EMPTY,
        /** A domain parking page ("this domain is for sale"). */
        PARKING,
        /** A web server's default page ("Welcome to nginx!"). */
        DEFAULT_PAGE,
        /** Holds the connection without answering (for a minute), as a hung server does. */
        TIMEOUT,
        /** A redirect to itself, for ever. */
        REDIRECT_LOOP,
        /** A redirect to a private address (10.0.0.1), which a probe must not follow. */
        REDIRECT_PRIVATE,
        /** 100 MB of HTML, streamed. */
        HUGE,
        /** Random bytes labelled text/html. */
        GARBAGE,
        /** A good footer on a page that speaks of a company (a personal filing showing a business). */
        COMPANY_WORDS,
        /** The {@code html} given, as is. */
        CUSTOM
    }

    /** A host's setting; {@code tls} false: it answers over plain HTTP only. */
    public record Site(Page page, String filingNumber, String policeNumber, String html, boolean tls) {

        public Site(Page page, String filingNumber, String policeNumber, String html) {
            this(page, filingNumber, policeNumber, html, true);
        }
    }

    static final long HUGE_BYTES = 100L * 1024 * 1024;
    static final long TIMEOUT_MILLIS = 60_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final HttpsServer tlsServer;
    private final ExecutorService executor;
    private final Map<String, Site> sites = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();

    private StandInWeb(String host, int port, int tlsPort) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        // hung pages hold their thread: a cached pool, so that they never starve the others
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/_standin/sites", this::admin);
        server.createContext("/health", ex -> answer(ex, 200, "application/json", bytes("{\"status\":\"UP\"}")));
        server.createContext("/", ex -> serve(ex, false));
        if (tlsPort < 0) {
            this.tlsServer = null;
            return;
        }
        this.tlsServer = HttpsServer.create(new InetSocketAddress(host, tlsPort), 256);
        tlsServer.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        tlsServer.setExecutor(executor);
        tlsServer.createContext("/", ex -> serve(ex, true));
    }

    /** Plain HTTP only. */
    public static StandInWeb start(String host, int port) throws IOException {
        return start(host, port, -1);
    }

    /** Plain HTTP on {@code port} and HTTPS on {@code tlsPort} (0: any free port; negative: none). */
    public static StandInWeb start(String host, int port, int tlsPort) throws IOException {
        StandInWeb web = new StandInWeb(host, port, tlsPort);
        web.server.start();
        if (web.tlsServer != null) {
            web.tlsServer.start();
        }
        return web;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The HTTPS port, or -1 when it serves plain HTTP only. */
    public int tlsPort() {
        return tlsServer == null ? -1 : tlsServer.getAddress().getPort();
    }

    /**
     * A TLS context with a fresh self-signed key pair for any host name: {@code keytool} writes it to a temporary
     * keystore (the JDK has no public API that signs a certificate). Probes do not verify certificates, so one
     * certificate serves every host.
     */
    private static SSLContext selfSigned() throws IOException {
        Path dir = Files.createTempDirectory("stand-in-web-tls");
        Path store = dir.resolve("stand-in.p12");
        char[] password = "stand-in".toCharArray();
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "stand-in", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=stand-in.invalid", "-validity", "3650", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "stand-in", "-keypass", "stand-in")
                    .redirectErrorStream(true).start();
            String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool could not make the stand-in's certificate: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("the stand-in's certificate cannot be loaded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the stand-in's certificate", e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    /** Sets what {@code host} serves (tests in the same JVM). */
    public void set(String host, Site site) {
        sites.put(normal(host), site);
    }

    @Override
    public void close() {
        server.stop(0);
        if (tlsServer != null) {
            tlsServer.stop(0);
        }
        executor.shutdownNow();
    }

    private void admin(HttpExchange ex) throws IOException {
        try (ex) {
            String rest = ex.getRequestURI().getPath().substring("/_standin/sites".length());
            String host = rest.startsWith("/") ? normal(rest.substring(1)) : "";
            switch (ex.getRequestMethod()) {
                case "PUT" -> {
                    if (host.isEmpty()) {
                        answer(ex, 400, "application/json", bytes("{\"error\":\"host missing\"}"));
                        return;
                    }
                    JsonNode body = mapper.readTree(ex.getRequestBody());
                    Page page;
                    try {
                        page = Page.valueOf(text(body, "page", "GOOD").toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        answer(ex, 400, "application/json", bytes("{\"error\":\"unknown page\"}"));
                        return;
                    }
                    JsonNode tls = body == null ? null : body.get("tls");
                    Site site = new Site(page, text(body, "filingNumber", null), text(body, "policeNumber", null),
                            text(body, "html", null), tls == null || tls.isNull() || tls.asBoolean(true));
                    sites.put(host, site);
                    answer(ex, 200, "application/json", mapper.writeValueAsBytes(view(host, site)));
                }
                case "GET" -> {
                    Site site = sites.get(host);
                    answer(ex, site == null ? 404 : 200, "application/json",
                            mapper.writeValueAsBytes(site == null ? Map.of("host", host) : view(host, site)));
                }
                case "DELETE" -> {
                    sites.clear();
                    hits.clear();
                    answer(ex, 204, null, new byte[0]);
                }
                default -> answer(ex, 405, null, new byte[0]);
            }
        }
    }

    private ObjectNode view(String host, Site site) {
        ObjectNode n = mapper.valueToTree(site);
        n.put("host", host);
        n.put("hits", hits.getOrDefault(host, new AtomicLong()).get());
        return n;
    }

    private void serve(HttpExchange ex, boolean overTls) throws IOException {
        try (ex) {
            String host = normal(ex.getRequestHeaders().getFirst("Host"));
            Site site = sites.getOrDefault(host, new Site(Page.DEFAULT_PAGE, null, null, null));
            if (overTls && !site.tls()) {
                return; // closed without an answer: the client sees the connection end, and tries plain HTTP
            }
            hits.computeIfAbsent(host, h -> new AtomicLong()).incrementAndGet();
            String scheme = overTls ? "https" : "http";
            String number = site.filingNumber() == null ? "京ICP备00000000号-1" : site.filingNumber();
            switch (site.page()) {
                case GOOD -> html(ex, page(host, "<p>欢迎访问 " + host + "</p>", linkedFooter(number, site.policeNumber())));
                case NO_FOOTER -> html(ex, page(host, "<p>欢迎访问 " + host + "</p>", "<footer>© 2026</footer>"));
                case NOT_LINKED -> html(ex, page(host, "<p>欢迎访问 " + host + "</p>",
                        "<footer>© 2026 " + number + "</footer>"));
                case EMPTY -> answer(ex, 200, "text/html; charset=utf-8", new byte[0]);
                case PARKING -> html(ex, "<html><head><title>" + host + " is for sale</title></head><body>"
                        + "<h1>This domain may be for sale</h1><p>该域名正在出售 Buy this domain</p></body></html>");
                case DEFAULT_PAGE -> html(ex, "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head>"
                        + "<body><h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is "
                        + "successfully installed and working.</p></body></html>");
                case TIMEOUT -> hang();
                case REDIRECT_LOOP -> redirect(ex, scheme + "://" + host + "/loop?n=" + (System.nanoTime() % 1000));
                case REDIRECT_PRIVATE -> redirect(ex, "http://10.0.0.1/");
                case HUGE -> huge(ex, host, number);
                case GARBAGE -> garbage(ex);
                case COMPANY_WORDS -> html(ex, page(host, "<p>北京某某科技有限公司 主营业务: 软件开发, 欢迎企业客户咨询报价</p>",
                        linkedFooter(number, site.policeNumber())));
                case CUSTOM -> html(ex, site.html() == null ? "" : site.html());
            }
        } catch (IOException e) {
            // the client went away (a probe that stopped reading): nothing to do
        }
    }

    private static String page(String host, String body, String footer) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + host
                + "</title></head><body><main>" + body + "<p>我们提供各类资讯与服务。</p></main>" + footer
                + "</body></html>";
    }

    private static String linkedFooter(String number, String police) {
        String p = police == null ? "" : " <a href=\"https://beian.mps.gov.cn/#/query/webSearch\" "
                + "target=\"_blank\">" + police + "</a>";
        return "<footer>© 2026 <a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">" + number + "</a>" + p
                + "</footer>";
    }

    private static void hang() {
        try {
            Thread.sleep(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        answer(ex, 302, null, new byte[0]);
    }

    private static void huge(HttpExchange ex, String host, String number) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, HUGE_BYTES);
        byte[] chunk = bytes("<p>" + "大".repeat(1000) + "</p>\n");
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = chunk[i % chunk.length];
        }
        try (OutputStream out = ex.getResponseBody()) {
            for (long left = HUGE_BYTES; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }

    private static void garbage(HttpExchange ex) throws IOException {
        byte[] noise = new byte[256 * 1024];
        new Random(42).nextBytes(noise);
        answer(ex, 200, "text/html", noise);
    }

    private static void html(HttpExchange ex, String html) throws IOException {
        answer(ex, 200, "text/html; charset=utf-8", bytes(html));
    }

    private static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static String normal(String host) {
        if (host == null) {
            return "";
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon && h.chars().filter(c -> c == ':').count() == 1) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
