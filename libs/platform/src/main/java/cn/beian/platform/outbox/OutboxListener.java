package cn.beian.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes the outbox relay the moment a transaction that wrote to the outbox commits: a trigger on {@code outbox_event}
 * calls {@code pg_notify('beian_outbox')}, which PostgreSQL delivers at commit (once per transaction) to every
 * replica listening, so an event leaves within milliseconds of its commit instead of waiting for the next poll.
 * One connection of its own per replica, reconnected every second if it drops; on every (re)connection a round runs,
 * for whatever committed while nobody listened. The relay's poll stays as the net.
 */
@ApplicationScoped
public class OutboxListener {

    /** The channel the outbox trigger notifies (db/platform's outbox_notify migration). */
    static final String CHANNEL = "beian_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    private final OutboxRelayJobs jobs;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public OutboxListener(OutboxRelayJobs jobs, OutboxConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.jobs = jobs;
        this.config = config;
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled() || !config.listen()) {
            return;
        }
        subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password));
        subscriber.reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> jobs.wake())
                .handler(payload -> jobs.wake());
        subscriber.closeHandler(v -> LOG.debug("Outbox listener disconnected; reconnecting"));
        subscriber.connect().onFailure(e -> LOG.warnf("Outbox listener could not connect (the relay polls "
                + "meanwhile): %s", e.toString()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
