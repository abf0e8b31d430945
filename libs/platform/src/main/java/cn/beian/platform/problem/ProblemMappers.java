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
        String detail = e.countsFields() ? detail(e.errors().size(), english(headers)) : e.getMessage();
        return respond(e.type(), detail, e.errors(), e.extensions(), headers, uri);
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
        String message = en ? "Unknown field" : "未知字段";
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
            message = (en ? "Must be one of: " : "取值必须是以下之一：") + allowed;
        } else {
            message = (en ? "Not a valid " : "不是合法的") + typeName(target, en);
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
                    List.of(new FieldViolation(field, "NOT_NULL", en ? "Must not be null" : "不能为 null")), Map.of(),
                    headers, uri);
        }
        String message = (en ? "Expected " : "类型错误，应为") + typeName(e.getTargetType(), en);
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
                List.of(new FieldViolation(field, "INVALID_VALUE", en ? "Number out of range" : "数值超出范围")),
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
                    en ? "This member appears more than once" : "该字段重复出现")), Map.of(), headers, uri);
        }
        String where = e.getLocation() == null ? ""
                : (en ? " at line %d, column %d" : "（第 %d 行第 %d 列）").formatted(e.getLocation().getLineNr(),
                        e.getLocation().getColumnNr());
        return respond(ProblemType.MALFORMED_REQUEST, (en ? "Malformed JSON" : "JSON 格式错误") + where, List.of(),
                Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        if (e instanceof MismatchedInputException mie) {
            return mismatchedInput(mie, headers, uri);
        }
        boolean en = english(headers);
        String field = JsonPaths.of(e.getPath());
        String message = en ? "Invalid value" : "取值不合法";
        if (e.getCause() instanceof InputCoercionException) {
            // 9223372036854775808 for a long, 1e308 for an int: the parser's own message names no field.
            message = en ? "Number out of range" : "数值超出范围";
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
                en ? "Someone else changed this resource at the same time; reload and retry"
                        : "该资源已被同时修改，请刷新后重试",
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
        return respond(ProblemType.MALFORMED_REQUEST, en ? "The multipart body is truncated or malformed"
                : "multipart 请求体不完整或格式错误", List.of(), Map.of(), headers, uri);
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
                (en ? "Unexpected error; incident " : "服务器内部错误，事件编号 ") + incident, List.of(),
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
        return en ? count + " field(s) are invalid" : "共有 " + count + " 个字段不合法";
    }

    private static String typeName(Class<?> type, boolean en) {
        if (type == null) {
            return en ? "value" : "值";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return en ? "number" : "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return en ? "boolean" : "布尔值";
        }
        if (type == String.class) {
            return en ? "string" : "字符串";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return en ? "array" : "数组";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return en ? "date/time (ISO-8601)" : "ISO-8601 日期时间";
        }
        return en ? "object" : "对象";
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
