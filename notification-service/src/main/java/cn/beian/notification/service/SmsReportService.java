package cn.beian.notification.service;

import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.contract.privacy.Masking;
import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.SmsReport;
import cn.beian.notification.repository.SmsReportRepository;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Reads the SMS provider's delivery reports and records each on its SMS delivery (the delivery's id is the SMS's out
 * id), then judges the mobiles they concern: one whose latest {@code failures-in-a-row} reported SMS of an account all
 * failed for the number's reason ({@code number-errors}) is announced undeliverable, {@code mobile.undeliverable.v1}
 * through the outbox, once — until an SMS to it is delivered again, which forgets that (a later run of failures
 * announces it anew). A page is applied in one transaction holding the provider's reading position, only if no
 * other replica moved it meanwhile; a report read twice records nothing twice (it is recorded only on a delivery that
 * has none).
 */
@ApplicationScoped
public class SmsReportService {

    private static final Logger LOG = Logger.getLogger(SmsReportService.class);
    static final String PROVIDER = "sms";

    /** What one page did: reports read, recorded on deliveries, mobiles announced undeliverable; whether more wait. */
    public record Page(int read, int recorded, int undeliverable, boolean more) {

        static final Page NONE = new Page(0, 0, 0, false);
    }

    private record Mobile(String accountId, String address) {
    }

    private final SmsReportRepository repository;
    private final SmsProvider sms;
    private final OutboxWriter outbox;
    private final NotificationConfig.SmsReports config;
    private final BeianClock clock;

    public SmsReportService(SmsReportRepository repository, SmsProvider sms, OutboxWriter outbox,
            NotificationConfig config, BeianClock clock) {
        this.repository = repository;
        this.sms = sms;
        this.outbox = outbox;
        this.config = config.smsReports();
        this.clock = clock;
    }

    /**
     * Reads one page of reports and applies it. The page is fetched outside any transaction (a slow provider holds no
     * connection or lock); it is applied in one transaction that holds the reading position and only if the position
     * is still the one the page was read from: a replica that read the same page and applied it first moved it on,
     * and this one then applies nothing.
     */
    public Uni<Page> nextPage() {
        return Panache.withTransaction(() -> repository.position(PROVIDER, clock.now())).chain(position -> sms
                .reports(position.orElse(null), config.batchSize()).chain(page -> page.isEmpty()
                        ? Uni.createFrom().item(Page.NONE)
                        : Panache.withTransaction(() -> repository.lockAt(PROVIDER, position.orElse(null))
                                .chain(held -> !held ? Uni.createFrom().item(Page.NONE)
                                        : apply(page.get()).call(() -> page.get().next() == null
                                                ? Uni.createFrom().voidItem()
                                                : repository.savePosition(PROVIDER, page.get().next(),
                                                        clock.now()))))));
    }

    private Uni<Page> apply(SmsProvider.ReportPage page) {
        OffsetDateTime now = clock.now();
        Set<Mobile> touched = new LinkedHashSet<>();
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger announced = new AtomicInteger();
        return Multi.createFrom().iterable(page.reports())
                .onItem().transformToUniAndConcatenate(r -> record(r, now).invoke(m -> m.ifPresent(x -> {
                    recorded.incrementAndGet();
                    touched.add(x);
                })))
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(touched)
                        .onItem().transformToUniAndConcatenate(m -> judge(m, now).invoke(a -> {
                            if (a) {
                                announced.incrementAndGet();
                            }
                        }))
                        .collect().last())
                .map(ignored -> new Page(page.reports().size(), recorded.get(), announced.get(),
                        page.reports().size() >= config.batchSize()));
    }

    /** Records a final report on the SMS delivery it names; answers the mobile it concerns when it was new. */
    private Uni<Optional<Mobile>> record(SmsReport r, OffsetDateTime now) {
        if (!SmsReport.DELIVERED.equals(r.status()) && !SmsReport.FAILED.equals(r.status())) {
            return Uni.createFrom().item(Optional.empty()); // SENDING, or a status this version does not know
        }
        UUID id = uuid(r.outId());
        if (id == null) {
            return Uni.createFrom().item(Optional.empty()); // not a delivery of the log (a confirmation code)
        }
        return repository.sms(id).chain(found -> {
            if (found.isEmpty() || found.get().reportedAt() != null || found.get().accountId() == null
                    || found.get().address() == null || !Phones.mobileNational(found.get().address()).equals(Phones.mobileNational(r.phone()))) {
                return Uni.createFrom().item(Optional.<Mobile>empty());
            }
            SmsReportRepository.ReportedSms d = found.get();
            String error = SmsReport.FAILED.equals(r.status()) ? r.errorCode() : null;
            return repository.record(d.id(), r.status(), error, r.reportedAt() == null ? now : r.reportedAt(), now)
                    .map(done -> done ? Optional.of(new Mobile(d.accountId(), d.address())) : Optional.empty());
        });
    }

    /** Announces the mobile undeliverable, or forgets that it was, by its latest reports; answers whether announced. */
    private Uni<Boolean> judge(Mobile m, OffsetDateTime now) {
        Optional<String> key = Phones.mobileKey(m.address());
        if (key.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        int n = Math.max(1, config.failuresInARow());
        return repository.latest(m.accountId(), m.address(), n).chain(latest -> {
            if (!latest.isEmpty() && SmsReport.DELIVERED.equals(latest.get(0).status())) {
                return repository.deliveredAgain(m.accountId(), key.get()).invoke(forgot -> {
                    if (forgot) {
                        LOG.infof("Mobile %s of account %s receives SMS again", Masking.mobile(m.address()),
                                m.accountId());
                    }
                }).replaceWith(false);
            }
            if (latest.size() < n || !latest.stream().allMatch(this::numberFailure)) {
                return Uni.createFrom().item(false);
            }
            String error = latest.get(0).errorCode();
            return repository.markUndeliverable(m.accountId(), key.get(), error, now).call(fresh -> {
                if (!fresh) {
                    return Uni.createFrom().voidItem();
                }
                LOG.infof("Mobile %s of account %s no longer receives SMS (%d in a row failed, last %s)",
                        Masking.mobile(m.address()), m.accountId(), n, error);
                return outbox.append(new MobileUndeliverable(m.accountId(), key.get(), error, now));
            });
        });
    }

    private boolean numberFailure(SmsReportRepository.Outcome o) {
        return SmsReport.FAILED.equals(o.status()) && o.errorCode() != null
                && config.numberErrors().contains(o.errorCode());
    }

    private static UUID uuid(String s) {
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
