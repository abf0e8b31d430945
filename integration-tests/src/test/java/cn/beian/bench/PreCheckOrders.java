package cn.beian.bench;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.Facts;
import cn.beian.it.Fixtures;
import cn.beian.rules.OrderDocument;
import cn.beian.testing.TestClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-check benchmarks' order: the largest an order may be (10 websites × 10 domains), a Tianjin enterprise (one
 * of the provinces with the most rules), every domain registered to the unit so the registry rules run in full.
 */
final class PreCheckOrders {

    static final int WEBSITES = 10;
    static final int DOMAINS = 10;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PreCheckOrders() {
    }

    static OrderDocument large() {
        OrderDocument.Person legal = new OrderDocument.Person("赵大", CertificateType.RESIDENT_ID,
                Fixtures.residentId("12", 40), TestClock.today().plusYears(10), "13800000013", "022-23456789",
                "boss@example.cn");
        String name = "天津示例科技有限公司";
        OrderDocument.Subject subject = new OrderDocument.Subject(SubjectNature.ENTERPRISE, Province.TIANJIN, "天津市",
                "和平区", name, CertificateType.BUSINESS_LICENSE, Fixtures.uscc("12"), null,
                "天津市和平区南京路1号", "天津市和平区南京路1号2楼201室", name, "企业官网", false, null, false, legal, legal);
        List<OrderDocument.Website> websites = new ArrayList<>();
        for (int w = 0; w < WEBSITES; w++) {
            List<String> domains = new ArrayList<>();
            for (int d = 0; d < DOMAINS; d++) {
                domains.add("bench-w" + w + "-d" + d + ".cn");
            }
            websites.add(new OrderDocument.Website(name + "产品" + w, domains, List.of("http://www." + domains.get(0)),
                    ServiceContent.UNIT_PORTAL, List.of(), List.of(), List.of("zh-CN"),
                    "企业产品介绍网站，所有域名均指向同一网站", true, null, null));
        }
        return new OrderDocument(FilingType.FIRST_FILING, null, subject, websites, List.of(), null);
    }

    /** Registry facts for every domain of the order: registered to the unit, a year left, at home. */
    static Facts facts(OrderDocument order) {
        Map<String, Facts.DomainFacts> domains = new HashMap<>();
        for (OrderDocument.Website w : order.websites()) {
            for (String d : w.domains()) {
                domains.put(d, new Facts.DomainFacts(false, true, order.subject().name(),
                        CertificateType.BUSINESS_LICENSE, order.subject().certificateNumber(), false,
                        TestClock.today().plusYears(1), false));
            }
        }
        return new Facts(TestClock.today(), domains, List.of(), null, null, null);
    }

    static String json(OrderDocument order) {
        try {
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
