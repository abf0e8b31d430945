package cn.beian.notification.service;

import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.privacy.Masking;
import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.MobileConfirmation;
import cn.beian.notification.repository.MobileConfirmationRepository;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.contract.privacy.Fingerprints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import cn.beian.validators.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Confirms that an applicant's account reaches a mobile number it enters (a subject's or a website's principal), as
 * the seed system's forms do: a 6-digit code is texted to the number at once (an SMS the applicant asked for, so
 * quiet hours do not hold it), and entering it within {@code code-validity} confirms the number — announced as
 * {@code mobile.confirmed.v1} through the outbox in the same transaction, so subject- and website-service let the
 * account's orders with that number be submitted. A wrong number is so caught while the applicant is still at the
 * form, not weeks later when the administration's own SMS verification fails and the order is returned.
 *
 * <p>The code is kept only as a hash, the number only as its key and masked; neither is ever logged.
 */
@ApplicationScoped
public class MobileConfirmationService {

    static final String KIND = "mobile.confirmation-code";
    private static final Logger LOG = Logger.getLogger(MobileConfirmationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MobileConfirmationRepository confirmations;
    private final OutboxWriter outbox;
    private final SmsProvider sms;
    private final MessageTemplates templates;
    private final NotificationConfig config;
    private final BeianClock clock;

    public MobileConfirmationService(MobileConfirmationRepository confirmations, OutboxWriter outbox, SmsProvider sms,
            MessageTemplates templates, NotificationConfig config, BeianClock clock) {
        this.confirmations = confirmations;
        this.outbox = outbox;
        this.sms = sms;
        this.templates = templates;
        this.config = config;
        this.clock = clock;
    }

    /** A code sent (or a confirmation as it stands after an attempt), with when another code may be asked for. */
    public record Issued(MobileConfirmation confirmation, OffsetDateTime resendAllowedAt, int attemptsLeft) {
    }

    /**
     * Sends a new code to {@code mobile} for {@code accountId}: 400 naming {@code mobile} when it is not a mainland
     * mobile number, 429 (with {@code retryAfterSeconds}) past a limit, 503 when the SMS gateway did not take it (the
     * code is then dropped and counts against no limit).
     */
    public Uni<Issued> issue(String accountId, String mobile) {
        Optional<Problem> invalid = mobile == null
                ? Optional.of(Problem.keyed("REQUIRED", "field.mobile-required", "Required"))
                : Phones.validateMobile(mobile);
        if (invalid.isPresent()) {
            Problem p = invalid.get();
            return Uni.createFrom().failure(ProblemException.invalidFields(List.of(
                    FieldViolation.of("mobile", p.code(), p.key(), p.args().toArray()))));
        }
        String national = Phones.mobileNational(mobile).orElseThrow();
        String key = Phones.mobileKey(mobile).orElseThrow();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        return Panache.withTransaction(() -> confirmations.lock(key, accountId)
                        .chain(() -> checkLimits(accountId, key))
                        .chain(() -> {
                            OffsetDateTime now = clock.now();
                            MobileConfirmation c = new MobileConfirmation();
                            c.id = UUID.randomUUID();
                            c.accountId = accountId;
                            c.mobileKey = key;
                            c.mobileMasked = Masking.mobile(national);
                            c.codeHash = hash(c.id, code);
                            c.createdAt = now;
                            c.expiresAt = now.plus(config.mobileConfirmation().codeValidity());
                            return confirmations.persist(c);
                        }))
                .chain(c -> send(c, national, code).onFailure().call(() -> drop(c)).replaceWith(c))
                .map(c -> {
                    LOG.infof("Mobile confirmation %s: code sent to %s for account %s", c.id, c.mobileMasked,
                            accountId);
                    return issued(c);
                });
    }

    /**
     * Enters {@code code} for the account's confirmation {@code id}: the confirmation answered when it is right (or was
     * already confirmed); 400 naming {@code code} with {@code attemptsLeft} when it is wrong (the attempt counts); 409
     * when the code expired or {@code max-attempts} wrong codes were entered (a new one must be asked for); 404 for an
     * unknown id or another account's.
     */
    public Uni<Issued> confirm(String accountId, UUID id, String code) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalidFields(List.of(
                    FieldViolation.of("code", "REQUIRED", "field.confirmation-code-required"))));
        }
        return Panache.withTransaction(() -> confirmations.lockById(id).chain(c -> {
            if (c == null || !c.accountId.equals(accountId)) {
                throw ProblemException.notFound("MobileConfirmation");
            }
            if (c.confirmedAt != null) {
                return Uni.createFrom().item(c);
            }
            OffsetDateTime now = clock.now();
            int max = config.mobileConfirmation().maxAttempts();
            if (c.attempts >= max) {
                throw ProblemException.localized(ProblemType.CONFLICT, "detail.mobile-confirmation-spent", max)
                        .with("code", "MOBILE_CONFIRMATION_SPENT");
            }
            if (!now.isBefore(c.expiresAt)) {
                throw ProblemException.localized(ProblemType.CONFLICT, "detail.mobile-confirmation-expired")
                        .with("code", "MOBILE_CONFIRMATION_EXPIRED").with("expiredAt", c.expiresAt);
            }
            if (!MessageDigest.isEqual(hash(c.id, code.strip()).getBytes(StandardCharsets.US_ASCII),
                    c.codeHash.getBytes(StandardCharsets.US_ASCII))) {
                c.attempts++;
                return Uni.createFrom().item(c);
            }
            c.confirmedAt = now;
            return outbox.append(new MobileConfirmed(c.accountId, c.mobileKey, now)).replaceWith(c);
        })).map(c -> {
            if (c.confirmedAt == null) {
                int left = Math.max(0, config.mobileConfirmation().maxAttempts() - c.attempts);
                throw ProblemException.invalidFields(List.of(FieldViolation.of("code", "CONFIRMATION_CODE_WRONG",
                        "field.confirmation-code-wrong", left))).with("attemptsLeft", left);
            }
            LOG.infof("Mobile confirmation %s: %s confirmed for account %s", c.id, c.mobileMasked, accountId);
            return issued(c);
        });
    }

    /** One code per mobile per resend interval, per mobile per Beijing day, per account per hour. */
    private Uni<Void> checkLimits(String accountId, String key) {
        NotificationConfig.MobileConfirmation limits = config.mobileConfirmation();
        OffsetDateTime now = clock.now();
        OffsetDateTime dayStart = now.toLocalDate().atStartOfDay(BeianClock.CHINA).toOffsetDateTime();
        return confirmations.sentToMobileSince(key, dayStart).chain(toMobile -> {
            if (!toMobile.isEmpty() && toMobile.get(0).plus(limits.resendInterval()).isAfter(now)) {
                throw tooMany("detail.mobile-confirmation-resend-wait",
                        toMobile.get(0).plus(limits.resendInterval()), now).with("code", "MOBILE_CONFIRMATION_TOO_SOON");
            }
            if (toMobile.size() >= limits.perMobilePerDay()) {
                throw tooMany("detail.mobile-confirmation-mobile-day",
                        dayStart.plusDays(1), now).with("code", "MOBILE_CONFIRMATION_DAILY_LIMIT");
            }
            return confirmations.askedByAccountSince(accountId, now.minusHours(1));
        }).map(byAccount -> {
            if (byAccount.size() >= limits.perAccountPerHour()) {
                throw tooMany("detail.mobile-confirmation-account-hour",
                        byAccount.get(byAccount.size() - limits.perAccountPerHour()).plusHours(1), now)
                        .with("code", "MOBILE_CONFIRMATION_ACCOUNT_LIMIT");
            }
            return null;
        });
    }

    private static ProblemException tooMany(String key, OffsetDateTime allowedAt, OffsetDateTime now) {
        long seconds = Math.max(1, (Duration.between(now, allowedAt).toMillis() + 999) / 1000);
        return ProblemException.localized(ProblemType.TOO_MANY_REQUESTS, key, seconds)
                .with("retryAfterSeconds", seconds).with("allowedAt", allowedAt);
    }

    private Uni<String> send(MobileConfirmation c, String national, String code) {
        Map<String, Object> params = Map.of("code", code,
                "minutes", String.valueOf(config.mobileConfirmation().codeValidity().toMinutes()));
        MessageTemplates.Rendered r = templates.render(KIND, Channel.SMS, config.locale(), params);
        return sms.send(national, r.smsTemplateCode(), r.smsParams(), r.body(), c.id.toString())
                .onFailure().transform(f -> {
                    LOG.warnf("Mobile confirmation %s: the SMS to %s was not taken: %s", c.id, c.mobileMasked,
                            f.getMessage());
                    return ProblemException.localized(ProblemType.SERVICE_UNAVAILABLE,
                            "detail.mobile-confirmation-not-sent").with("code", "SMS_NOT_SENT")
                            .with("retryAfterSeconds", 10);
                });
    }

    /** A code the gateway did not take: forgotten, so that it counts against no limit. */
    private Uni<Void> drop(MobileConfirmation c) {
        return Panache.withTransaction(() -> confirmations.deleteById(c.id)).replaceWithVoid();
    }

    private Issued issued(MobileConfirmation c) {
        return new Issued(c, c.createdAt.plus(config.mobileConfirmation().resendInterval()),
                Math.max(0, config.mobileConfirmation().maxAttempts() - c.attempts));
    }

    /** The code as kept: a hash of it with the confirmation's id (so equal codes never look alike). */
    static String hash(UUID id, String code) {
        return Fingerprints.of(id + ":" + code, 32);
    }
}
