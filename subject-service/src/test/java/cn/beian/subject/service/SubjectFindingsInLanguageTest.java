package cn.beian.subject.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.RuleEngine;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import cn.beian.testing.TestClock;
import cn.beian.validators.ResidentIdNumbers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A submission judges the subject once, in both languages, and reads its findings from that in the caller's language
 * (the ETag check, the refusal) while the snapshot carries both: what it reads must be exactly what the view judges.
 */
class SubjectFindingsInLanguageTest {

    @Test
    void theBilingualFindingsReadInOneLanguageAreWhatTheViewJudges() {
        FilingOrder order = new FilingOrder();
        order.type = FilingType.FIRST_FILING;
        order.province = Province.BEIJING;
        String id = "110101" + TestClock.today().minusYears(30).toString().replace("-", "") + "123";
        Subject s = new Subject();
        s.nature = SubjectNature.PERSON;
        s.province = Province.BEIJING;
        s.city = "北京市";
        s.district = "海淀区";
        s.name = "钱十二";
        s.certificateType = CertificateType.RESIDENT_ID;
        s.certificateNumber = id + ResidentIdNumbers.checkDigit(id);
        s.certificateAddress = "北京市海淀区中关村大街1号";
        s.communicationAddress = "北京市海淀区中关村大街1号2楼";
        s.principal = new Principal();
        s.principal.name = "钱十二";
        s.principal.certificateType = CertificateType.RESIDENT_ID;
        s.principal.certificateNumber = s.certificateNumber;
        s.principal.mobile = "13900000001"; // registered in Xinjiang: BJ-B-01 fails for a Beijing subject
        s.principal.email = "qian@example.cn";

        RuleEngine engine = RuleEngine.standard().only(SubjectFindings::onTheSubject);
        OrderDocument doc = SubjectFindings.document(order, s);
        Facts facts = new Facts(TestClock.today(), null, null, new Facts.Records(null, null, null), null, null);
        List<Finding> both = engine.findings(doc, facts);
        assertTrue(both.stream().anyMatch(f -> "BJ-B-01".equals(f.ruleId())), both.toString());
        assertEquals(engine.judge(doc, facts, false), SubjectFindings.inLanguage(both, false));
        assertEquals(engine.judge(doc, facts, true), SubjectFindings.inLanguage(both, true));
    }
}
