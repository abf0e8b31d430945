package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Reads the SMS provider's delivery reports every {@code beian.notification.sms-reports.interval} (30 s) in every
 * replica ({@link SmsReportService}: a page two replicas read at once is applied by one of them);
 * {@code POST /api/v1/admin/notification-jobs/run} runs a round at once. With the {@code log} provider there are no
 * reports and a round does nothing.
 */
@ApplicationScoped
public class SmsReportJob {

    private static final Logger LOG = Logger.getLogger(SmsReportJob.class);
    /** Pages read in one round at most; the rest waits for the next. */
    private static final int MAX_PAGES = 20;

    /** What a round did. */
    public record Round(int read, int recorded, int undeliverable) {
    }

    private final SmsReportService reports;
    private final NotificationConfig config;

    public SmsReportJob(SmsReportService reports, NotificationConfig config) {
        this.reports = reports;
        this.config = config;
    }

    @Scheduled(identity = "notification-service-sms-reports",
            every = "${beian.notification.sms-reports.interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        if (!config.smsReports().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return runRound().onFailure().recoverWithItem(e -> {
            LOG.warnf("SMS report round failed, will retry: %s", e.toString());
            return null;
        }).replaceWithVoid();
    }

    /** Reads pages of reports while full ones come (at most {@value #MAX_PAGES}). */
    public Uni<Round> runRound() {
        return step(new Round(0, 0, 0), 0).invoke(r -> {
            if (r.recorded() > 0) {
                LOG.infof("SMS reports: %d read, %d recorded, %d mobiles undeliverable", r.read(), r.recorded(),
                        r.undeliverable());
            }
        });
    }

    private Uni<Round> step(Round sum, int pages) {
        return reports.nextPage().chain(p -> {
            Round next = new Round(sum.read() + p.read(), sum.recorded() + p.recorded(),
                    sum.undeliverable() + p.undeliverable());
            return p.more() && pages + 1 < MAX_PAGES ? step(next, pages + 1) : Uni.createFrom().item(next);
        });
    }
}
