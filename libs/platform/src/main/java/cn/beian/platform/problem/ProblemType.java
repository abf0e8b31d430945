package cn.beian.platform.problem;

import java.net.URI;

/**
 * The kinds of error every Beian service answers with; each has a stable type URI and a title in zh-CN and
 * English ({@link Messages}: {@code title.<NAME>}). Services add their own kinds through {@link ProblemException} with any of these as the base.
 */
public enum ProblemType {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    PRECONDITION_REQUIRED(428),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    UNPROCESSABLE_CONTENT(422),
    TOO_MANY_REQUESTS(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private static final String BASE = "https://beian.example.cn/problems/";

    private final int status;

    ProblemType(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + name().toLowerCase().replace('_', '-'));
    }

    public String title(boolean english) {
        return Messages.text(english, "title." + name());
    }

    /** The generic kind for an HTTP status that no specific kind covers. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED_REQUEST) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
    }
}
