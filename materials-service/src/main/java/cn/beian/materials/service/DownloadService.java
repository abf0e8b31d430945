package cn.beian.materials.service;

import cn.beian.materials.config.MaterialsConfig;
import cn.beian.materials.domain.Material;
import cn.beian.time.BeianClock;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A material's bytes handed out after the read check ({@link MaterialReads#open}, which records a reviewer's read):
 * streamed from the object store, or as a presigned URL that lives {@code presign-ttl}. On a worker thread: the
 * object store's client blocks.
 */
@ApplicationScoped
public class DownloadService {

    /** The material and its bytes, to be streamed (the caller closes the stream). */
    public record Download(Material material, InputStream content) {
    }

    public record PresignedUrl(Material material, String url, OffsetDateTime expiresAt) {
    }

    private final MaterialReads reads;
    private final ObjectStore store;
    private final MaterialsConfig config;
    private final BeianClock clock;

    public DownloadService(MaterialReads reads, ObjectStore store, MaterialsConfig config, BeianClock clock) {
        this.reads = reads;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    public Download stream(UUID orderId, UUID materialId, Caller caller) {
        Material m = await(() -> reads.open(orderId, materialId, caller, "STREAM"));
        return new Download(m, store.open(m.objectKey));
    }

    public PresignedUrl presign(UUID orderId, UUID materialId, Caller caller) {
        Material m = await(() -> reads.open(orderId, materialId, caller, "PRESIGNED_URL"));
        OffsetDateTime expires = clock.now().plus(config.presignTtl());
        return new PresignedUrl(m, store.presignedGet(m.objectKey), expires);
    }

    /** Runs a reactive step (Hibernate Reactive) from this worker thread, on a Vert.x context. */
    private static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
