package cn.beian.national.service;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedPage;
import cn.beian.national.config.NationalConfig;
import cn.beian.platform.json.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Reads the feed, long-polling: answers at once when entries exist after the cursor, else waits for a wake-up from
 * {@link FeedNotifier} (in-process right after a commit, or LISTEN/NOTIFY from another replica), re-reading at least
 * every {@code beian.national.feed.recheck}, until the wait ends.
 */
@ApplicationScoped
public class FeedService {

    private final Pool pool;
    private final FeedNotifier notifier;
    private final NationalConfig config;
    private final Json json;

    public FeedService(Pool pool, FeedNotifier notifier, NationalConfig config, Json json) {
        this.pool = pool;
        this.notifier = notifier;
        this.config = config;
        this.json = json;
    }

    public Uni<FeedPage> read(long after, int limit, int waitSeconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : r -> context.runOnContext(v -> r.run());
        return attempt(after, limit, deadline, back);
    }

    private Uni<FeedPage> attempt(long after, int limit, long deadline, Executor back) {
        CompletableFuture<Void> signal = notifier.signal();
        return query(after, limit).chain(entries -> {
            long left = deadline - System.nanoTime();
            if (!entries.isEmpty() || left <= 0) {
                return Uni.createFrom().item(new FeedPage(entries,
                        entries.isEmpty() ? after : entries.get(entries.size() - 1).position()));
            }
            Duration wait = Duration.ofNanos(Math.min(left, config.feed().recheck().toNanos()));
            // A copy: a timed-out waiter cancels its own future, never the shared signal.
            return Uni.createFrom().completionStage(signal.copy())
                    .ifNoItem().after(wait).recoverWithItem((Void) null)
                    .emitOn(back)
                    .chain(() -> attempt(after, limit, deadline, back));
        });
    }

    private Uni<List<FeedEntry>> query(long after, int limit) {
        return pool.preparedQuery("select position, payload from feed_entry where position > $1 order by position limit $2")
                .execute(Tuple.of(after, limit)).map(rows -> {
                    List<FeedEntry> out = new ArrayList<>();
                    for (Row row : rows) {
                        FeedEntry e = json.read(row.getString("payload"),
                                new com.fasterxml.jackson.core.type.TypeReference<FeedEntry>() {
                                });
                        out.add(new FeedEntry(row.getLong("position"), e.submissionId(), e.type(), e.submissionType(),
                                e.status(), e.occurredAt(), e.outcome(), e.reasons(), e.smsVerification()));
                    }
                    return out;
                });
    }
}
