package cn.beian.platform.tracing;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request about an order ({@code /api/v1/orders/{orderId}/…}, in every service) names it in its log lines' MDC and
 * on its server span, so that an order's requests are found by its id in the logs and in the traces.
 */
public class OrderInRequest {

    private static final Pattern ORDER_PATH = Pattern.compile(
            "^/api/v1/orders/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/|$)");

    @ServerRequestFilter(preMatching = true)
    public void nameTheOrder(ContainerRequestContext request) {
        Matcher m = ORDER_PATH.matcher(request.getUriInfo().getPath());
        if (m.find()) {
            String orderId = m.group(1).toLowerCase();
            // Each request runs on its own duplicated Vert.x context, which keeps this MDC entry for it alone.
            MDC.put(Traced.ORDER_ID, orderId);
            Span.current().setAttribute(Traced.ORDER_ATTRIBUTE, orderId);
        }
    }
}
