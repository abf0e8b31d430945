package cn.beian.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * Runs reactive work inside a span made current on the Vert.x duplicated context it runs on, with the order it is
 * about in the log lines' MDC ({@code orderId}): every log line, outbox row ({@link TraceContext#current()}) and
 * outgoing call of that work belongs to the span. Off a duplicated context (where a context would leak into the next
 * task of the thread) the span is still recorded, but not made current.
 */
public final class Traced {

    /** The MDC key of the order a log line is about. */
    public static final String ORDER_ID = "orderId";
    /** The span attribute of the order a span is about (an id, never personal data). */
    public static final String ORDER_ATTRIBUTE = "beian.order.id";

    private Traced() {
    }

    public static <T> Uni<T> run(SpanBuilder builder, Context parent, String orderId, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (orderId != null) {
                builder.setAttribute(ORDER_ATTRIBUTE, orderId);
            }
            Span span = builder.setParent(parent).startSpan();
            boolean attach = VertxContext.isOnDuplicatedContext();
            Scope scope = attach ? span.storeInContext(parent).makeCurrent() : Scope.noop();
            String previousOrder = attach ? (String) MDC.get(ORDER_ID) : null;
            if (attach && orderId != null) {
                MDC.put(ORDER_ID, orderId);
            }
            Uni<T> uni;
            try {
                uni = work.get();
            } catch (RuntimeException e) {
                uni = Uni.createFrom().failure(e);
            }
            return uni.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    // The type only: an exception's message may quote the data it failed on.
                    span.setAttribute("exception.type", failure.getClass().getName());
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                span.end();
                if (attach) {
                    if (previousOrder == null) {
                        MDC.remove(ORDER_ID);
                    } else {
                        MDC.put(ORDER_ID, previousOrder);
                    }
                }
                scope.close();
            });
        });
    }
}
