package cn.beian.review.service;

import cn.beian.review.domain.ReviewCase;
import cn.beian.review.repository.SnapshotStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A case's snapshot as one document in the snapshot's terms — {@code type}, {@code province}, {@code subject},
 * {@code websites[]}, {@code materials[]} — whose paths are the field keys rejection reasons name; and the findings
 * each owner's own checks produced, by owner. A CHANGE order's document adds {@code changeKind} and {@code changes}:
 * the diff against the approved records, field by field (subject-service's, then website-service's), each
 * {@code {field, before, after}} with personal data masked by its owner.
 */
@ApplicationScoped
public class CaseDocuments {

    private final SnapshotStore snapshots;
    private final ObjectMapper mapper;

    public CaseDocuments(SnapshotStore snapshots, ObjectMapper mapper) {
        this.snapshots = snapshots;
        this.mapper = mapper;
    }

    /** The document and the owners' findings of one case, from one read of its snapshots. */
    public record Read(ObjectNode document, ArrayNode findings) {
    }

    public Uni<Read> read(ReviewCase c) {
        return parts(c).map(p -> new Read(document(p), findings(p)));
    }

    public Uni<ObjectNode> document(ReviewCase c) {
        return parts(c).map(this::document);
    }

    private ObjectNode document(Parts p) {
        ObjectNode doc = mapper.createObjectNode();
        p.subject().ifPresent(s -> {
            doc.set("type", s.path("type"));
            doc.set("province", s.path("province"));
            doc.set("subject", s.path("subject"));
        });
        doc.set("websites", p.websites().map(w -> w.path("websites")).orElse(mapper.createArrayNode()));
        doc.set("materials", p.materials().map(m -> m.path("materials")).orElse(mapper.createArrayNode()));
        if ("CHANGE".equals(doc.path("type").asText())) {
            p.subject().ifPresent(s -> doc.set("changeKind", s.path("changeKind")));
            ArrayNode changes = mapper.createArrayNode();
            p.subject().ifPresent(s -> s.path("changes").forEach(c -> changes.add(c.deepCopy())));
            p.websites().ifPresent(w -> w.path("changes").forEach(c -> changes.add(c.deepCopy())));
            doc.set("changes", changes);
        }
        return doc;
    }

    /** Findings of subject-, website- and materials-service, each tagged with its owner. */
    public Uni<ArrayNode> findings(ReviewCase c) {
        return parts(c).map(this::findings);
    }

    private ArrayNode findings(Parts p) {
        ArrayNode all = mapper.createArrayNode();
        add(all, "subject-service", p.subject());
        add(all, "website-service", p.websites());
        add(all, "materials-service", p.materials());
        return all;
    }

    private static void add(ArrayNode all, String owner, Optional<JsonNode> part) {
        part.ifPresent(p -> p.path("findings").forEach(f -> all.add(((ObjectNode) f.deepCopy()).put("owner", owner))));
    }

    private Uni<Parts> parts(ReviewCase c) {
        return snapshots.get(c.orderId, SnapshotStore.SUBJECT, (long) c.submissionCount)
                .chain(s -> snapshots.get(c.orderId, SnapshotStore.WEBSITES, c.websitesVersion)
                        .chain(w -> snapshots.get(c.orderId, SnapshotStore.MATERIALS, c.materialsVersion)
                                .map(m -> new Parts(s.map(this::tree), w.map(this::tree), m.map(this::tree)))));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Parts(Optional<JsonNode> subject, Optional<JsonNode> websites, Optional<JsonNode> materials) {
    }
}
