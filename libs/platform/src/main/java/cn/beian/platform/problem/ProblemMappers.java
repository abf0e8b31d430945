package cn.beian.platform.problem;

import cn.beian.platform.http.AcceptLanguages;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem details. Client mistakes never become a 500, and no stack
 * trace ever reaches a client: unexpected errors are logged with an incident id that the answer names.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        List<FieldViolation> errors = e.errors().stream().map(v -> v.worded(en)).toList();
        return respond(e.type(), e.detail(en), errors, e.extensions(), headers, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> StreamSupport
                .stream(v.getPropertyPath().spliterator(), false)
                .anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, headers, uri);
        }
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::code))
                .toList();
        return respond(ProblemType.VALIDATION_FAILED, detail(errors.size(), english(headers)), errors, Map.of(),
                headers, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String message = Messages.text(en, "field.UNKNOWN_FIELD");
        return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                List.of(new FieldViolation(JsonPaths.of(e.getPath()), "UNKNOWN_FIELD", message)), Map.of(), headers,
                uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String message;
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            String allowed = String.join(", ",
                    Arrays.stream(target.getEnumConstants()).map(Object::toString).toList());
            message = Messages.text(en, "field.one-of", allowed);
        } else {
            message = Messages.text(en, "field.not-a", typeName(target, en));
        }
        return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                List.of(new FieldViolation(JsonPaths.of(e.getPath()), "INVALID_VALUE", message)), Map.of(), headers,
                uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String field = JsonPaths.of(e.getPath());
        if (e instanceof InvalidNullException && !field.isEmpty()) {
            return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                    List.of(new FieldViolation(field, "NOT_NULL", Messages.text(en, "field.NOT_NULL"))), Map.of(),
                    headers, uri);
        }
        String message = Messages.text(en, "field.expected", typeName(e.getTargetType(), en));
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_REQUEST, message, List.of(), Map.of(), headers, uri);
        }
        return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                List.of(new FieldViolation(field, "INVALID_TYPE", message)), Map.of(), headers, uri);
    }

    /** A number the target type cannot hold, outside of any field Jackson could name. */
    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String field = e.getProcessor() != null ? JsonPaths.of(e.getProcessor().getParsingContext()) : "$";
        return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                List.of(new FieldViolation(field, "INVALID_VALUE", Messages.text(en, "field.out-of-range"))),
                Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")
                && e.getProcessor() != null) {
            return respond(ProblemType.VALIDATION_FAILED, detail(1, en), List.of(new FieldViolation(
                    JsonPaths.of(e.getProcessor().getParsingContext()), "DUPLICATE_FIELD",
                    Messages.text(en, "field.DUPLICATE_FIELD"))), Map.of(), headers, uri);
        }
        String detail = e.getLocation() == null ? Messages.text(en, "detail.malformed-json")
                : Messages.text(en, "detail.malformed-json-at", String.valueOf(e.getLocation().getLineNr()),
                        String.valueOf(e.getLocation().getColumnNr()));
        return respond(ProblemType.MALFORMED_REQUEST, detail, List.of(), Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        if (e instanceof MismatchedInputException mie) {
            return mismatchedInput(mie, headers, uri);
        }
        boolean en = english(headers);
        String field = JsonPaths.of(e.getPath());
        String message = Messages.text(en, "field.INVALID_VALUE");
        if (e.getCause() instanceof InputCoercionException) {
            // 9223372036854775808 for a long, 1e308 for an int: the parser's own message names no field.
            message = Messages.text(en, "field.out-of-range");
        }
        return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                List.of(new FieldViolation(field.isEmpty() ? "$" : field, "INVALID_VALUE", message)), Map.of(),
                headers, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        if (e.getCause() instanceof JsonParseException jpe) {
            return malformedJson(jpe, headers, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mie) {
            return mismatchedInput(mie, headers, uri);
        }
        if (e.getCause() instanceof JsonMappingException jme) {
            // A parser failure inside a field (a number out of range) that Jackson wrapped with the field's path.
            return jsonMapping(jme, headers, uri);
        }
        if (e.getCause() instanceof InputCoercionException ice) {
            return numberOutOfRange(ice, headers, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        return respond(type, type.title(english(headers)), List.of(), Map.of(), headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e, HttpHeaders headers, UriInfo uri) {
        Response r = respond(ProblemType.UNAUTHENTICATED, ProblemType.UNAUTHENTICATED.title(english(headers)),
                List.of(), Map.of(), headers, uri);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.title(english(headers)), List.of(), Map.of(),
                headers, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentEdit(Exception e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        return respond(ProblemType.PRECONDITION_FAILED,
                Messages.text(en, "detail.concurrent-edit"),
                List.of(), Map.of(), headers, uri);
    }

    /** The identity provider cannot be reached to verify a token: the caller may retry later. */
    @ServerExceptionMapper
    public Response identityProviderDown(io.quarkus.oidc.OIDCException e, HttpHeaders headers, UriInfo uri) {
        LOG.warnf("Identity provider unavailable: %s", e.getMessage());
        Response r = respond(ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.title(english(headers)),
                List.of(), Map.of(), headers, uri);
        return Response.fromResponse(r).header("Retry-After", "5").build();
    }

    /**
     * A multipart body that ends early or breaks its own format ({@code Connection terminated parsing multipart
     * request}) is the client's mistake: 400 malformed-request. Quarkus raises a bare {@link java.io.IOException}
     * from its form parser; only those raised there are mapped here, any other I/O failure stays a 500.
     */
    @ServerExceptionMapper
    public Response io(java.io.IOException e, HttpHeaders headers, UriInfo uri) {
        if (!fromFormParser(e)) {
            return unexpected(e, headers, uri);
        }
        boolean en = english(headers);
        return respond(ProblemType.MALFORMED_REQUEST, Messages.text(en, "detail.multipart-malformed"), List.of(), Map.of(), headers, uri);
    }

    private static boolean fromFormParser(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 8); i++) {
                String c = trace[i].getClassName();
                if (c.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                        || c.equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                    return true;
                }
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        boolean en = english(headers);
        return respond(ProblemType.INTERNAL_ERROR,
                Messages.text(en, "detail.incident", incident), List.of(),
                Map.of("incident", incident), headers, uri);
    }

    static Response respond(ProblemType type, String detail, List<FieldViolation> errors,
            Map<String, Object> extensions, HttpHeaders headers, UriInfo uri) {
        URI instance = uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
        Problem body = new Problem(type.uri(), type.title(english(headers)), type.status(), detail, instance, errors,
                extensions);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * English or zh-CN, read with {@link AcceptLanguages} (which never throws: a malformed header means zh-CN),
     * not with {@code getAcceptableLanguages()}, which fails on {@code en;q=2} and turned every error into a 500.
     */
    static boolean english(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        try {
            List<String> values = headers.getRequestHeader(HttpHeaders.ACCEPT_LANGUAGE);
            return values != null && !values.isEmpty() && AcceptLanguages.english(String.join(",", values));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static FieldViolation toViolation(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldViolation(JsonPaths.of(v.getPropertyPath()), upperSnake(annotation), v.getMessage());
    }

    private static String detail(int count, boolean en) {
        return Messages.text(en, "detail.fields-invalid", String.valueOf(count));
    }

    private static String typeName(Class<?> type, boolean en) {
        if (type == null) {
            return Messages.text(en, "type.value");
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return Messages.text(en, "type.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Messages.text(en, "type.boolean");
        }
        if (type == String.class) {
            return Messages.text(en, "type.string");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Messages.text(en, "type.array");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return Messages.text(en, "type.date-time");
        }
        return Messages.text(en, "type.object");
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
