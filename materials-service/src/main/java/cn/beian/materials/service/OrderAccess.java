package cn.beian.materials.service;

import cn.beian.materials.domain.MaterialKind;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import java.util.List;

/** Who may see or change an order's materials (docs/architecture.md → Security; docs/domain.md §3.2). */
final class OrderAccess {

    private OrderAccess() {
    }

    /**
     * Applicants read their own orders. Of the reviewers, only the one holding the claim of the order's review case
     * reads it under review (least privilege: the files are certificates and faces); any reviewer while it awaits
     * curtain photos, as the verification point that takes them. Anything else is not there (404).
     */
    static OrderProjection readable(OrderProjection o, Caller caller) {
        if (o == null || o.purgedAt != null) {
            throw ProblemException.notFound("Order");
        }
        if (o.accountId.equals(caller.id()) || reviewerMayRead(o, caller)) {
            return o;
        }
        throw ProblemException.notFound("Order");
    }

    static boolean reviewerMayRead(OrderProjection o, Caller caller) {
        return caller.reviewer() && (o.underReview() && caller.id().equals(o.claimedBy) || o.state.photoEditable());
    }

    /**
     * The owner may change materials while its state allows (409 otherwise); a reviewer only curtain photos, as a
     * verification point, while the order awaits them.
     */
    static OrderProjection writable(OrderProjection o, Caller caller, MaterialKind kind) {
        if (o == null || o.purgedAt != null) {
            throw ProblemException.notFound("Order");
        }
        boolean owner = o.accountId.equals(caller.id());
        boolean verificationPoint = caller.reviewer() && kind.isCurtainPhoto() && o.state.photoEditable();
        if (!owner && !verificationPoint) {
            throw ProblemException.notFound("Order");
        }
        if (!o.accepts(kind)) {
            throw locked(o, kind);
        }
        return o;
    }

    static ProblemException locked(OrderProjection o, MaterialKind kind) {
        String key = kind.isCurtainPhoto() ? "detail.curtain-photo-locked" : "detail.materials-locked";
        return ProblemException.localized(ProblemType.CONFLICT, key, o.state.name())
                .with("currentState", o.state.name())
                .with("allowedActions", o.state.photoEditable() ? List.of("UPLOAD_CURTAIN_PHOTO", "SUBMIT_PHOTOS")
                        : o.state.contentsEditable() ? List.of("UPLOAD_MATERIAL", "REMOVE_MATERIAL") : List.of());
    }
}
