package cn.beian.national.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes long-polling feed readers. In this replica the writer calls {@link #wake()} right after its commit; for entries
 * committed by other replicas a PostgreSQL {@code LISTEN national_feed} connection does the same (NOTIFY is sent by
 * {@link FeedWriter} inside the transaction and delivered on commit). Readers also re-check now and then, so a lost
 * connection only delays them.
 *
 * <p>A reader takes {@link #signal()} before reading; any wake-up after that completes it, so none is lost.
 */
@ApplicationScoped
public class FeedNotifier {

    private static final Logger LOG = Logger.getLogger(FeedNotifier.class);

    private final AtomicReference<CompletableFuture<Void>> current = new AtomicReference<>(new CompletableFuture<>());
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public FeedNotifier(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Completes at the next wake-up. */
    public CompletableFuture<Void> signal() {
        return current.get();
    }

    public void wake() {
        current.getAndSet(new CompletableFuture<>()).complete(null);
    }

    void listen(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(FeedWriter.CHANNEL).handler(payload -> wake());
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening for feed notifications"),
                e -> LOG.warnf("Cannot LISTEN for feed notifications (readers fall back to re-checking): %s", e));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        wake();
    }
}
