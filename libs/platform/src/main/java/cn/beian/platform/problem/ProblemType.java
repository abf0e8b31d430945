package cn.beian.platform.problem;

import java.net.URI;

/**
 * The kinds of error every Beian service answers with; each has a stable type URI and a title in zh-CN and
 * English. Services add their own kinds through {@link ProblemException} with any of these as the base.
 */
public enum ProblemType {
    VALIDATION_FAILED(400, "请求参数不合法", "The request is invalid"),
    MALFORMED_REQUEST(400, "请求体不是合法的 JSON", "The request body is not valid JSON"),
    UNAUTHENTICATED(401, "未登录或令牌无效", "Authentication is required"),
    FORBIDDEN(403, "无权执行此操作", "You are not allowed to do this"),
    NOT_FOUND(404, "资源不存在", "Resource not found"),
    METHOD_NOT_ALLOWED(405, "不支持该请求方法", "Method not allowed"),
    NOT_ACCEPTABLE(406, "无法提供所请求的表示形式", "Not acceptable"),
    CONFLICT(409, "与当前状态冲突", "The request conflicts with the current state"),
    PRECONDITION_FAILED(412, "资源已被修改，请刷新后重试", "The resource has changed; reload and retry"),
    PRECONDITION_REQUIRED(428, "更新需要携带 If-Match 请求头", "Updates require an If-Match header"),
    PAYLOAD_TOO_LARGE(413, "请求体过大", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持的媒体类型", "Unsupported media type"),
    UNPROCESSABLE_CONTENT(422, "请求无法处理", "The request cannot be processed"),
    TOO_MANY_REQUESTS(429, "请求过于频繁，请稍后再试", "Too many requests"),
    INTERNAL_ERROR(500, "服务器内部错误", "Internal server error"),
    SERVICE_UNAVAILABLE(503, "服务暂不可用", "Service unavailable");

    private static final String BASE = "https://beian.example.cn/problems/";

    private final int status;
    private final String titleZh;
    private final String titleEn;

    ProblemType(int status, String titleZh, String titleEn) {
        this.status = status;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + name().toLowerCase().replace('_', '-'));
    }

    public String title(boolean english) {
        return english ? titleEn : titleZh;
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
