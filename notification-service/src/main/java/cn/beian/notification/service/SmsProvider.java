package cn.beian.notification.service;

import cn.beian.notification.domain.SmsReport;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SMS provider as Chinese providers work: a registered signature and template code with parameters, one
 * number per call here. {@code outId} (the delivery id) lets the provider's receipts be matched. Answers the
 * provider's message id; fails with {@link SendFailure}.
 */
public interface SmsProvider {

    Uni<String> send(String mobile, String templateCode, Map<String, String> params, String text, String outId);

    /**
     * The provider's id of the message it already accepted for {@code mobile} with {@code outId}, if any: asked before
     * a message is sent again whose dispatcher died after claiming it, so that a message that did reach the provider
     * is recorded, not sent twice. A provider that cannot tell answers empty (the message is then sent again).
     */
    default Uni<Optional<String>> accepted(String mobile, String outId) {
        return Uni.createFrom().item(Optional.empty());
    }

    /** A page of delivery reports and the position to read on from. */
    record ReportPage(List<SmsReport> reports, String next) {
    }

    /**
     * The delivery reports that arrived after {@code after} (null: from the first the provider keeps), at most
     * {@code limit}; empty when the provider gives no reports (the {@code log} provider): nothing is then learnt about
     * delivery, and no mobile is ever found undeliverable.
     */
    default Uni<Optional<ReportPage>> reports(String after, int limit) {
        return Uni.createFrom().item(Optional.empty());
    }
}
