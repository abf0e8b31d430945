package cn.beian.review.service;

import cn.beian.contract.events.review.ReviewKind;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.repository.ReviewCaseRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the curtain photo approved earlier in an order still holds for its re-review: the photo shows each website
 * principal, so it holds only while the websites name the same people (by certificate) as the snapshot the photo was
 * approved against. A re-review whose principals changed must go through a new photo review, not straight to the
 * administration.
 */
@ApplicationScoped
public class PhotoValidity {

    private final ReviewCaseRepository cases;
    private final CaseDocuments documents;

    public PhotoValidity(ReviewCaseRepository cases, CaseDocuments documents) {
        this.cases = cases;
        this.documents = documents;
    }

    /**
     * For the approval of {@code c}: {@code null} unless it is a re-review; else whether the order's last approved photo
     * case saw the same principals as {@code c}'s snapshot ({@code false} where no photo was approved).
     */
    public Uni<Boolean> onApproval(ReviewCase c) {
        if (c.kind != ReviewKind.RE_REVIEW) {
            return Uni.createFrom().nullItem();
        }
        return cases.lastApprovedPhoto(c.orderId).chain(photo -> photo == null ? Uni.createFrom().item(false)
                : documents.document(photo).chain(then -> documents.document(c)
                        .map(now -> principals(then).equals(principals(now)))));
    }

    /** The people a curtain photo shows: each website's principal by certificate type and number. */
    static Set<String> principals(JsonNode document) {
        Set<String> people = new TreeSet<>();
        for (JsonNode w : document.path("websites")) {
            JsonNode p = w.path("principal");
            people.add(p.path("certificateType").asText() + ":" + p.path("certificateNumber").asText());
        }
        return people;
    }
}
