package cn.beian.subject.service;

import cn.beian.contract.events.subject.SubjectCreated;
import cn.beian.contract.privacy.Masking;
import cn.beian.subject.domain.Subject;

/** Builds the events subject-service publishes from its aggregates. */
public final class SubjectEvents {

    private SubjectEvents() {
    }

    public static SubjectCreated created(Subject s) {
        String name = s.nature.isUnit() ? s.name : Masking.personName(s.name);
        return new SubjectCreated(s.id.toString(), s.accountId, s.nature, s.province, name, s.certificateType,
                Masking.certificateNumber(s.certificateNumber),
                new SubjectCreated.Contact(s.principal.name, s.principal.mobile, s.principal.email), s.createdAt);
    }
}
