package cn.beian.subject.service;

import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.privacy.Masking;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.subject.config.SubjectConfig;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.repository.ConfirmedMobileRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the subject principal's mobile an order files was confirmed by its account (an SMS code, notification-service's
 * {@code mobile.confirmed.v1}), so that a wrong number is caught before the administration's SMS verification fails.
 * Asked where the applicant entered the number: the new filings (first filing, both new-website types) and a CHANGE
 * whose revision gives the principal another mobile than the approved one; not an access filing (the registry's
 * data), a cancel-access order or a deregistration. A confirmation counts for {@code beian.mobile-confirmation.validity}.
 */
@ApplicationScoped
public class MobileConfirmations {

    /** The finding's id (a documented own-check id, as the README's error-code table lists it). */
    public static final String UNCONFIRMED = "MOBILE_UNCONFIRMED";

    private final ConfirmedMobileRepository confirmed;
    private final SubjectRepository subjects;
    private final SubjectConfig.MobileConfirmation config;
    private final BeianClock clock;

    public MobileConfirmations(ConfirmedMobileRepository confirmed, SubjectRepository subjects,
            SubjectConfig.MobileConfirmation config, BeianClock clock) {
        this.confirmed = confirmed;
        this.subjects = subjects;
        this.config = config;
        this.clock = clock;
    }

    /** Records {@code mobile.confirmed.v1} (inside the idempotent consumer's transaction). */
    public Uni<Void> confirmed(MobileConfirmed e) {
        if (e == null || e.accountId() == null || e.accountId().isBlank() || e.mobileKey() == null
                || e.mobileKey().isBlank() || e.confirmedAt() == null) {
            throw new MalformedEventException("mobile.confirmed.v1 without accountId, mobileKey or confirmedAt");
        }
        return confirmed.confirmed(e.accountId(), e.mobileKey(), e.confirmedAt());
    }

    /**
     * The subject principal's mobile, masked, when {@code order} (filing {@code subject}) needs it confirmed and its
     * account has not; empty otherwise — also when the mobile is missing or invalid (other checks name that).
     */
    public Uni<Optional<String>> unconfirmedPrincipalMobile(FilingOrder order, Subject subject) {
        if (!config.required() || !order.state.contentsEditable() || subject == null || subject.principal == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String mobile = subject.principal.mobile;
        Optional<String> key = Phones.mobileKey(mobile);
        if (key.isEmpty() || !entersData(order.type)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Uni<Boolean> asked = order.type != FilingType.CHANGE ? Uni.createFrom().item(true)
                : subjects.findById(order.subjectId).map(approved -> approved == null || approved.principal == null
                        || !Objects.equals(Phones.mobileNational(approved.principal.mobile), Phones.mobileNational(mobile)));
        return asked.chain(a -> !a ? Uni.createFrom().item(Optional.<String>empty())
                : confirmed.confirmedSince(order.accountId, List.of(key.get()), clock.now().minus(config.validity()))
                        .map(keys -> keys.contains(key.get()) ? Optional.<String>empty()
                                : Optional.of(Masking.mobile(mobile))));
    }

    /** The types whose subject data the applicant enters (a CHANGE only where it changes the mobile). */
    static boolean entersData(FilingType type) {
        return switch (type) {
            case FIRST_FILING, NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE, CHANGE -> true;
            case ACCESS_FILING, CANCEL_ACCESS, DEREGISTER_WEBSITE, DEREGISTER_SUBJECT -> false;
        };
    }
}
