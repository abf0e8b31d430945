package cn.beian.national.service;

import cn.beian.contract.domain.Province;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.PrincipalSnapshot;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.WebsiteSnapshot;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.FilingNumbers;
import cn.beian.national.domain.RegistryDomain;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.domain.RegistryWebsite;
import cn.beian.national.repository.Persist;
import cn.beian.national.repository.RegistryDomainRepository;
import cn.beian.national.repository.RegistrySubjectRepository;
import cn.beian.national.repository.RegistryWebsiteRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Writes an approved submission into the registry, per its type: a first filing's new subject (with its number and
 * password), new websites, access, cancelled access, changes and deregistrations. Answers the numbers it issued.
 */
@ApplicationScoped
public class RegistryWriter {

    private final RegistrySubjectRepository subjects;
    private final RegistryWebsiteRepository websites;
    private final RegistryDomainRepository domains;
    private final FilingPasswords passwords;
    private final NationalConfig config;

    public RegistryWriter(RegistrySubjectRepository subjects, RegistryWebsiteRepository websites,
            RegistryDomainRepository domains, FilingPasswords passwords, NationalConfig config) {
        this.subjects = subjects;
        this.websites = websites;
        this.domains = domains;
        this.passwords = passwords;
        this.config = config;
    }

    /** @param check the registry records the approval is about, as {@link SubmissionRules#conflicts} found them */
    Uni<IssuedNumbers> apply(SubmissionRequest r, SubmissionRules.Check check, OffsetDateTime now) {
        String own = config.ownProvider();
        return switch (r.type()) {
            case FIRST_FILING -> newSubject(r, now).chain(subject -> addWebsites(subject, r, own, now)
                    .chain(added -> passwords.issue(subject, now).map(x -> new IssuedNumbers(
                            subject.subjectFilingNumber, added, true))));
            case NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE -> subjects.lock(check.subject.id)
                    .chain(subject -> addWebsites(subject, r, own, now)
                            .map(added -> new IssuedNumbers(subject.subjectFilingNumber, added, false)));
            case ACCESS_FILING -> changeWebsites(r, check, now, (w, snap) -> {
                w.provider = own;
                w.status = FilingStatus.NORMAL;
            });
            case CANCEL_ACCESS -> changeWebsites(r, check, now, (w, snap) -> {
                w.provider = null;
                w.status = FilingStatus.EMPTY_SHELL;
            });
            case DEREGISTER_WEBSITE -> changeWebsites(r, check, now, (w, snap) -> w.status = FilingStatus.DEREGISTERED);
            case CHANGE -> change(r, check, now);
            case DEREGISTER_SUBJECT -> subjects.lock(check.subject.id).chain(subject -> {
                subject.status = FilingStatus.DEREGISTERED;
                subject.updatedAt = now;
                return websites.bySubject(subject.id).chain(ws -> {
                    ws.forEach(w -> {
                        w.status = FilingStatus.DEREGISTERED;
                        w.updatedAt = now;
                    });
                    return issued(subject.subjectFilingNumber, ws, false);
                });
            });
        };
    }

    private Uni<RegistrySubject> newSubject(SubmissionRequest r, OffsetDateTime now) {
        return uniqueSubjectNumber(r.province(), 20).chain(number -> {
            var s = r.subject();
            RegistrySubject subject = new RegistrySubject();
            subject.id = UUID.randomUUID();
            subject.subjectFilingNumber = number;
            subject.status = FilingStatus.NORMAL;
            subject.nature = s.nature();
            subject.name = s.name();
            subject.province = r.province();
            subject.certificateType = s.certificateType();
            subject.certificateNumber = s.certificateNumber();
            subject.provider = config.ownProvider();
            principal(subject, s.principal());
            subject.filedOn = now.toLocalDate();
            subject.updatedAt = now;
            return subjects.persist(subject);
        });
    }

    private static void principal(RegistrySubject subject, PrincipalSnapshot p) {
        subject.principalName = p.name();
        subject.principalCertificateType = p.certificateType();
        subject.principalCertificateNumber = p.certificateNumber();
        subject.principalMobile = p.mobile();
        subject.principalEmail = p.email();
    }

