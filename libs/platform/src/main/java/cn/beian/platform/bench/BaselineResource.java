package cn.beian.platform.bench;

import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bare Quarkus endpoints benchmarks measure next to Beian's own paths in the same run, so a report says what the
 * framework, the JVM settings and this machine cost before any Beian logic: a GET that answers a constant and a
 * reactive POST that inserts one row. Off (404) unless {@code beian.baseline.enabled}; the local stack turns it on.
 */
@Path("/api/v1/baseline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@PermitAll
public class BaselineResource {

    private final Pool pool;
    private final boolean enabled;

    public BaselineResource(Pool pool, @ConfigProperty(name = "beian.baseline.enabled") boolean enabled) {
        this.pool = pool;
        this.enabled = enabled;
    }

    @GET
    @Operation(operationId = "baselineGet", summary = "Benchmark baseline: a constant answer")
    public Baseline get() {
        requireEnabled();
        return Baseline.OK;
    }

    @POST
    @Operation(operationId = "baselineInsert", summary = "Benchmark baseline: insert one row")
    public Uni<Baseline> insert() {
        requireEnabled();
        return pool.preparedQuery("insert into platform_baseline(id) values ($1)")
                .execute(Tuple.of(UUID.randomUUID()))
                .replaceWith(Baseline.OK);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No baseline endpoint in this deployment");
        }
    }

    public record Baseline(boolean ok) {
        static final Baseline OK = new Baseline(true);
    }
}
