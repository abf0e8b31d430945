package cn.beian.platform.edge;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.ETags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A resource shaped like the services' ones, for the edge's tests: a POST of a record with strings, a nested object,
 * a nested list, a long and an int; a GET by path parameter and a search by query parameter that both reach
 * PostgreSQL; a PUT with If-Match; and a multipart upload.
 */
@Path("/api/v1/things")
@RolesAllowed("applicant")
public class ThingResource {

    public record Principal(@NotBlank String name, String mobile) {
    }

    public record Website(@NotBlank String name, List<String> domains) {
    }

    public record ThingRequest(@NotBlank String name, @Valid Principal principal, List<@Valid Website> websites,
            long count, Integer small) {
    }

    private final Pool pool;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Messages messages;

    public ThingResource(Pool pool, SecurityIdentity identity, ObjectMapper json, Messages messages) {
        this.messages = messages;
        this.pool = pool;
        this.identity = identity;
        this.json = json;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull ThingRequest request, UriInfo uri) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("insert into edge_thing (id, account_id, name, body, version) values ($1, $2, $3, $4, 1)")
                .execute(Tuple.of(id, identity.getPrincipal().getName(), request.name(), write(request)))
                .map(r -> Response.created(URI.create("/api/v1/things/" + id)).tag(ETags.of(1))
                        .entity(Map.of("id", id.toString(), "name", request.name(), "version", 1)).build());
    }

    /** A service's own checks over several fields, past Bean Validation: each duplicated domain is named. */
    @POST
    @Path("/checks")
    public Response check(@Valid @NotNull ThingRequest request) {
        List<FieldViolation> errors = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Website> websites = request.websites() == null ? List.of() : request.websites();
        for (int i = 0; i < websites.size(); i++) {
            List<String> domains = websites.get(i).domains() == null ? List.of() : websites.get(i).domains();
            for (int j = 0; j < domains.size(); j++) {
                if (!seen.add(domains.get(j))) {
                    errors.add(FieldViolation.of("websites[" + i + "].domains[" + j + "]", "DOMAIN_DUPLICATED",
                            "field.DOMAIN_DUPLICATED", domains.get(j)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{thingId}")
    public Uni<Response> get(@PathParam("thingId") String thingId) {
        // The path parameter goes to PostgreSQL as text, as many services' lookups do.
        return pool.preparedQuery("select * from edge_thing where id::text = $1 and account_id = $2")
                .execute(Tuple.of(thingId, identity.getPrincipal().getName())).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Thing");
                    }
                    Row r = rows.iterator().next();
                    return Response.ok(Map.of("id", thingId, "name", r.getString("name"),
                            "version", r.getLong("version"))).tag(ETags.of(r.getLong("version"))).build();
                });
    }

    @GET
    public Uni<Map<String, Object>> search(@QueryParam("name") String name) {
        return pool.preparedQuery("select count(*) from edge_thing where name = $1 and account_id = $2")
                .execute(Tuple.of(name == null ? "" : name, identity.getPrincipal().getName()))
                .map(rows -> Map.of("count", rows.iterator().next().getLong(0)));
    }

    @PUT
    @Path("/{thingId}")
    public Uni<Response> update(@PathParam("thingId") String thingId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ThingRequest request) {
        return pool.withTransaction(c -> c.preparedQuery(
                "select version from edge_thing where id::text = $1 and account_id = $2 for update")
                .execute(Tuple.of(thingId, identity.getPrincipal().getName())).chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Thing");
                    }
                    long version = rows.iterator().next().getLong(0);
                    ETags.requireMatch(ifMatch, version);
                    return c.preparedQuery("update edge_thing set name = $2, body = $3, version = version + 1 "
                            + "where id::text = $1").execute(Tuple.of(thingId, request.name(), write(request)))
                            .map(r -> Response.ok(Map.of("id", thingId, "name", request.name(),
                                    "version", version + 1)).tag(ETags.of(version + 1)).build());
                }));
    }

    @POST
    @Path("/{thingId}/files")
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("thingId") String thingId, @RestForm("kind") String kind,
            @RestForm("file") FileUpload file) throws Exception {
        if (file == null) {
            throw ProblemException.invalid("file", "FILE_MISSING", "no file part");
        }
        return Response.ok(Map.of("kind", String.valueOf(kind), "size", Files.size(file.uploadedFile()))).build();
    }

    private String write(ThingRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
