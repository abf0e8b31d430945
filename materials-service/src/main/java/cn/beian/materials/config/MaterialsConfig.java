package cn.beian.materials.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** materials-service's settings; every limit has a stated default (README → materials-service). */
@ConfigMapping(prefix = "beian.materials")
public interface MaterialsConfig {

    /** The private bucket holding every material. */
    @WithDefault("beian-materials")
    String bucket();

    /** Largest file accepted, in bytes (docs/domain.md §5.5: 2 MiB). */
    @WithDefault("2097152")
    long maxBytes();

    /** Types accepted, judged by the bytes (jpg/jpeg and png; gif refused by default, §5.5). */
    @WithDefault("image/jpeg,image/png")
    Set<String> allowedTypes();

    /** Smallest and largest image dimensions accepted (pixels). */
    @WithDefault("200")
    int minWidth();

    @WithDefault("200")
    int minHeight();

    @WithDefault("8000")
    int maxWidth();

    @WithDefault("8000")
    int maxHeight();

    /** Largest image area accepted, in pixels (a decompression-bomb guard beside the dimension bounds). */
    @WithDefault("40000000")
    long maxPixels();

    /** Lifetime of a presigned download URL; at most 5 minutes (checked at start). */
    @WithDefault("5M")
    Duration presignTtl();

    /** The S3 endpoint presigned URLs name (the host clients use); the client's own endpoint when unset. */
    Optional<String> presignEndpoint();

    /**
     * An upload intent older than this is abandoned: the sweeper removes it and its object. The body is read before
     * the intent is written, so an intent only lives for the put and the completion (milliseconds to seconds); a put
     * still running when its intent is swept finds no intent to complete and removes its object itself.
     */
    @WithDefault("2M")
    Duration staleIntentAfter();

    /** How often {@code SweepJob} runs ("off" disables it, as in the tests, which run it by hand). */
    @WithDefault("60s")
    String sweepEvery();

    /** How long materials of an abandoned order, or of one expired and not resubmitted, are kept. */
    @WithDefault("180D")
    Duration retention();
}
