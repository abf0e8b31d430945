package cn.beian.platform.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace context as the W3C headers {@code traceparent} and {@code tracestate}, kept where a trace crosses a
 * boundary the instrumentation cannot see: an outbox row, written in one transaction and sent later by the relay.
 *
 * @param traceParent null when there was no sampled or unsampled span to continue
 */
public record TraceContext(String traceParent, String traceState) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final TraceContext NONE = new TraceContext(null, null);

    /** The context current on this (Vert.x) context, or one whose {@code traceParent} is null. */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String parent = carrier.get(TRACEPARENT);
        return parent == null ? NONE : new TraceContext(parent, carrier.get(TRACESTATE));
    }

    /** The context to continue: a child of these headers, or the root context when there are none. */
    public Context toContext() {
        if (traceParent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), this, GETTER);
    }

    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TRACEPARENT.equals(key) ? carrier.traceParent : TRACESTATE.equals(key) ? carrier.traceState : null;
        }
    };
}
