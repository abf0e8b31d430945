package cn.beian.review;

import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The other services' events (payloads, delivered by the shared {@link InMemoryEvents}, keyed by the order) and reads
 * of the database.
 */
final class TestEvents {

    static final String SUBJECT = "/beian/subject-service";
    static final String WEBSITE = "/beian/website-service";
    static final String MATERIALS = "/beian/materials-service";

    private TestEvents() {
    }

    /** Delivers one event and waits for its ack; a nack fails the test with the reason. */
    static void send(InMemoryConnector connector, String channel, String source, String orderId, String type,
            String data) {
        new InMemoryEvents(connector).ack(channel, source, orderId, type, data);
    }

    /** Delivers one event and answers the nack's reason (null when acked). */
    static Throwable deliver(InMemoryConnector connector, String channel, String source, String orderId, String type,
            String data) {
        return new InMemoryEvents(connector).deliver(channel, source, orderId, type, data);
    }

    static long count(String sql) {
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String string(String sql) {
        try (Connection c = PostgresTestResource.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- payloads ----

    static String subjectSnapshot(String orderId, String accountId, String type, String province, int count) {
        return subjectSnapshot(orderId, accountId, type, province, count, """
                [{"ruleId":"BJ-01","fieldKey":"subject.communicationAddress","severity":"WARNING",
                 "message":"地址需详细到门牌号"}]""");
    }

    /** A person's subject snapshot with the owner's {@code findings} (a JSON array). */
    static String subjectSnapshot(String orderId, String accountId, String type, String province, int count,
            String findings) {
        return """
                {"orderId":"%s","accountId":"%s","accountEmail":"a@beian.test","type":"%s","province":"%s",
                 "submissionCount":%d,"subject":{"subjectId":"s-%s","nature":"PERSON","name":"吴十",
                 "certificateType":"RESIDENT_ID","certificateNumber":"110101199003070011",
                 "certificateAddress":"北京市东城区1号","communicationAddress":"北京市东城区1号","city":"北京市",
                 "district":"东城区","principal":{"name":"吴十","certificateType":"RESIDENT_ID",
                 "certificateNumber":"110101199003070011","mobile":"13800138000","email":"wu@beian.test"}},
                 "findings":%s,"frozenAt":"%s"}"""
                .formatted(orderId, accountId, type, province, count, orderId, findings, TestClock.isoNow());
    }

    static String websitesSnapshot(String orderId, long version) {
        return websitesSnapshot(orderId, version, "110101199003070011");
    }

    /** The order's one website, its principal the person with resident ID {@code principalId}. */
    static String websitesSnapshot(String orderId, long version, String principalId) {
        return """
                {"orderId":"%s","version":%d,"websites":[{"websiteId":"w-1-%s","name":"吴十的博客",
                 "domains":["wushi-%s.cn"],"homepageUrls":["www.wushi-%s.cn"],"serviceContent":"OTHER",
                 "preApprovals":[],"languages":["zh-CN"],"principal":{"name":"吴十","certificateType":"RESIDENT_ID",
                 "certificateNumber":"%s","mobile":"13800138000","email":"wu@beian.test"},
                 "principalSameAsSubject":true,"serverIds":["srv-1"],"authorizationCodes":[]}],"findings":[],
                 "frozenAt":"%s"}"""
                .formatted(orderId, version, orderId, orderId.substring(0, 8), orderId.substring(0, 8), principalId,
                        TestClock.isoNow());
    }

    static String materialsManifest(String orderId, long version) {
        return """
                {"orderId":"%s","version":%d,"materials":[{"materialId":"m-1","kind":"ID_FRONT",
                 "ownerRef":"subject.principal","version":1,"sha256":"ab","contentType":"image/jpeg","sizeBytes":10,
                 "uploadedAt":"%s"}],"findings":[],"frozenAt":"%s"}"""
                .formatted(orderId, version, TestClock.iso(Duration.ofHours(-1)), TestClock.isoNow());
    }

    static String transitioned(String orderId, String accountId, String type, String province, String from,
            String to, String trigger, Long websitesVersion, Long materialsVersion) {
        return """
                {"orderId":"%s","accountId":"%s","type":"%s","province":"%s","from":%s,"to":"%s","trigger":"%s",
                 "actor":"APPLICANT","actorId":"%s","websitesVersion":%s,"materialsVersion":%s,
                 "at":"%s"}"""
                .formatted(orderId, accountId, type, province, from == null ? "null" : "\"" + from + "\"", to,
                        trigger, accountId, websitesVersion, materialsVersion, TestClock.isoNow());
    }
}
