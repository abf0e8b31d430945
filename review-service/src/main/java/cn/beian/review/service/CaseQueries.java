package cn.beian.review.service;

import cn.beian.contract.events.review.ReviewKind;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.AuthoritySubmission;
import cn.beian.review.domain.CaseNote;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.OrderProjection;
import cn.beian.review.domain.Rejection;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.NoteRepository;
import cn.beian.review.repository.OrderProjectionRepository;
import cn.beian.review.repository.RejectionRepository;
import cn.beian.review.repository.ReviewCaseRepository;
import cn.beian.review.repository.SubmissionRepository;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads for the queue, the case view (with its checklist), the applicant's rejections and the gateway's submissions. */
@ApplicationScoped
public class CaseQueries {

    private final ReviewCaseRepository cases;
    private final OrderProjectionRepository orders;
    private final AuditRepository audit;
    private final NoteRepository notes;
    private final RejectionRepository rejections;
    private final SubmissionRepository submissions;
    private final CaseDocuments documents;
    private final CaseAssembly assembly;
    private final CaseChecklist checklist;

    public CaseQueries(ReviewCaseRepository cases, OrderProjectionRepository orders, AuditRepository audit,
            NoteRepository notes, RejectionRepository rejections, SubmissionRepository submissions,
            CaseDocuments documents, CaseAssembly assembly, CaseChecklist checklist) {
        this.cases = cases;
        this.orders = orders;
        this.audit = audit;
        this.notes = notes;
        this.rejections = rejections;
        this.submissions = submissions;
        this.documents = documents;
        this.assembly = assembly;
        this.checklist = checklist;
    }

    /** A queue entry: the case, its order, and what it still waits for where it is assembling. */
    public record Entry(ReviewCase c, OrderProjection order, List<String> missing) {
    }

    /**
     * Everything a reviewer sees of one case.
     *
     * @param fullPersonalData whether {@code snapshot} is unmasked (the viewer holds the case's live claim)
     */
    public record Detail(Entry entry, ObjectNode snapshot, ArrayNode findings, List<AuditEntry> orderHistory,
            List<AuditEntry> trail, List<CaseNote> notes, List<Rejection> rejections, boolean fullPersonalData,
            List<CaseChecklist.Line> checklist, SecondApproval.Grounds approvalGrounds) {
    }

    /** The action recorded in a case's trail for every read of its unmasked personal data. */
    public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";

    /** The queue, oldest first; without statuses the live cases (OPEN and ASSEMBLING). */
    @WithSession
    public Uni<List<Entry>> queue(List<CaseStatus> statuses, ReviewKind kind, String orderId, Cursor after,
            int limit) {
        List<CaseStatus> wanted = statuses == null || statuses.isEmpty()
                ? List.of(CaseStatus.OPEN, CaseStatus.ASSEMBLING) : statuses;
        return cases.queue(wanted, kind, orderId, after, limit).chain(list -> list.isEmpty()
                ? Uni.createFrom().item(List.<Entry>of())
                : Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(this::entry).collect().asList());
    }

    @WithSession
    public Uni<Entry> entry(UUID id) {
        return cases.findById(id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("ReviewCase");
            }
            return entry(c);
        });
    }

    /** The entry of a case already in hand (just claimed or released): its order, without reading it again. */
    @WithSession
    public Uni<Entry> entry(ReviewCase c) {
        return orders.findById(c.orderId).chain(o -> (c.status == CaseStatus.ASSEMBLING
                ? assembly.missing(c) : Uni.createFrom().item(List.<String>of())).map(m -> new Entry(c, o, m)));
    }

    /**
     * One case as {@code viewerId} may see it: personal data in full only to the reviewer holding the case's live
     * claim on an open case (each such read is written to the case's trail, in this transaction, before the trail
     * is read); masked for every other reviewer and admin, and for everyone once the case is closed.
     */
    @WithTransaction
    public Uni<Detail> detail(UUID id, String viewerId, OffsetDateTime now, boolean english) {
        return entry(id).chain(e -> {
            ReviewCase c = e.c();
            boolean full = c.status == CaseStatus.OPEN && c.leaseActive(now) && viewerId.equals(c.claimedBy);
            Uni<Void> recorded = full
                    ? audit.persist(AuditEntry.of(c.orderId, c.id, PERSONAL_DATA_READ, viewerId, c.version,
                            "unmasked case view (claim holder)", now)).chain(audit::flush)
                    : Uni.createFrom().voidItem();
            return recorded.chain(() -> documents.read(c)).chain(read -> checklist.of(c, read.document(), english)
                    .chain(items -> audit.ofOrder(c.orderId).chain(history -> audit.ofCase(c.id)
                            .chain(trail -> notes.ofCase(c.id).chain(n -> rejections.ofOrder(c.orderId)
                                    .map(r -> new Detail(e, full ? read.document()
                                            : PersonalData.masked(read.document()), read.findings(), history, trail,
                                            n, r, full, items, SecondApproval.of(read.findings(), items))))))));
        });
    }

    /** The order's rejections, for its own applicant (another account's order is a 404) or staff. */
    @WithSession
    public Uni<List<Rejection>> rejections(String orderId, String accountId, boolean staff) {
        return orders.findById(orderId).chain(o -> {
            if (o == null || (!staff && !o.accountId.equals(accountId))) {
                throw ProblemException.notFound("Order");
            }
            return rejections.ofOrder(orderId);
        });
    }

    @WithSession
    public Uni<List<AuthoritySubmission>> submissions(String orderId, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("createdAt").newestFirst().where("orderId", orderId).after(after);
        return submissions.find(k.query(), k.parameters()).range(0, limit - 1).list();
    }

    @WithSession
    public Uni<AuthoritySubmission> submission(String id) {
        return submissions.findById(id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("Submission");
            }
            return s;
        });
    }
}
