package cn.beian.materials;

import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.TestClock;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.UUID;

/** Feeds subject- and website-service's events into the in-memory channels, as Kafka would (CloudEvents, binary). */
final class Events {

    private final InMemoryEvents events;

    Events(InMemoryConnector connector) {
        this.events = new InMemoryEvents(connector);
    }

    void created(String order, String account, String type, String province, String nature) {
        subject(order, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"%s","type":"%s","province":"%s","nature":"%s",
                 "state":"DRAFT","createdAt":"%s"}"""
                .formatted(order, account, UUID.randomUUID(), type, province, nature, TestClock.isoNow()));
    }

    /** The provider's own cancel-access order (a prepared order staff confirmed) of one website. */
    void createdByProvider(String order, String account, String province, String nature, String websiteNumber) {
        subject(order, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"%s","type":"CANCEL_ACCESS","province":"%s",
                 "nature":"%s","state":"DRAFT","createdAt":"%s","websiteFilingNumbers":["%s"],
                 "initiatedBy":"PROVIDER"}"""
                .formatted(order, account, UUID.randomUUID(), province, nature, TestClock.isoNow(), websiteNumber));
    }

    void outlined(String order, String account, String type, String province, String nature, String certType,
            String certNumber, boolean minor, int revision) {
        subject(order, "order.subject-outlined.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"%s","type":"%s","province":"%s","nature":"%s",
                 "name":"测试主体","certificateType":"%s","certificateNumber":"%s","certificateAddress":"某地",
                 "principal":{"name":"张三","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800138000","email":"a@example.cn"},
                 "principalNeedsEmployment":%s,"revision":%d,"at":"%s"}"""
                .formatted(order, account, UUID.randomUUID(), type, province, nature, certType, certNumber,
                        certNumber.length() == 18 && certType.equals("RESIDENT_ID") ? certNumber : "110101199003070011",
                        minor, revision, TestClock.isoNow()));
    }

    /** Websites as JSON array elements (see website(...)). */
    void websites(String order, long version, String... websites) {
        send("website-events", "/beian/website-service", order, "website.order-websites-changed.v1", """
                {"orderId":"%s","version":%d,"websites":[%s],"at":"%s"}"""
                .formatted(order, version, String.join(",", websites), TestClock.isoNow()));
    }

    static String website(String id, boolean sameAsSubject, String personKey, String preApprovals) {
        String principal = sameAsSubject ? "null" : """
                {"personKey":"%s","name":"李四","certificateType":"RESIDENT_ID","certificateProvince":"HUBEI"}"""
                .formatted(personKey);
        return """
                {"websiteId":"%s","name":"测试网站","domains":["example.cn"],"principalSameAsSubject":%s,
                 "principal":%s,"preApprovalTypes":[%s],"domainsNeedingCertificate":[]}"""
                .formatted(id, sameAsSubject, principal, preApprovals);
    }

    void transitioned(String order, String account, String from, String to, String trigger, Long materialsVersion) {
        subject(order, "order.transitioned.v1", """
                {"orderId":"%s","accountId":"%s","type":"FIRST_FILING","province":"SHANGHAI","from":"%s","to":"%s",
                 "trigger":"%s","actor":"APPLICANT","actorId":"%s","reasons":[],"websitesVersion":%s,
                 "materialsVersion":%s,"at":"%s"}"""
                .formatted(order, account, from, to, trigger, account, materialsVersion == null ? "null" : "1",
                        materialsVersion == null ? "null" : materialsVersion.toString(), TestClock.isoNow()));
    }

    /** review-service's case events: claimed or released by {@code reviewer}. */
    void review(String order, String type, String reviewer) {
        send("review-events", "/beian/review-service", order, type, """
                {"orderId":"%s","caseId":"case-%s","kind":"INITIAL","reviewerId":%s,"at":"%s"}"""
                .formatted(order, order, reviewer == null ? "null" : "\"" + reviewer + "\"", TestClock.isoNow()));
    }

    private void subject(String order, String type, String data) {
        send("subject-events", "/beian/subject-service", order, type, data);
    }

    private void send(String channel, String source, String aggregate, String type, String data) {
        events.ack(channel, source, aggregate, type, data);
    }
}
