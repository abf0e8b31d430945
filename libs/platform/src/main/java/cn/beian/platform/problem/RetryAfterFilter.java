package cn.beian.platform.problem;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A 429 or 503 problem that says when to come back ({@code retryAfterSeconds}, e.g.
 * {@code FILING_PASSWORD_TRIES_EXHAUSTED}, {@code ORDER_CATCHING_UP}) carries it as the {@code Retry-After} header
 * too (RFC 9110 §10.2.3), in every service.
 */
public class RetryAfterFilter {

    @ServerResponseFilter
    public void retryAfter(ContainerResponseContext response) {
        if ((response.getStatus() == 429 || response.getStatus() == 503) && response.getEntity() instanceof Problem p
                && !response.getHeaders().containsKey("Retry-After")
                && p.extensionMembers().get("retryAfterSeconds") instanceof Number seconds) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(seconds.longValue()));
        }
    }
}
