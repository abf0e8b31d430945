package cn.beian.website.repository;

import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The access policy's journal: the events it is folded from, in the order they were applied here. */
@ApplicationScoped
public class AccessJournal {

    /** One journaled event, as the policy applies it. */
    public record Entry(long id, String source, String aggregateId, long sequence, String type, String data) {
    }

    private static final String RECORD = """
            insert into access_journal (source, aggregate_id, sequence, event_type, data, recorded_at)
            values (:source, :aggregateId, :sequence, :type, :data, :now)
            on conflict (source, aggregate_id, sequence) do nothing""";
    private static final String PAGE = """
            select id, source, aggregate_id, sequence, event_type, data from access_journal
             where id > $1 order by id limit $2""";

    private final Pool pool;
    private final BeianClock clock;

    public AccessJournal(Pool pool, BeianClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Journals {@code event}; runs in the caller's transaction (the inbox's). */
    public Uni<Void> record(IncomingEvent event) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD)
                .setParameter("source", event.source())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("sequence", event.sequence())
                .setParameter("type", event.type())
                .setParameter("data", event.data())
                .setParameter("now", clock.now())
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Up to {@code limit} entries after {@code afterId}, in journal order. On the reactive pool, not a Hibernate
     * session: the loader reads it at start-up, before and outside any request or event.
     */
    public Uni<List<Entry>> page(long afterId, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(afterId, limit)).map(rows -> {
            List<Entry> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Entry(r.getLong(0), r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                        r.getString(5)));
            }
            return out;
        });
    }
}
