package cn.beian.platform.outbox;

import cn.beian.platform.persistence.Notifications;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wakes the outbox relay the moment a transaction that wrote to the outbox commits: a trigger on {@code outbox_event}
 * calls {@code pg_notify('beian_outbox')}, which PostgreSQL delivers at commit (once per transaction) to every
 * replica listening, so an event leaves within milliseconds of its commit instead of waiting for the next poll.
 * On every (re)connection of the service's {@link Notifications} a round runs, for whatever committed while nobody
 * listened. The relay's poll stays as the net.
 */
@ApplicationScoped
public class OutboxListener {

    /** The channel the outbox trigger notifies (db/platform's outbox_notify migration). */
    static final String CHANNEL = "beian_outbox";

    private final OutboxRelayJobs jobs;
    private final OutboxConfig config;
    private final Notifications notifications;

    public OutboxListener(OutboxRelayJobs jobs, OutboxConfig config, Notifications notifications) {
        this.jobs = jobs;
        this.config = config;
        this.notifications = notifications;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled() && config.listen()) {
            notifications.listen(CHANNEL, jobs::wake);
        }
    }
}
