package cn.beian.localstack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandInWebTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private StandInWeb web;

    @BeforeEach
    void start() throws Exception {
        web = StandInWeb.start("127.0.0.1", 0, 0);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void servesThePageEachHostWasGiven() throws Exception {
        put("good.example.cn", "{\"page\":\"GOOD\",\"filingNumber\":\"京ICP备12345678号-1\"}");
        put("bare.example.cn", "{\"page\":\"NO_FOOTER\"}");
        String good = get("good.example.cn", Integer.MAX_VALUE);
        assertTrue(good.startsWith("HTTP/1.1 200"), good);
        assertTrue(good.contains("<a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">京ICP备12345678号-1</a>"),
                good);
        String bare = get("bare.example.cn", Integer.MAX_VALUE);
        assertFalse(bare.contains("ICP"), bare);
        assertTrue(get("unknown.example.cn", Integer.MAX_VALUE).contains("Welcome to nginx!"));

        HttpResponse<String> state = http.send(HttpRequest.newBuilder(uri("/_standin/sites/good.example.cn")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(state.body().contains("\"hits\":1"), state.body());
    }

    @Test
    void redirectsAndTheHugeBody() throws Exception {
        put("loop.example.cn", "{\"page\":\"REDIRECT_LOOP\"}");
        String loop = get("loop.example.cn", Integer.MAX_VALUE);
        assertTrue(loop.startsWith("HTTP/1.1 302"), loop);
        assertTrue(loop.contains("Location: http://loop.example.cn/loop"), loop);

        put("huge.example.cn", "{\"page\":\"HUGE\"}");
        String head = get("huge.example.cn", 4096);
        assertTrue(head.contains("Content-length: " + StandInWeb.HUGE_BYTES), head);
    }

    @Test
    void servesTheSamePagesOverHttpsUnlessAHostHasNoCertificate() throws Exception {
        put("good.example.cn", "{\"page\":\"GOOD\",\"filingNumber\":\"京ICP备12345678号-1\"}");
        put("plain.example.cn", "{\"page\":\"GOOD\",\"tls\":false}");
        String good = getOverTls("good.example.cn");
        assertTrue(good.startsWith("HTTP/1.1 200"), good);
        assertTrue(good.contains(">京ICP备12345678号-1</a>"), good);
        assertEquals("", getOverTls("plain.example.cn"), "dropped unanswered");
        assertTrue(get("plain.example.cn", Integer.MAX_VALUE).startsWith("HTTP/1.1 200"), "but served over HTTP");
        String setting = http.send(HttpRequest.newBuilder(uri("/_standin/sites/plain.example.cn")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(setting.contains("\"tls\":false") && setting.contains("\"hits\":1"), setting);
    }

    @Test
    void unknownPageIsRefused() throws Exception {
        assertEquals(400, put("x.example.cn", "{\"page\":\"NOPE\"}").statusCode());
    }

    private HttpResponse<String> put(String host, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/_standin/sites/" + host))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request: the JDK client will not send another Host than the one it connects to. */
    private String get(String host, int max) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", web.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] read = socket.getInputStream().readNBytes(max);
            return new String(read, StandardCharsets.UTF_8);
        }
    }

    /** A raw request over TLS, the certificate not verified (it is self-signed), SNI and Host naming {@code host}. */
    private String getOverTls(String host) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", web.tlsPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return ""; // the server closed the connection without a close_notify
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + web.port() + path);
    }
}
