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
    /** Where the detail is a {@link Messages} key: its arguments (worded when the problem is answered). */
    private Object[] detailArgs;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /**
     * Nothing there (or nothing the caller may see): "{@code what} not found" in the caller's language, {@code what}
     * worded by the bundle entry {@code resource.<what>} where the service has one.
     */
    public static ProblemException notFound(String what) {
        return localized(ProblemType.NOT_FOUND, "detail.not-found", new Resource(what));
    }

    /**
     * A problem whose detail is the {@link Messages} entry {@code key}, worded with {@code args} in the caller's
     * language when it is answered (the exception's own message, for logs, is the key).
     */
    public static ProblemException localized(ProblemType type, String key, Object... args) {
        return localized(type, key, List.of(), args);
    }

    /** As {@link #localized(ProblemType, String, Object...)}, with the fields it names. */
    public static ProblemException localized(ProblemType type, String key, List<FieldViolation> errors,
            Object... args) {
        ProblemException e = new ProblemException(type, key, errors);
        e.detailArgs = args;
        return e;
    }

    /** A resource's name, worded by the bundle entry {@code resource.<name>} (the name itself where none). */
    public record Resource(String name) {
    }

    /** The detail in English or zh-CN. */
    String detail(boolean english) {
        if (countsFields) {
            return Messages.text(english, "detail.fields-invalid", String.valueOf(errors.size()));
        }
        if (detailArgs == null) {
            return getMessage();
        }
        Object[] worded = new Object[detailArgs.length];
        for (int i = 0; i < detailArgs.length; i++) {
            worded[i] = detailArgs[i] instanceof Resource r ? resource(english, r.name()) : detailArgs[i];
        }
        return Messages.text(english, getMessage(), worded);
    }

    private static String resource(boolean english, String name) {
        String worded = Messages.find(english, "resource." + name);
        return worded == null ? name : worded;
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
