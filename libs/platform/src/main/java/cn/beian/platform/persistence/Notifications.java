package cn.beian.platform.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL LISTEN/NOTIFY for the service's own database: one connection per replica, whatever the number of
 * channels, reconnected every second if it drops. A trigger's {@code pg_notify} reaches every replica listening when
 * its transaction commits (identical notifications of one transaction folded into one), so work another transaction
 * made ready starts within milliseconds instead of at the next poll. Whoever listens keeps a slower poll as the net:
 * a notification sent while the connection was down is lost, which is why the handler also runs on every
 * (re)subscription.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public Notifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Runs {@code handler} on every notification of {@code channel}, and each time the channel is (re)subscribed:
     * whatever committed while nobody listened is then looked at too. Call it from a start-up observer.
     */
    public synchronized void listen(String channel, Runnable handler) {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(
                    url.replaceFirst("^vertx-reactive:", "")).setUser(user).setPassword(password));
            subscriber.reconnectPolicy(retries -> 1000L);
            subscriber.closeHandler(v -> LOG.debug("Notification listener disconnected; reconnecting"));
            subscriber.channel(channel).subscribeHandler(v -> handler.run()).handler(payload -> handler.run());
            subscriber.connect().onFailure(e -> LOG.warnf("Notification listener could not connect (the listeners "
                    + "poll meanwhile): %s", e.toString()));
            return;
        }
        // Connected or not: the subscriber sends LISTEN now, or on its (re)connection.
        subscriber.channel(channel).subscribeHandler(v -> handler.run()).handler(payload -> handler.run());
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
