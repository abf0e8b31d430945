package cn.beian.localstack.web;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in internet until SIGTERM. Environment: {@code BEIAN_WEB_PORT} (18087, plain HTTP),
 * {@code BEIAN_WEB_TLS_PORT} (18088, HTTPS; negative: none), {@code BEIAN_WEB_HOST} (127.0.0.1; it never listens
 * anywhere else).
 */
public final class StandInWebMain {

    private StandInWebMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("BEIAN_WEB_PORT", "18087"));
        int tlsPort = Integer.parseInt(env("BEIAN_WEB_TLS_PORT", "18088"));
        String host = env("BEIAN_WEB_HOST", "127.0.0.1");
        StandInWeb web = StandInWeb.start(host, port, tlsPort);
        Runtime.getRuntime().addShutdownHook(new Thread(web::close, "stand-in-web-shutdown"));
        System.out.printf("BEIAN-WEB-READY http://%s:%d/ https://%s:%d/ (admin: PUT /_standin/sites/{host})%n", host,
                web.port(), host, web.tlsPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
