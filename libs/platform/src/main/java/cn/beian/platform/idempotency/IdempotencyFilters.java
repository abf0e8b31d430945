package cn.beian.platform.idempotency;

import cn.beian.platform.http.EdgeRoute;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} for every POST of every service (docs/api-conventions.md → Retries): the first request with a
 * key runs and its answer is kept for 24 hours; a retry with the same key — by the same account, to the same path —
 * gets that answer again (header {@code Idempotent-Replayed: true}) without running twice. While the first is still
 * running a retry gets 409; reusing a key for another path is a 400. Server errors (5xx) are not kept, so a retry
 * after one runs again. A first request whose process died is taken over after a minute.
 * <p>
 * A key is bound to a fingerprint of its request — SHA-256 over the method, the path, the raw query and the SHA-256
 * of the body bytes (computed by {@link EdgeRoute} while it reads the body, so nothing here consumes the entity
 * stream). The same key with another fingerprint (another subject, another file or kind of material) is a 422
 * problem naming the {@code Idempotency-Key} header, as the IETF Idempotency-Key draft says: replaying the first
 * answer would tell the client its new data was saved.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final String CLAIMED = IdempotencyFilters.class.getName() + ".claimed";

    private final Pool pool;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper json;

    public IdempotencyFilters(Pool pool, CurrentIdentityAssociation identity, ObjectMapper json) {
        this.pool = pool;
        this.identity = identity;
        this.json = json;
    }

    private record Claim(String account, String key) {
    }

    @ServerRequestFilter
    public Uni<Response> claimOrReplay(ContainerRequestContext request, RoutingContext routing) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 128 visible ASCII characters",
                    List.of(new FieldViolation(HEADER, "IDEMPOTENCY_KEY_INVALID", "1–128 visible ASCII characters"))));
        }
        String path = request.getUriInfo().getPath();
        String fingerprint = fingerprint(request.getMethod(), path, routing);
        return identity.getDeferredIdentity().chain(who -> {
            if (who.isAnonymous()) {
                return Uni.createFrom().nullItem();
            }
            String account = who.getPrincipal().getName();
            return purgeNowAndThen().chain(() -> pool.preparedQuery("""
                    insert into idempotency_record (account_id, idem_key, method, path, fingerprint)
                    values ($1, $2, 'POST', $3, $4)
                    on conflict (account_id, idem_key) do update set created_at = now(), path = excluded.path
                        where idempotency_record.status is null
                          and idempotency_record.created_at < now() - interval '1 minute'
                          and idempotency_record.path = excluded.path
                          and (idempotency_record.fingerprint is null
                               or idempotency_record.fingerprint = excluded.fingerprint)
                    returning account_id""").execute(Tuple.of(account, key, path, fingerprint)))
                    .chain(claimed -> {
                        if (claimed.rowCount() == 1) {
                            request.setProperty(CLAIMED, new Claim(account, key));
                            return Uni.createFrom().nullItem();
                        }
                        return replay(account, key, path, fingerprint);
                    });
        });
    }

    private Uni<Response> replay(String account, String key, String path, String fingerprint) {
        return pool.preparedQuery("select * from idempotency_record where account_id = $1 and idem_key = $2")
                .execute(Tuple.of(account, key)).map(rows -> {
                    Row r = rows.iterator().next();
                    if (!r.getString("path").equals(path)) {
                        throw new ProblemException(ProblemType.VALIDATION_FAILED,
                                "This Idempotency-Key was used for another request", List.of(new FieldViolation(
                                        HEADER, "IDEMPOTENCY_KEY_REUSED", "Use a new key for a new request")));
                    }
                    String kept = r.getString("fingerprint");
                    if (kept != null && !kept.equals(fingerprint)) {
                        throw new ProblemException(ProblemType.UNPROCESSABLE_CONTENT,
                                "This Idempotency-Key was used for a request with another body or query",
                                List.of(new FieldViolation(HEADER, "IDEMPOTENCY_KEY_REUSED",
                                        "Use a new key for a new request; retry only with the same body")));
                    }
                    Integer status = r.getInteger("status");
                    if (status == null) {
                        throw new ProblemException(ProblemType.CONFLICT,
                                "A request with this Idempotency-Key is still running; retry shortly");
                    }
                    Response.ResponseBuilder b = Response.status(status).header(REPLAYED, "true");
                    if (r.getString("body") != null) {
                        b.entity(r.getString("body")).type(r.getString("content_type"));
                    }
                    if (r.getString("location") != null) {
                        b.header(HttpHeaders.LOCATION, r.getString("location"));
                    }
                    if (r.getString("etag") != null) {
                        b.header(HttpHeaders.ETAG, r.getString("etag"));
                    }
                    return b.build();
                });
    }

    @ServerResponseFilter
    public Uni<Void> keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        if (response.getStatus() >= 500) {
            return pool.preparedQuery("delete from idempotency_record where account_id = $1 and idem_key = $2")
                    .execute(Tuple.of(claim.account(), claim.key())).replaceWithVoid();
        }
        String body;
        try {
            Object entity = response.getEntity();
            body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            LOG.warnf("Answer to Idempotency-Key not kept: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return pool.preparedQuery("""
                update idempotency_record set status = $3, content_type = $4, location = $5, etag = $6, body = $7
                where account_id = $1 and idem_key = $2""")
                .execute(Tuple.tuple().addValue(claim.account()).addValue(claim.key()).addValue(response.getStatus())
                        .addValue(mediaType(response))
                        .addValue(location == null ? null : location.toString())
                        .addValue(etag == null ? null : etag.toString())
                        .addValue(body))
                .replaceWithVoid();
    }

    /** The answer's media type; JSON where the resource left it to content negotiation (it always is here). */
    private static String mediaType(ContainerResponseContext response) {
        if (response.getMediaType() != null) {
            return response.getMediaType().toString();
        }
        return response.getEntity() == null || response.getEntity() instanceof String ? null : "application/json";
    }

    /** SHA-256 (hex) of method, path, raw query and the body's SHA-256, each on a line of its own. */
    static String fingerprint(String method, String path, RoutingContext routing) {
        String query = routing == null ? null : routing.request().query();
        String body = routing == null ? null : routing.get(EdgeRoute.BODY_SHA256);
        String canonical = method + "\n" + path + "\n" + (query == null ? "" : query) + "\n"
                + (body == null ? "" : body);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys are kept 24 hours; about one request in a hundred sweeps older ones. */
    private Uni<Void> purgeNowAndThen() {
        if (ThreadLocalRandom.current().nextInt(100) != 0) {
            return Uni.createFrom().voidItem();
        }
        return pool.query("delete from idempotency_record where created_at < now() - interval '24 hours'").execute()
                .replaceWithVoid();
    }
}
