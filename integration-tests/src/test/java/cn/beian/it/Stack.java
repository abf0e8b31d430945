package cn.beian.it;

/** Where the stack under test listens: the variables bin/lib/env.sh exports (bin/test shifts them). */
final class Stack {

    static final int OFFSET = env("BEIAN_PORT_OFFSET", 0);
    static final String KEYCLOAK = "http://localhost:" + env("BEIAN_KEYCLOAK_PORT", 18180 + OFFSET);
    static final String REALM = System.getenv().getOrDefault("BEIAN_REALM", "beian");
    static final String KAFKA = "localhost:" + env("BEIAN_KAFKA_PORT", 19092 + OFFSET);
    static final String SUBJECT = "http://localhost:" + env("BEIAN_SUBJECT_PORT", 8101 + OFFSET);
    static final String NOTIFICATION = "http://localhost:" + env("BEIAN_NOTIFICATION_PORT", 8105 + OFFSET);

    private Stack() {
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }
}
