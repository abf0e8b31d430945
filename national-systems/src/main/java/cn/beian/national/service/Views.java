package cn.beian.national.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SmsVerification;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.client.WebsiteFiling;
import cn.beian.national.domain.DomainRegistrationRecord;
import cn.beian.national.domain.RegistryDomain;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.domain.RegistryWebsite;
import cn.beian.national.domain.SmsChallenge;
import cn.beian.national.domain.Submission;
import cn.beian.platform.json.Json;
import cn.beian.time.BusinessCalendar;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns entities into the national-client records the services answer with (and the feed stores); stored JSON
 * columns are read through the platform's {@link Json}.
 */
final class Views {

    private Views() {
    }

    static WebsiteFiling website(RegistryWebsite w, List<RegistryDomain> domains, String ownProvider) {
        return new WebsiteFiling(w.websiteFilingNumber, w.name, w.status, w.provider,
                ownProvider.equals(w.provider),
                domains.stream().filter(d -> d.websiteId.equals(w.id)).map(d -> d.domain).toList(),
                w.principalName, w.filedOn);
    }

    static SubjectFiling subject(RegistrySubject s, CertificateMatch match, List<RegistryWebsite> websites,
            List<RegistryDomain> domains, String ownProvider) {
        return new SubjectFiling(s.subjectFilingNumber, s.status, s.nature, s.name, s.province, s.certificateType,
                s.certificateNumber, match, s.provider, ownProvider.equals(s.provider), s.principalName,
                s.passwordHash != null, s.filedOn,
                websites.stream().filter(w -> w.subjectId.equals(s.id)).map(w -> website(w, domains, ownProvider))
                        .toList());
    }

    static DomainRegistration registration(DomainRegistrationRecord r, OffsetDateTime now, BusinessCalendar calendar) {
        OffsetDateTime visibleFrom = r.realNameVerifiedAt == null ? null
                : calendar.plusBusinessDays(r.realNameVerifiedAt.atZoneSameInstant(cn.beian.time.BeianClock.CHINA), 3)
                        .toOffsetDateTime();
        return new DomainRegistration(r.domain, r.registrar, r.registrantName, r.registrantCertificateType,
                r.registrantCertificateNumber, r.realNameVerified, r.realNameVerifiedAt, visibleFrom,
                r.realNameVerified && visibleFrom != null && !visibleFrom.isAfter(now), r.registeredOn, r.expiresOn,
                r.expiresOn.isBefore(now.toLocalDate()), r.registeredAbroad);
    }

    static SmsVerification sms(Submission s, List<SmsChallenge> challenges) {
        if (challenges.isEmpty()) {
            return null;
        }
        return new SmsVerification(s.smsDeadline, s.smsWrongCodes, challenges.stream()
                .map(c -> new SmsVerification.Principal(Arrays.asList(c.roles.split(",")), Masking.mobile(c.mobile),
                        c.verifiedAt != null, c.verifiedAt))
                .toList());
    }

    static SubmissionView submission(Submission s, List<SmsChallenge> challenges, Json json) {
        return new SubmissionView(s.id, s.type, s.province, s.status, s.receivedAt, sms(s, challenges), s.reviewDueAt,
                s.decidedAt, outcome(s, json), reasons(s, json));
    }

    static IssuedNumbers outcome(Submission s, Json json) {
        return json.read(s.outcome, new TypeReference<IssuedNumbers>() {
        });
    }

    static List<Reason> reasons(Submission s, Json json) {
        return json.read(s.reasons, new TypeReference<List<Reason>>() {
        });
    }

    static Map<UUID, List<String>> domainsByWebsite(List<RegistryDomain> domains) {
        return domains.stream().collect(Collectors.groupingBy(d -> d.websiteId,
                Collectors.mapping(d -> d.domain, Collectors.toList())));
    }
}
