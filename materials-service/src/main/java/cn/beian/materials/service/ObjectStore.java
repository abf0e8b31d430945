package cn.beian.materials.service;

import cn.beian.materials.config.MaterialsConfig;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The private bucket, through the MinIO client (S3 API). Blocking: call it from worker threads only. Presigned
 * URLs are signed for the endpoint clients use ({@code beian.materials.presign-endpoint}), which may differ from
 * the one the service reaches the store by.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);
    private static final Duration MAX_PRESIGN = Duration.ofMinutes(5);

    private final MinioClient client;
    private final MinioClient presigner;
    private final MaterialsConfig config;

    public ObjectStore(MinioClient client, MaterialsConfig config,
            @ConfigProperty(name = "quarkus.minio.access-key") String accessKey,
            @ConfigProperty(name = "quarkus.minio.secret-key") String secretKey,
            @ConfigProperty(name = "quarkus.minio.region", defaultValue = "us-east-1") String region) {
        if (config.presignTtl().compareTo(MAX_PRESIGN) > 0 || config.presignTtl().isNegative()
                || config.presignTtl().isZero()) {
            throw new IllegalStateException("beian.materials.presign-ttl must be more than 0 and at most 5 minutes");
        }
        this.client = client;
        this.config = config;
        this.presigner = config.presignEndpoint()
                .map(e -> MinioClient.builder().endpoint(e).credentials(accessKey, secretKey).region(region).build())
                .orElse(client);
    }

    void ensureBucket(@Observes StartupEvent start) {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
                LOG.infof("Created bucket %s", config.bucket());
            }
        } catch (Exception e) {
            // Readiness follows the store: uploads fail with 503 until it answers.
            LOG.warnf("Bucket %s could not be checked: %s", config.bucket(), e.toString());
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                    .stream(in, bytes.length, -1).contentType(contentType).build());
        } catch (Exception e) {
            throw unavailable("put " + key, e);
        }
    }

    /** Removes the object; an object that is not there is fine (removal is retried by the SweepJob). */
    public void remove(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            throw unavailable("remove " + key, e);
        }
    }

    public boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw unavailable("stat " + key, e);
        } catch (Exception e) {
            throw unavailable("stat " + key, e);
        }
    }

    public InputStream open(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            throw unavailable("get " + key, e);
        }
    }

    public String presignedGet(String key) {
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(config.bucket()).object(key).expiry((int) config.presignTtl().toSeconds()).build());
        } catch (Exception e) {
            throw unavailable("presign " + key, e);
        }
    }

    /** The object store did not answer as it should: a 503 problem for the client, never its mistake. */
    private static ProblemException unavailable(String what, Exception cause) {
        LOG.warnf("Object store: %s failed: %s", what, cause.toString());
        return ProblemException.localized(ProblemType.SERVICE_UNAVAILABLE, "detail.object-store-unavailable");
    }
}
