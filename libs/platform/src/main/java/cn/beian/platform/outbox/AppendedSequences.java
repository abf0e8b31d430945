package cn.beian.platform.outbox;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sequence numbers the outbox appends of one request took, per aggregate, kept on the request's Vert.x duplicated
 * context: {@link OrderSequenceHeader} announces the order's from here instead of reading it back (one statement less
 * on every move). Outside a duplicated context (none in a plain thread) nothing is kept.
 */
final class AppendedSequences {

    private static final String KEY = AppendedSequences.class.getName();

    private AppendedSequences() {
    }

    static void record(String aggregateId, long sequence) {
        if (aggregateId == null || !VertxContext.isOnDuplicatedContext()) {
            return;
        }
        Map<String, Long> seen = ContextLocals.<Map<String, Long>>get(KEY).orElse(null);
        if (seen == null) {
            seen = new HashMap<>(4);
            ContextLocals.put(KEY, seen);
        }
        seen.merge(aggregateId, sequence, Math::max);
    }

    /** The highest sequence this request appended for {@code aggregateId}; empty when it appended none. */
    static Optional<Long> of(String aggregateId) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return Optional.empty();
        }
        return ContextLocals.<Map<String, Long>>get(KEY).map(seen -> seen.get(aggregateId));
    }
}
