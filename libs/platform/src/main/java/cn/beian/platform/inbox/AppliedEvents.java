package cn.beian.platform.inbox;

import cn.beian.platform.rest.Cursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The events this service applied, read from the inbox's own record of them ({@code inbox_event}): ids, types and
 * sequences only, never an event's data, which may carry personal data.
 */
@ApplicationScoped
public class AppliedEvents {

    /** One applied event; {@code known} is false for a type this build does not know (recorded, then skipped). */
    public record AppliedEvent(String eventId, String type, String source, String aggregateId, long sequence,
            boolean known, OffsetDateTime appliedAt) {
    }

    private static final String PAGE = """
            select event_id, event_type, source, aggregate_id, sequence, known, processed_at from inbox_event
            %s order by processed_at, event_id limit :limit""";

    /** One page in the order applied, after {@code after} (null: from the start), narrowed when filters are given. */
    public Uni<List<AppliedEvent>> list(String aggregateId, String type, Cursor after, int limit) {
        List<String> conditions = new ArrayList<>();
        if (aggregateId != null) {
            conditions.add("aggregate_id = :aggregateId");
        }
        if (type != null) {
            conditions.add("event_type = :type");
        }
        if (after != null) {
            conditions.add("(processed_at, event_id) > (:at, :afterId)");
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(PAGE.formatted(where), Object[].class).setParameter("limit", limit);
            if (aggregateId != null) {
                query.setParameter("aggregateId", aggregateId);
            }
            if (type != null) {
                query.setParameter("type", type);
            }
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("afterId", after.id());
            }
            return query.getResultList();
        })).map(rows -> rows.stream().map(AppliedEvents::event).toList());
    }

    /** Where an event stands in {@link #list}'s order, for the next page's cursor. */
    public static Cursor position(AppliedEvent e) {
        return new Cursor(e.appliedAt(), e.eventId());
    }

    private static AppliedEvent event(Object[] r) {
        return new AppliedEvent((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), (Boolean) r[5], (OffsetDateTime) r[6]);
    }
}
