package cn.beian.national.service;

import cn.beian.platform.persistence.Notifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wakes long-polling feed readers. In this replica the writer calls {@link #wake()} right after its commit; for entries
 * committed by other replicas the service's PostgreSQL LISTEN connection ({@link Notifications}) does the same
 * (NOTIFY is sent by {@link FeedWriter} inside the transaction and delivered on commit). Readers also re-check now and
 * then, so a lost connection only delays them.
 *
 * <p>A reader takes {@link #signal()} before reading; any wake-up after that completes it, so none is lost.
 */
@ApplicationScoped
public class FeedNotifier {

    private final AtomicReference<CompletableFuture<Void>> current = new AtomicReference<>(new CompletableFuture<>());
    private final Notifications notifications;

    public FeedNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Completes at the next wake-up. */
    public CompletableFuture<Void> signal() {
        return current.get();
    }

    public void wake() {
        current.getAndSet(new CompletableFuture<>()).complete(null);
    }

    void listen(@Observes StartupEvent event) {
        notifications.listen(FeedWriter.CHANNEL, this::wake);
    }

    void stop(@Observes ShutdownEvent event) {
        wake();
    }
}
