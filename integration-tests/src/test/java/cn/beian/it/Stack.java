package cn.beian.it;

/** Where the stack under test listens: the variables bin/lib/env.sh exports (bin/test shifts them). */
public final class Stack {

    public static final int OFFSET = env("BEIAN_PORT_OFFSET", 0);
    public static final String KEYCLOAK = "http://localhost:" + env("BEIAN_KEYCLOAK_PORT", 18180 + OFFSET);
    public static final String REALM = System.getenv().getOrDefault("BEIAN_REALM", "beian");
    public static final String KAFKA = "localhost:" + env("BEIAN_KAFKA_PORT", 19092 + OFFSET);
    public static final String S3 = "http://localhost:" + env("BEIAN_S3_PORT", 19000 + OFFSET);
    public static final String SUBJECT = "http://localhost:" + env("BEIAN_SUBJECT_PORT", 8101 + OFFSET);
    public static final String WEBSITE = "http://localhost:" + env("BEIAN_WEBSITE_PORT", 8102 + OFFSET);
    public static final String MATERIALS = "http://localhost:" + env("BEIAN_MATERIALS_PORT", 8103 + OFFSET);
    public static final String REVIEW = "http://localhost:" + env("BEIAN_REVIEW_PORT", 8104 + OFFSET);
    public static final String NOTIFICATION = "http://localhost:" + env("BEIAN_NOTIFICATION_PORT", 8105 + OFFSET);
    public static final String NATIONAL = "http://localhost:" + env("BEIAN_NATIONAL_PORT", 8106 + OFFSET);
    /** The SMS gateway stand-in (what was "sent" can be read back). */
    public static final String SMS = "http://127.0.0.1:" + env("BEIAN_SMS_PORT", 18086 + OFFSET);
    /** The trace sink: the spans every service exported (GET /api/v1/spans?traceId= | ?attribute=k=v). */
    public static final String TRACES = "http://127.0.0.1:" + env("BEIAN_TRACES_PORT", 14318 + OFFSET);
    /** The stand-in internet: every filed domain's probe lands here; PUT /_standin/sites/{host} sets its page. */
    public static final String WEB = "http://127.0.0.1:" + env("BEIAN_WEB_PORT", 18087 + OFFSET);
    /** The SMTP sink's read API. */
    public static final String MAIL = "http://127.0.0.1:" + env("BEIAN_MAIL_API_PORT", 18085 + OFFSET);

    private Stack() {
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }
}
