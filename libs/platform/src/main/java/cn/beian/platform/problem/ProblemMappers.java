package cn.beian.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
        return respond(e.type(), e.getMessage(), e.errors(), e.extensions(), headers, uri);
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
        String message = (en ? "Expected " : "类型错误，应为") + typeName(e.getTargetType(), en);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_REQUEST, message, List.of(), Map.of(), headers, uri);
        }
        return respond(ProblemType.VALIDATION_FAILED, detail(1, en),
                List.of(new FieldViolation(field, "INVALID_TYPE", message)), Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String where = e.getLocation() == null ? ""
                : (en ? " at line %d, column %d" : "（第 %d 行第 %d 列）").formatted(e.getLocation().getLineNr(),
                        e.getLocation().getColumnNr());
        return respond(ProblemType.MALFORMED_REQUEST, (en ? "Malformed JSON" : "JSON 格式错误") + where, List.of(),
                Map.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        boolean en = english(headers);
        String field = JsonPaths.of(e.getPath());
        String message = en ? "Invalid value" : "取值不合法";
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

    static boolean english(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        List<Locale> languages = headers.getAcceptableLanguages();
        return !languages.isEmpty() && "en".equals(languages.get(0).getLanguage());
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
