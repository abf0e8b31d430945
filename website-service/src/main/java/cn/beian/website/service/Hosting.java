package cn.beian.website.service;

import cn.beian.contract.events.snapshot.ServerLink;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.website.domain.WebsiteContent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Resolves a website's servers as it is saved (docs/domain.md §1): subject-service, which owns servers and
 * authorization codes, checks each server id and code and makes the order hold exactly the codes its websites name.
 * Its refusals come back as this request's field errors, each named where the applicant typed the entry.
 */
@ApplicationScoped
public class Hosting {

    private static final Logger LOG = Logger.getLogger(Hosting.class);

    private final HostingApi api;
    private final Messages messages;

    public Hosting(@RestClient HostingApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    /**
     * The saved website hosted on its resolved servers (own servers first, then those reached through codes).
     *
     * @param saved  the website as it will be stored, {@code null} when it is being removed
     * @param others the order's other websites as stored, each with its position
     * @param prefix the field path of the saved website in the request ({@code ""} for a single website)
     */
    public Uni<WebsiteContent> settle(String accountId, UUID orderId, WebsiteContent saved, List<Positioned> others,
            String prefix) {
        List<String> codes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (saved != null) {
            for (int j = 0; j < saved.authorizationCodes().size(); j++) {
                codes.add(saved.authorizationCodes().get(j));
                fields.add(prefix + "authorizationCodes[" + j + "]");
            }
        }
        for (Positioned o : others) {
            for (int j = 0; j < o.content().authorizationCodes().size(); j++) {
                codes.add(o.content().authorizationCodes().get(j));
                fields.add("websites[" + o.position() + "].authorizationCodes[" + j + "]");
            }
        }
        List<String> serverIds = saved == null ? List.of() : saved.serverIds();
        String language = messages.english() ? "en" : "zh-CN";
        return api.settle(orderId.toString(), language, new HostingApi.Request(accountId, serverIds, codes))
                .onFailure().transform(e -> refusal(e, prefix, fields))
                .map(r -> {
                    if (saved == null) {
                        return null;
                    }
                    List<ServerLink> links = new ArrayList<>(r.servers());
                    links.addAll(r.authorizationCodes().subList(0, saved.authorizationCodes().size()));
                    return saved.hostedOn(links);
                });
    }

    /** A stored website of the order and its position. */
    public record Positioned(int position, WebsiteContent content) {
    }

    /**
     * subject-service's refusal of an entry (400, or 409 for a code another order holds) as this request's problem, its
     * fields renamed; its 409 for an order no longer editable as ours; its 404 as the order's. Anything else — the
     * service unreachable, or an answer that names no entry the applicant typed (a request website-service got wrong)
     * — is a 503: the applicant's input is not to blame, and nothing was saved.
     */
    private static Throwable refusal(Throwable e, String prefix, List<String> codeFields) {
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            JsonNode problem = body(w);
            List<FieldViolation> errors = new ArrayList<>();
            boolean entries = true;
            for (JsonNode v : problem.path("errors")) {
                String field = v.path("field").asText();
                entries &= field.matches("(serverIds|authorizationCodes)\\[\\d+]");
                errors.add(new FieldViolation(entries ? field(field, prefix, codeFields) : field,
                        v.path("code").asText(), v.path("message").asText()));
            }
            if (status == 409 && errors.isEmpty()) {
                return ProblemException.localized(ProblemType.CONFLICT, "detail.order-not-editable",
                        problem.path("currentState").asText());
            }
            if ((status == 400 || status == 409) && entries && !errors.isEmpty()) {
                return status == 409
                        ? ProblemException.localized(ProblemType.CONFLICT, "detail.authorization-code-in-use", errors)
                        : ProblemException.invalidFields(errors);
            }
            if (status == 404) {
                return ProblemException.notFound("Order");
            }
        }
        LOG.warnf("subject-service could not resolve servers: %s", e.toString());
        return ProblemException.localized(ProblemType.SERVICE_UNAVAILABLE, "detail.hosting-unavailable")
                .with("retryAfterSeconds", 5);
    }

    /** The problem document of an answer, or an empty one where the body is not JSON. */
    private static JsonNode body(WebApplicationException w) {
        try {
            JsonNode body = w.getResponse().readEntity(JsonNode.class);
            return body == null ? MissingNode.getInstance() : body;
        } catch (RuntimeException unreadable) {
            return MissingNode.getInstance();
        }
    }

    /** {@code serverIds[k]} is the saved website's; {@code authorizationCodes[k]} the k-th code sent. */
    private static String field(String field, String prefix, List<String> codeFields) {
        if (field.startsWith("authorizationCodes[")) {
            int k = Integer.parseInt(field.substring("authorizationCodes[".length(), field.indexOf(']')));
            return k < codeFields.size() ? codeFields.get(k) : field;
        }
        return prefix + field;
    }
}
