package cn.beian.website.service;

import cn.beian.website.config.WebsiteConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a domain's homepage for a probe: {@code https://domain/}, then {@code http://domain/} if that fails, each
 * with a connect timeout, a read (idle) timeout and a deadline for the whole fetch, at most
 * {@code maxRedirects} redirects, and at most {@code maxBodyBytes} of the body (the connection is dropped once the cap
 * is reached, so a 100 MB page costs the cap, not 100 MB). Never throws: every failure is a {@link PageFetch} with
 * its {@code failure}.
 *
 * <p>Addresses: a domain the configuration maps ({@code beian.website.probe.stand-in} for every domain, or
 * {@code probe.resolve.<domain>}) is fetched there, over plain HTTP — first over HTTPS at
 * {@code beian.website.probe.stand-in-tls} when that is set, as a real site is; every other host is looked up and refused when it
 * lands on a private, loopback or link-local address, so that a filed domain (or a redirect) pointing inside the
 * network never makes the probe call an internal service.
 *
 * <p>Vert.x's HTTP client (the event loop, one small pool of connections per replica) rather than a thread per
 * probe: a hung site costs a timer, not a thread. Certificates are not verified: the probe reads what a visitor's
 * browser would show, and an expired certificate is not what it judges.
 */
@ApplicationScoped
public class SiteFetcher {

    /** What one fetch found: the final URL and status with (up to the cap of) the body, or why it failed. */
    public record PageFetch(String url, int status, String body, boolean truncated, String failure) {

        static PageFetch failed(String url, String failure) {
            return new PageFetch(url, 0, "", false, failure);
        }

        public boolean ok() {
            return failure == null;
        }
    }

    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?$");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);

    private final Vertx vertx;
    private final WebsiteConfig.Probe config;
    private final HttpClient client;

    public SiteFetcher(Vertx vertx, WebsiteConfig config) {
        this.vertx = vertx;
        this.config = config.probe();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                .setMaxPoolSize(Math.max(1, this.config.concurrency()))
                .setKeepAlive(true)
                .setTrustAll(true)
                .setVerifyHost(false)
                .setMaxHeaderSize(16 * 1024)
                .setTryUseCompression(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The homepage of {@code domain} (ASCII): over HTTPS, else over HTTP. */
    public Uni<PageFetch> homepage(String domain) {
        Context caller = Vertx.currentContext();
        // the requests run on a Vert.x context (the caller's, else one of the client's), so that a response's
        // callbacks run on the thread that reads it and its handlers are in place before its body arrives
        Context ctx = caller != null ? caller : vertx.getOrCreateContext();
        return Uni.createFrom().emitter(em -> ctx.runOnContext(start -> {
            Future<PageFetch> f = mapped(domain).isPresent() && mappedTls(domain).isEmpty()
                    ? fetch(URI.create("http://" + domain + "/"))
                    : fetch(URI.create("https://" + domain + "/"))
                            .compose(r -> r.ok() ? Future.succeededFuture(r)
                                    : fetch(URI.create("http://" + domain + "/")).map(h -> h.ok() ? h
                                            : PageFetch.failed(h.url(), "https: " + r.failure() + "; http: "
                                                    + h.failure())));
            // answered on the caller's context (the scheduler's, a request's): the database session lives there
            f.onComplete(ar -> ctx.runOnContext(v -> em.complete(ar.succeeded() ? ar.result()
                    : PageFetch.failed("http://" + domain + "/", describe(ar.cause())))));
        }));
    }

    /** One scheme's fetch, redirects included, bounded by the total deadline. */
    private Future<PageFetch> fetch(URI start) {
        Promise<PageFetch> result = Promise.promise();
        long timer = vertx.setTimer(config.totalTimeout().toMillis(),
                t -> result.tryComplete(PageFetch.failed(start.toString(), "no answer within "
                        + config.totalTimeout().toSeconds() + " s")));
        hop(start, 0, result);
        return result.future().onComplete(x -> vertx.cancelTimer(timer));
    }

    private void hop(URI url, int redirects, Promise<PageFetch> result) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            result.tryComplete(PageFetch.failed(url.toString(), "not an http(s) address"));
            return;
        }
        address(url, host).onComplete(ar -> {
            if (ar.failed()) {
                result.tryComplete(PageFetch.failed(url.toString(), ar.cause().getMessage()));
                return;
            }
            Target target = ar.result();
            String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost(host)
                    .setPort(target.port())
                    .setSsl(target.ssl())
                    .setServer(target.address())
                    .setURI(path)
                    .setFollowRedirects(false)
                    .setConnectTimeout(config.connectTimeout().toMillis())
                    .setIdleTimeout(config.readTimeout().toMillis())
                    .putHeader("Host", url.getPort() > 0 ? host + ":" + url.getPort() : host)
                    .putHeader("User-Agent", "BeianProbe/1.0 (filing display check)")
                    .putHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
            client.request(options).compose(req -> req.send()).onComplete(sent -> {
                if (sent.failed()) {
                    result.tryComplete(PageFetch.failed(url.toString(), describe(sent.cause())));
                    return;
                }
                HttpClientResponse resp = sent.result();
                int status = resp.statusCode();
                String location = resp.getHeader("Location");
                if (status >= 300 && status < 400 && location != null) {
                    resp.exceptionHandler(e -> { }); // the reset below is ours
                    resp.request().reset();
                    if (redirects >= config.maxRedirects()) {
                        result.tryComplete(PageFetch.failed(url.toString(), "more than " + config.maxRedirects()
                                + " redirects"));
                        return;
                    }
                    URI next;
                    try {
                        next = url.resolve(location.strip());
                    } catch (IllegalArgumentException e) {
                        result.tryComplete(PageFetch.failed(url.toString(), "a redirect to an invalid address"));
                        return;
                    }
                    hop(next, redirects + 1, result);
                    return;
                }
                body(url, resp, result);
            });
        });
    }

