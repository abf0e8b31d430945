package cn.beian.materials.service;

import cn.beian.materials.config.MaterialsConfig;
import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.MaterialKind;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One upload from start to end, on a worker thread (the body and the object store block): the caller's right to add
 * the material is checked before a byte is read, the body is read up to the byte limit and judged by its bytes, then
 * {@link MaterialService}'s three steps (intent, put, completion) store it; a failed put or completion removes what
 * it left.
 */
@ApplicationScoped
public class UploadService {

    private final MaterialService materials;
    private final ContentCheck check;
    private final ObjectStore store;
    private final MaterialsConfig config;
    private final MeterRegistry meters;

    public UploadService(MaterialService materials, ContentCheck check, ObjectStore store, MaterialsConfig config,
            MeterRegistry meters) {
        this.meters = meters;
        this.materials = materials;
        this.check = check;
        this.store = store;
        this.config = config;
    }

    /**
     * Stores {@code body} as the new version of the (kind, ownerRef) slot; answers the stored material. A refusal is
     * counted in {@code beian_materials_uploads_refused_total{reason}}: the first field error's code (a file type,
     * its size, its dimensions …) or the problem's type.
     */
    public Material upload(UUID orderId, Caller caller, String kind, String ownerRef, Supplier<InputStream> body) {
        try {
            return store(orderId, caller, kind, ownerRef, body);
        } catch (ProblemException refused) {
            String reason = refused.errors().isEmpty() ? refused.type().name() : refused.errors().get(0).code();
            meters.counter("beian.materials.uploads.refused", "reason", reason).increment();
            throw refused;
        }
    }

    private Material store(UUID orderId, Caller caller, String kind, String ownerRef, Supplier<InputStream> body) {
        MaterialKind k = kind(kind);
        await(() -> materials.checkUpload(orderId, caller, k, ownerRef));
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = readBounded(in);
        } catch (IOException e) {
            throw incomplete(e);
        }
        ContentCheck.Checked checked = check.check(bytes);
        Material intent = await(() -> materials.begin(orderId, caller, k, ownerRef));
        try {
            store.put(intent.objectKey, checked.bytes(), checked.contentType());
            return await(() -> materials.complete(intent.id, caller, checked));
        } catch (RuntimeException e) {
            undo(intent);
            throw e;
        }
    }

    private void undo(Material intent) {
        try {
            store.remove(intent.objectKey);
            await(() -> materials.discard(intent.id));
        } catch (RuntimeException cleanupFailed) {
            // The intent stays PENDING: the SweepJob removes it and its object.
        }
    }

    /**
     * The body, held to the byte limit while read (a chunked body has no Content-Length to refuse it earlier): at most
     * one byte more than the limit is read, in chunks copied once into the result.
     */
    private byte[] readBounded(InputStream in) {
        long max = config.maxBytes();
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw incomplete(e);
        }
        if (bytes.length > max) {
            throw ProblemException.localized(ProblemType.PAYLOAD_TOO_LARGE, "detail.file-too-large",
                    String.valueOf(max))
                    .with("maxBytes", max);
        }
        return bytes;
    }

    private static ProblemException incomplete(IOException e) {
        return ProblemException.invalidFields(List.of(FieldViolation.of("file", "UPLOAD_INCOMPLETE",
                "field.upload-incomplete-because", String.valueOf(e.getMessage()))));
    }

    private static MaterialKind kind(String kind) {
        try {
            return MaterialKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("kind", "MATERIAL_KIND_UNKNOWN",
                    "field.material-kind-unknown", Arrays.toString(MaterialKind.values()))));
        }
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