    private Uni<String> uniqueSubjectNumber(Province province, int attempts) {
        String candidate = FilingNumbers.candidate(province);
        return subjects.countByFilingNumber(candidate).chain(n -> {
            if (n == 0) {
                return Uni.createFrom().item(candidate);
            }
            if (attempts <= 1) {
                return Uni.createFrom().failure(new IllegalStateException("No free filing number found"));
            }
            return uniqueSubjectNumber(province, attempts - 1);
        });
    }

    private Uni<List<IssuedNumbers.Website>> addWebsites(RegistrySubject subject, SubmissionRequest r, String own,
            OffsetDateTime now) {
        List<IssuedNumbers.Website> out = new ArrayList<>();
        List<RegistryWebsite> ws = new ArrayList<>();
        List<RegistryDomain> ds = new ArrayList<>();
        for (WebsiteSnapshot snap : r.websites()) {
            RegistryWebsite w = new RegistryWebsite();
            w.id = UUID.randomUUID();
            w.subjectId = subject.id;
            w.websiteFilingNumber = subject.nextWebsiteFilingNumber();
            w.name = snap.name();
            w.status = FilingStatus.NORMAL;
            w.provider = own;
            w.principalName = snap.principal().name();
            w.principalMobile = snap.principal().mobile();
            w.filedOn = now.toLocalDate();
            w.updatedAt = now;
            ws.add(w);
            snap.domains().forEach(d -> ds.add(RegistryDomain.of(w.id, d)));
            out.add(new IssuedNumbers.Website(w.name, snap.domains(), w.websiteFilingNumber, w.status));
        }
        subject.updatedAt = now;
        return Persist.all(websites, ws).chain(() -> Persist.all(domains, ds)).replaceWith(out);
    }

    private Uni<IssuedNumbers> changeWebsites(SubmissionRequest r, SubmissionRules.Check check, OffsetDateTime now,
            BiConsumer<RegistryWebsite, WebsiteSnapshot> change) {
        List<RegistryWebsite> changed = new ArrayList<>();
        for (WebsiteSnapshot snap : r.websites()) {
            RegistryWebsite w = check.websitesByNumber.get(snap.websiteFilingNumber());
            change.accept(w, snap);
            w.updatedAt = now;
            changed.add(w);
        }
        return issued(check.subject.subjectFilingNumber, changed, false);
    }

    private Uni<IssuedNumbers> change(SubmissionRequest r, SubmissionRules.Check check, OffsetDateTime now) {
        return subjects.lock(check.subject.id).chain(subject -> {
            var s = r.subject();
            subject.name = s.name();
            subject.certificateType = s.certificateType();
            subject.certificateNumber = s.certificateNumber();
            principal(subject, s.principal());
            subject.updatedAt = now;
            List<RegistryDomain> replaced = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (WebsiteSnapshot snap : r.websites()) {
                RegistryWebsite w = check.websitesByNumber.get(snap.websiteFilingNumber());
                w.name = snap.name();
                w.principalName = snap.principal().name();
                w.principalMobile = snap.principal().mobile();
                w.updatedAt = now;
                snap.domains().forEach(d -> replaced.add(RegistryDomain.of(w.id, d)));
                chain = chain.chain(() -> domains.deleteByWebsite(w.id)).replaceWithVoid();
            }
            List<RegistryWebsite> changed = r.websites().stream()
                    .map(snap -> check.websitesByNumber.get(snap.websiteFilingNumber())).toList();
            return chain.chain(() -> domains.getSession()).chain(session -> session.flush())
                    .chain(() -> Persist.all(domains, replaced))
                    .chain(() -> issued(subject.subjectFilingNumber, changed, false));
        });
    }

    private Uni<IssuedNumbers> issued(String subjectNumber, List<RegistryWebsite> ws, boolean password) {
        return domains.byWebsites(ws.stream().map(w -> w.id).toList()).map(ds -> {
            Map<UUID, List<String>> byWebsite = Views.domainsByWebsite(ds);
            return new IssuedNumbers(subjectNumber, ws.stream().map(w -> new IssuedNumbers.Website(w.name,
                    byWebsite.getOrDefault(w.id, List.of()), w.websiteFilingNumber, w.status)).toList(), password);
        });
    }
}
