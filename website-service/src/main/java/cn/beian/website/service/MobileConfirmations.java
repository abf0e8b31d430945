package cn.beian.website.service;

import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.repository.ConfirmedMobileRepository;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.WebsitesVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The mobiles each account confirmed by an SMS code (notification-service's {@code mobile.confirmed.v1}), which
 * {@link WebsitesJudge} asks for of the website principals' mobiles the applicant entered ({@code MOBILE_UNCONFIRMED}),
 * so that a wrong number is caught before the administration's SMS verification fails. A confirmation judges the
 * account's open orders that are not ready again at once: the finding clears, and a new readiness is announced,
 * without any further edit.
 */
@ApplicationScoped
public class MobileConfirmations {

    /** The finding's id (a documented own-check id, as the README's error-code table lists it). */
    public static final String UNCONFIRMED = "MOBILE_UNCONFIRMED";

    private final ConfirmedMobileRepository confirmed;
    private final OrderProjectionRepository orders;
    private final WebsitesVersionRepository versions;
    private final WebsitesJudge judge;

    public MobileConfirmations(ConfirmedMobileRepository confirmed, OrderProjectionRepository orders,
            WebsitesVersionRepository versions, WebsitesJudge judge) {
        this.confirmed = confirmed;
        this.orders = orders;
        this.versions = versions;
        this.judge = judge;
    }

    /** The types whose website data the applicant enters (a CHANGE only where it changes a principal's mobile). */
    static boolean entersData(FilingType type) {
        return switch (type) {
            case FIRST_FILING, NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE, CHANGE -> true;
            case ACCESS_FILING, CANCEL_ACCESS, DEREGISTER_WEBSITE, DEREGISTER_SUBJECT -> false;
        };
    }

    /**
     * Records {@code mobile.confirmed.v1} and judges again the account's open orders whose latest version names an
     * unconfirmed mobile (the others have nothing it could change).
     */
    public Uni<Void> confirmed(MobileConfirmed e) {
        if (e == null || e.accountId() == null || e.accountId().isBlank() || e.mobileKey() == null
                || e.mobileKey().isBlank() || e.confirmedAt() == null) {
            throw new MalformedEventException("mobile.confirmed.v1 without accountId, mobileKey or confirmedAt");
        }
        return confirmed.confirmed(e.accountId(), e.mobileKey(), e.confirmedAt())
                .chain(() -> orders.notReadyOf(e.accountId()))
                .chain(list -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (OrderProjection o : list) {
                        if (o.editable() && entersData(o.type)) {
                            chain = chain.chain(() -> versions.find(o.orderId, o.websitesVersion)
                                    .chain(v -> v != null && v.findings != null
                                            && v.findings.contains("\"" + UNCONFIRMED + "\"")
                                            ? judge.judge(o, Map.of()).replaceWithVoid()
                                            : Uni.createFrom().voidItem()));
                        }
                    }
                    return chain;
                });
    }
}
