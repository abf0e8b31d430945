package cn.beian.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client error a service raises on purpose (a state conflict, a stale version, a rule that refuses the
 * request). The mapper turns it into problem details; nothing is logged as a server error.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    /** The detail is "n fields are invalid", said in the language the request asks for (see ProblemMappers). */
    private boolean countsFields;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, message,
                List.of(new FieldViolation(field, code, message)));
    }

    /**
     * Several bad fields found by a service's own checks: the detail counts them in the caller's language, each
     * violation names its field.
     */
    public static ProblemException invalidFields(List<FieldViolation> errors) {
        ProblemException e = new ProblemException(ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are invalid",
                errors);
        e.countsFields = true;
        return e;
    }

    boolean countsFields() {
        return countsFields;
    }

    /** Adds a member to the problem body, e.g. {@code currentState}. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
