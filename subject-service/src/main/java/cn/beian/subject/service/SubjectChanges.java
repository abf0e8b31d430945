package cn.beian.subject.service;

import cn.beian.contract.events.snapshot.FieldChange;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields a CHANGE order's revision changes in the approved subject, field by field (before → after), keyed as the
 * applicant edits them ({@code subject.communicationAddress}, {@code subject.principal.mobile}), personal data masked
 * ({@link FieldChange}). What the reviewer reads in the case, and what tells a change that changes nothing.
 */
public final class SubjectChanges {

    private SubjectChanges() {
    }

    /** Each field of {@code filed} that differs from {@code approved}, in the order of the subject's form. */
    public static List<FieldChange> between(Subject approved, Subject filed) {
        Map<String, String> before = fields(approved);
        Map<String, String> after = fields(filed);
        List<FieldChange> out = new ArrayList<>();
        before.forEach((field, was) -> {
            String now = after.get(field);
            if (!Objects.equals(was, now)) {
                out.add(FieldChange.of(field, was, now));
            }
        });
        return out;
    }

    private static Map<String, String> fields(Subject s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("subject.name", s.name);
        m.put("subject.city", s.city);
        m.put("subject.district", s.district);
        m.put("subject.certificateAddress", s.certificateAddress);
        m.put("subject.communicationAddress", s.communicationAddress);
        m.put("subject.investor", s.investor);
        m.put("subject.remarks", s.remarks);
        Principal p = s.principal == null ? new Principal() : s.principal;
        m.put("subject.principal.name", p.name);
        m.put("subject.principal.certificateType", p.certificateType == null ? null : p.certificateType.name());
        m.put("subject.principal.certificateNumber", p.certificateNumber);
        m.put("subject.principal.certificateValidUntil",
                p.certificateValidUntil == null ? null : p.certificateValidUntil.toString());
        m.put("subject.principal.mobile", p.mobile);
        m.put("subject.principal.officePhone", p.officePhone);
        m.put("subject.principal.email", p.email);
        m.put("subject.legalPerson.name", s.legalPersonName);
        m.put("subject.legalPerson.certificateType",
                s.legalPersonCertificateType == null ? null : s.legalPersonCertificateType.name());
        m.put("subject.legalPerson.certificateNumber", s.legalPersonCertificateNumber);
        return m;
    }
}
