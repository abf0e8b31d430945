package cn.beian.review.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.review.domain.ChecklistAnswer;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.repository.ChecklistAnswerRepository;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.ReviewChecklist;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's checklist: the province's reviewer items ({@link ReviewChecklist}) for the order as its frozen snapshot
 * shows it — its filing type, the subject's province and nature pick them — each with the answer given, if any.
 */
@ApplicationScoped
public class CaseChecklist {

    private final CaseDocuments documents;
    private final ChecklistAnswerRepository answers;

    public CaseChecklist(CaseDocuments documents, ChecklistAnswerRepository answers) {
        this.documents = documents;
        this.answers = answers;
    }

    /** One item: its catalogue id, what to check in the caller's language, and its answer (null while unanswered). */
    public record Line(String itemId, String text, ChecklistAnswer answer) {
    }

    /** The items of the case's order that a case of its kind looks at, in the catalogue's order. */
    public Uni<List<ReviewChecklist.Item>> items(ReviewCase c, boolean english) {
        return documents.document(c).map(doc -> ReviewChecklist.of(order(doc), c.kind, english));
    }

    /** The items with their answers, for the case's snapshot document already read ({@link CaseDocuments#read}). */
    public Uni<List<Line>> of(ReviewCase c, JsonNode document, boolean english) {
        List<ReviewChecklist.Item> items = ReviewChecklist.of(order(document), c.kind, english);
        return answers.ofCase(c.id).map(given -> lines(items, given));
    }

    static List<Line> lines(List<ReviewChecklist.Item> items, List<ChecklistAnswer> given) {
        Map<String, ChecklistAnswer> byItem = new HashMap<>();
        given.forEach(a -> byItem.put(a.itemId, a));
        List<Line> lines = new ArrayList<>();
        for (ReviewChecklist.Item i : items) {
            lines.add(new Line(i.id(), i.text(), byItem.get(i.id())));
        }
        return lines;
    }

    /**
     * The snapshot document ({@link CaseDocuments#document}) as the rules read an order. The subject snapshot keeps
     * the province beside the subject, the rules inside it. Only what the snapshot holds is filled; a value the rules'
     * enums do not know is left out (null) rather than failing the case view.
     */
    static OrderDocument order(JsonNode doc) {
        JsonNode s = doc.path("subject");
        OrderDocument.Subject subject = new OrderDocument.Subject(
                parse(SubjectNature.class, s.path("nature")), parse(Province.class, doc.path("province")),
                text(s.path("city")), text(s.path("district")), text(s.path("name")),
                parse(CertificateType.class, s.path("certificateType")), text(s.path("certificateNumber")), null,
                text(s.path("certificateAddress")), text(s.path("communicationAddress")),
                text(s.path("investorOrSupervisor")), text(s.path("remarks")), null, null, null,
                person(s.path("principal")), null);
        List<OrderDocument.Website> websites = new ArrayList<>();
        for (JsonNode w : doc.path("websites")) {
            List<String> domains = new ArrayList<>();
            w.path("domains").forEach(d -> domains.add(d.asText()));
            List<String> urls = new ArrayList<>();
            w.path("homepageUrls").forEach(u -> urls.add(u.asText()));
            websites.add(new OrderDocument.Website(text(w.path("name")), domains, urls, null, null, null, null,
                    text(w.path("remarks")), w.path("principalSameAsSubject").isBoolean()
                            ? w.path("principalSameAsSubject").asBoolean() : null,
                    person(w.path("principal")), null));
        }
        return new OrderDocument(parse(FilingType.class, doc.path("type")),
                parse(OrderDocument.ChangeKind.class, doc.path("changeKind")), subject, websites, null, null);
    }

    private static OrderDocument.Person person(JsonNode p) {
        if (!p.isObject()) {
            return null;
        }
        return new OrderDocument.Person(text(p.path("name")), parse(CertificateType.class, p.path("certificateType")),
                text(p.path("certificateNumber")), null, text(p.path("mobile")), text(p.path("officePhone")),
                text(p.path("email")));
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, JsonNode n) {
        if (!n.isTextual()) {
            return null;
        }
        try {
            return Enum.valueOf(type, n.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
