package cn.beian.national.service;

import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.PasswordHasher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Filing-password hashing off the event loop: PBKDF2 is slow on purpose (hundreds of milliseconds), so it runs on a
 * worker thread and the caller resumes on its own context.
 */
@ApplicationScoped
public class PasswordHashing {

    private final Vertx vertx;
    private final NationalConfig config;

    public PasswordHashing(Vertx vertx, NationalConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** A new hash with the configured iteration count. */
    public Uni<String> hash(String password) {
        int iterations = config.password().iterations();
        return vertx.executeBlocking(Uni.createFrom().item(() -> PasswordHasher.hash(password, iterations)));
    }

    public Uni<Boolean> verify(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> PasswordHasher.verify(password, hash)));
    }
}
