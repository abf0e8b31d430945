package cn.beian.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type       a stable URI per error kind, see {@link ProblemType}
 * @param errors     one entry per invalid input field, for a front-end to place next to its input
 * @param extensions further members, e.g. {@code currentState} and {@code allowedActions} on a 409
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        List<FieldViolation> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }
}
