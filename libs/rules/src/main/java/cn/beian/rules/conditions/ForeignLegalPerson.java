package cn.beian.rules.conditions;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import java.util.Map;

/**
 * {@code FOREIGN_LEGAL_PERSON}: the unit's legal person holds a foreigner's certificate (passport or foreigner's
 * permanent residence card). Unknown while the legal person or the certificate type is missing.
 */
final class ForeignLegalPerson implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        Person legal = order.subject() == null ? null : order.subject().legalPerson();
        if (legal == null || legal.certificateType() == null) {
            return null;
        }
        return legal.certificateType() == CertificateType.PASSPORT
                || legal.certificateType() == CertificateType.FOREIGNER_PERMANENT_RESIDENCE;
    }
}