    /** Reads the body up to the cap, then drops the connection. */
    private void body(URI url, HttpClientResponse resp, Promise<PageFetch> result) {
        int cap = config.maxBodyBytes();
        Buffer read = Buffer.buffer();
        resp.exceptionHandler(e -> result.tryComplete(PageFetch.failed(url.toString(), describe(e))));
        // the deadline may pass while the body trickles in: drop the connection then too
        result.future().onComplete(x -> {
            if (!x.result().ok()) {
                resp.request().reset();
            }
        });
        resp.handler(chunk -> {
            if (result.future().isComplete()) {
                return;
            }
            int room = cap - read.length();
            if (chunk.length() >= room) {
                read.appendBuffer(chunk, 0, Math.max(0, room));
                // answer first: the reset that drops the rest reports itself to the exception handler
                result.tryComplete(new PageFetch(url.toString(), resp.statusCode(),
                        decode(read, resp.getHeader("Content-Type")), true, null));
                resp.request().reset();
            } else {
                read.appendBuffer(chunk);
            }
        });
        resp.endHandler(v -> result.tryComplete(
                new PageFetch(url.toString(), resp.statusCode(), decode(read, resp.getHeader("Content-Type")), false, null)));
    }

    private record Target(SocketAddress address, int port, boolean ssl) {
    }

    /** Where to connect for {@code host}: the configured stand-in, or a public address the host resolves to. */
    private Future<Target> address(URI url, String host) {
        boolean overTls = "https".equals(url.getScheme());
        Optional<String> tls = overTls ? mappedTls(host) : Optional.empty();
        Optional<String> mapped = tls.isPresent() ? tls : mapped(host);
        if (mapped.isPresent()) {
            String[] hp = mapped.get().split(":", 2);
            int port = hp.length == 2 ? Integer.parseInt(hp[1].strip()) : 80;
            return Future.succeededFuture(new Target(SocketAddress.inetSocketAddress(port, hp[0].strip()), port,
                    tls.isPresent()));
        }
        int port = url.getPort() > 0 ? url.getPort() : overTls ? 443 : 80;
        return vertx.<InetAddress>executeBlocking(() -> {
            InetAddress[] all;
            try {
                all = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("the name " + host + " does not resolve");
            }
            for (InetAddress a : all) {
                if (isPrivate(a)) {
                    throw new IllegalStateException(host + " points to a private address, not probed");
                }
            }
            return all[0];
        }, false).map(a -> new Target(SocketAddress.inetSocketAddress(port, a.getHostAddress()), port, overTls));
    }

    /** The configured address of {@code host} (or of a domain it is under), if any. */
    Optional<String> mapped(String host) {
        if (IP_LITERAL.matcher(host).matches()) {
            return Optional.empty(); // an address, not a name: judged by isPrivate, never sent to the stand-in
        }
        Map<String, String> resolve = config.resolve();
        for (String h = host; h != null; h = parent(h)) {
            String a = resolve.get(h);
            if (a != null && !a.isBlank()) {
                return Optional.of(a);
            }
        }
        return config.standIn().filter(s -> !s.isBlank());
    }

    /** The stand-in's TLS address for {@code host}: only for hosts no per-domain setting maps (those are plain HTTP). */
    Optional<String> mappedTls(String host) {
        if (IP_LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        for (String h = host; h != null; h = parent(h)) {
            if (config.resolve().containsKey(h)) {
                return Optional.empty();
            }
        }
        return config.standInTls().filter(s -> !s.isBlank());
    }

    private static String parent(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? null : host.substring(dot + 1);
    }

    /** Loopback, private (RFC 1918, fc00::/7), link-local, carrier-grade NAT, unspecified and multicast addresses. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0;
    }

    /** The body in its charset (the Content-Type's, else a meta tag's, else UTF-8): many sites here serve GBK. */
    static String decode(Buffer read, String contentType) {
        byte[] bytes = read.getBytes();
        String name = null;
        if (contentType != null) {
            int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                name = contentType.substring(i + 8).replace("\"", "").split(";")[0].strip();
            }
        }
        if (name == null) {
            Matcher m = META_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 2048),
                    StandardCharsets.ISO_8859_1));
            name = m.find() ? m.group(1) : null;
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            if (name != null && Charset.isSupported(name)) {
                charset = Charset.forName(name);
            }
        } catch (IllegalArgumentException e) {
            // an unknown charset name: read as UTF-8
        }
        return new String(bytes, charset);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
