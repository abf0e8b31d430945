package cn.beian.subject.service;

import cn.beian.rules.Facts;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.validators.Phones;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What this provider's filing records say about the people of a subject, for the province rules that limit how many
 * subjects a principal or a mobile number may serve (MOBILE_USES, PRINCIPAL_NOT_ON_OTHER_SUBJECTS): the other subjects
 * here that hold a filing number and share the principal's certificate or mobile. A subject without a number yet is
 * not a record; a deregistered one holds none.
 */
@ApplicationScoped
public class SubjectRecords {

    private final SubjectRepository subjects;

    public SubjectRecords(SubjectRepository subjects) {
        this.subjects = subjects;
    }

    public Uni<Facts.Records> of(Subject subject) {
        if (subject.principal == null) {
            return Uni.createFrom().item(new Facts.Records(null, null, null));
        }
        // as stored, and as the rules compare them (an ID's X in upper case, a mobile's 11 digits)
        Set<String> certificates = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        String certificate = subject.principal.certificateNumber;
        if (certificate != null) {
            certificates.add(certificate);
            certificates.add(certificate.toUpperCase(Locale.ROOT));
        }
        String mobile = subject.principal.mobile;
        if (mobile != null) {
            mobiles.add(mobile);
            Phones.mobileNational(mobile).ifPresent(mobiles::add);
        }
        return subjects.filedOthersOf(subject.id, certificates, mobiles).map(SubjectRecords::records);
    }

    private static Facts.Records records(List<Subject> others) {
        Map<String, List<String>> subjectsByMobile = new HashMap<>();
        Map<String, List<String>> holdersByMobile = new HashMap<>();
        Map<String, List<String>> subjectsByPrincipal = new HashMap<>();
        for (Subject o : others) {
            String id = o.id.toString();
            Phones.mobileNational(o.principal.mobile).ifPresent(m -> {
                subjectsByMobile.computeIfAbsent(m, k -> new ArrayList<>()).add(id);
                holdersByMobile.computeIfAbsent(m, k -> new ArrayList<>()).add(o.principal.certificateNumber);
            });
            subjectsByPrincipal.computeIfAbsent(o.principal.certificateNumber.toUpperCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(id);
        }
        return new Facts.Records(subjectsByMobile, holdersByMobile, subjectsByPrincipal);
    }
}
