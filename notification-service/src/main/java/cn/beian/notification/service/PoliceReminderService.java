package cn.beian.notification.service;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.contract.order.FilingType;
import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Notice;
import cn.beian.notification.domain.PoliceReminder;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Police-filing (公安备案) reminders: a website approved by the administration must be filed with the public-security
 * system within 30 days. Cadence (configurable, {@code beian.notification.police.reminder-days}): days 1, 7, 14, 21
 * and 28 after approval, until the applicant records the police number ({@code website.police-number-recorded})
 * or the 30 days pass. Reminders are not urgent, so quiet hours hold their SMS until the morning. Only filings that
 * bring a website here (first filing, new website, access filing) are reminded.
 *
 * <p>Exactly once across replicas: a round claims one due website row with {@code for update skip locked}, writes
 * the reminder's deliveries under the synthetic event id {@code police-reminder:<order>:<website>:<n>} (the
 * deliveries' unique key) and advances the row, all in one transaction.
 */
@ApplicationScoped
public class PoliceReminderService {

    private static final String SCHEDULE = """
            insert into police_reminder (order_id, website_id, account_id, website_name, website_filing_number,
                approved_at, next_due_at, sent_count)
            values (:orderId, :websiteId, :accountId, :name, :number, :approvedAt, :due, 0)
            on conflict (order_id, website_id) do nothing""";

    private static final String STOP_OR_RECORD = """
            insert into police_reminder (order_id, website_id, account_id, website_filing_number, approved_at,
                next_due_at, sent_count, stopped_at, stop_reason)
            values (:orderId, :websiteId, :accountId, :number, :at, null, 0, :at, 'POLICE_NUMBER_RECORDED')
            on conflict (order_id, website_id) do update set stopped_at = excluded.stopped_at,
                stop_reason = excluded.stop_reason, next_due_at = null
            where police_reminder.stopped_at is null""";

    private final NotificationConfig config;
    private final BeianClock clock;
    private final ContactService contacts;
    private final NoticePlanner planner;
    private final DeliveryWriter writer;

    public PoliceReminderService(NotificationConfig config, BeianClock clock, ContactService contacts,
            NoticePlanner planner, DeliveryWriter writer) {
        this.config = config;
        this.clock = clock;
        this.contacts = contacts;
        this.planner = planner;
        this.writer = writer;
    }

    /** Schedules the reminders of each approved website (inside the consumer's transaction). */
    public Uni<Void> schedule(AuthorityApproved a) {
        OffsetDateTime approvedAt = a.approvedAt() != null ? a.approvedAt() : clock.now();
        List<AuthorityApproved.WebsiteNumber> sites = a.websites() == null ? List.of() : a.websites();
        return contacts.order(a.orderId()).chain(contact -> {
            if (contact != null && contact.filingType != null && !FilingType.valueOf(contact.filingType).decided()) {
                return Uni.createFrom().voidItem();
            }
            String accountId = contact == null ? null : contact.accountId;
            return Panache.getSession().chain(s -> Multi.createFrom().iterable(sites)
                    .filter(w -> w.websiteId() != null)
                    .onItem().transformToUniAndConcatenate(w -> s.createNativeQuery(SCHEDULE)
                            .setParameter("orderId", a.orderId())
                            .setParameter("websiteId", w.websiteId())
                            .setParameter("accountId", accountId)
                            .setParameter("name", w.name())
                            .setParameter("number", w.websiteFilingNumber())
                            .setParameter("approvedAt", approvedAt)
                            .setParameter("due", approvedAt.plusDays(config.police().reminderDays().get(0)))
                            .executeUpdate())
                    .collect().last().replaceWithVoid());
        });
    }

    /** Stops a website's reminders; recorded even before its approval arrives, so that none ever start. */
    public Uni<Void> stop(PoliceNumberRecorded p) {
        OffsetDateTime at = p.recordedAt() != null ? p.recordedAt() : clock.now();
        return Panache.getSession().chain(s -> s.createNativeQuery(STOP_OR_RECORD)
                .setParameter("orderId", p.orderId())
                .setParameter("websiteId", p.websiteId())
                .setParameter("accountId", p.accountId())
                .setParameter("number", p.websiteFilingNumber())
                .setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Claims the next due reminder no other transaction holds (and not in {@code skip}) and handles it.
     *
     * @return whether one was handled (false: nothing is due)
     */
    @WithTransaction
    public Uni<Boolean> processNext(Set<String> skip) {
        OffsetDateTime now = clock.now();
        StringBuilder sql = new StringBuilder(
                "select * from police_reminder where stopped_at is null and next_due_at <= :now");
        if (!skip.isEmpty()) {
            sql.append(" and (order_id || '/' || website_id) not in (:skip)");
        }
        sql.append(" order by next_due_at limit 1 for update skip locked");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString(), PoliceReminder.class).setParameter("now", now);
            if (!skip.isEmpty()) {
                q.setParameter("skip", new ArrayList<>(skip));
            }
            return q.getSingleResultOrNull().chain(r -> {
                if (r == null) {
                    return Uni.createFrom().item(false);
                }
                skip.add(r.orderId + "/" + r.websiteId);
                return handle(r, now).replaceWith(true);
            });
        });
    }

    private Uni<Void> handle(PoliceReminder r, OffsetDateTime now) {
        OffsetDateTime windowEnd = r.approvedAt.plusDays(config.police().windowDays());
        if (!now.isBefore(windowEnd)) {
            r.stoppedAt = now;
            r.stopReason = "WINDOW_ENDED";
            r.nextDueAt = null;
            return Uni.createFrom().voidItem();
        }
        int n = r.sentCount + 1;
        OffsetDateTime due = r.nextDueAt;
        r.sentCount = n;
        r.nextDueAt = config.police().reminderDays().stream().map(d -> r.approvedAt.plusDays(d))
                .filter(t -> t.isAfter(now)).findFirst().orElse(windowEnd);
        Notice notice = planner.policeReminder(r.orderId, r.websiteId, r.websiteName, r.websiteFilingNumber, windowEnd);
        DeliveryWriter.Source source = new DeliveryWriter.Source(
                "police-reminder:" + r.orderId + ":" + r.websiteId + ":" + n, "police.reminder", due, r.orderId);
        return contacts.order(r.orderId).chain(contact -> contacts.websites(r.orderId)
                .chain(sites -> writer.write(source, notice, contact, sites))).replaceWithVoid();
    }
}
