package cn.beian.national.service;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SmsVerification;
import cn.beian.national.domain.FeedRecord;
import cn.beian.national.domain.Submission;
import cn.beian.national.repository.FeedRepository;
import cn.beian.platform.json.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Appends feed entries inside the caller's transaction. Positions come from a bigserial, so to make commit order
 * equal position order (a reader that saw position n must never later see a smaller one appear) every appending
 * transaction first takes one transaction-scoped advisory lock, held until its commit. Appending is the last step of
 * each transaction, so the lock is never held while waiting for another lock. A NOTIFY, delivered on commit, wakes
 * long-polling readers in every replica.
 */
@ApplicationScoped
public class FeedWriter {

    static final String CHANNEL = "national_feed";
    private static final long FEED_LOCK = 0x6e61_7469_6f6eL;

    private final FeedRepository feed;
    private final Json json;

    public FeedWriter(FeedRepository feed, Json json) {
        this.feed = feed;
        this.json = json;
    }

    public Uni<Void> append(Submission s, FeedEntryType type, OffsetDateTime at, IssuedNumbers outcome,
            List<Reason> reasons, SmsVerification sms) {
        FeedEntry entry = new FeedEntry(0, s.id, type, s.type, s.status, at, outcome, reasons, sms);
        FeedRecord r = new FeedRecord();
        r.submissionId = s.id;
        r.type = type.name();
        r.occurredAt = at;
        r.payload = json.write(entry);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(" + FEED_LOCK + ")) l", Integer.class)
                        .getSingleResult()
                        .chain(() -> feed.persist(r))
                        .chain(() -> session.flush())
                        .chain(() -> session.createNativeQuery(
                                "select 1 from (select pg_notify('" + CHANNEL + "', '')) n", Integer.class)
                                .getSingleResult()))
                .replaceWithVoid();
    }
}
