package cn.beian.website;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import cn.beian.website.service.AccessDecision;
import cn.beian.website.service.AccessPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access policy's answers across orders' lives, from events only (docs/domain.md §4). */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy(new ObjectMapper().registerModule(new JavaTimeModule()),
            new BeianClock(TestClock.clock(), false), new SimpleMeterRegistry());
    private final Map<String, Long> seq = new HashMap<>();

    @Test
    void firstFilingStaysClosedUntilTheNumberThenSubdomainsAreCovered() {
        created("o1", "FIRST_FILING", "acc-1");
        websites("o1", 1, "example.cn", "www.example.cn");
        assertDenied("www.example.cn", "AWAITING_FILING_NUMBER");
        assertEquals("X-14", policy.decide("example.cn").ruleId());
        moved("o1", "FIRST_FILING", "DRAFT", "INITIAL_REVIEW", "SUBMIT");
        moved("o1", "FIRST_FILING", "INITIAL_REVIEW", "AWAITING_PHOTO", "INITIAL_APPROVE");
        assertDenied("example.cn", "AWAITING_FILING_NUMBER");
        approved("o1", daysAgo(16), "粤ICP备12345678号-1", "example.cn", "www.example.cn");
        AccessDecision d = policy.decide("Shop.Example.CN:443");
        assertTrue(d.allowed(), d.toString());
        assertEquals("粤ICP备12345678号-1", d.websiteFilingNumber());
        assertEquals("shop.example.cn", d.host());
        assertDenied("example-other.cn", "NOT_FILED_HERE");
        assertDenied("badexample.cn", "NOT_FILED_HERE");
    }

    @Test
    void accessFilingOpensOnceInitialReviewPassesAndClosesWhenAbandoned() {
        created("o2", "ACCESS_FILING", "acc-2");
        websites("o2", 1, "moved-here.cn");
        moved("o2", "ACCESS_FILING", "DRAFT", "INITIAL_REVIEW", "SUBMIT");
        assertDenied("moved-here.cn", "ACCESS_FILING_AWAITING_INITIAL_REVIEW");
        moved("o2", "ACCESS_FILING", "INITIAL_REVIEW", "AUTHORITY_REVIEW", "INITIAL_APPROVE");
        assertTrue(policy.decide("www.moved-here.cn").allowed());
        moved("o2", "ACCESS_FILING", "AUTHORITY_REVIEW", "AUTHORITY_REJECTED", "AUTHORITY_REJECT");
        assertTrue(policy.decide("moved-here.cn").allowed());
        moved("o2", "ACCESS_FILING", "AUTHORITY_REJECTED", "ABANDONED", "ABANDON");
        assertDenied("moved-here.cn", "NOT_FILED_HERE");
    }

    @Test
    void changeLeavesTheSiteUpAndCancelAccessClosesIt() {
        created("o3", "FIRST_FILING", "acc-3");
        websites("o3", 1, "kept.cn");
        approved("o3", daysAgo(340), "京ICP备11111111号-1", "kept.cn");
        created("o4", "CHANGE", "acc-3");
        websites("o4", 1, "kept.cn", "added.cn");
        assertTrue(policy.decide("kept.cn").allowed());
        assertDenied("added.cn", "AWAITING_FILING_NUMBER");
        approved("o4", daysAgo(309), "京ICP备11111111号-1", "kept.cn", "added.cn");
        assertTrue(policy.decide("added.cn").allowed());
        created("o5", "CANCEL_ACCESS", "acc-3");
        websites("o5", 1, "kept.cn", "added.cn");
        assertTrue(policy.decide("kept.cn").allowed(), "a cancel order in flight changes nothing yet");
        approved("o5", daysAgo(281), "京ICP备11111111号-1", "kept.cn", "added.cn");
        assertDenied("kept.cn", "ACCESS_CANCELLED");
        assertDenied("www.added.cn", "ACCESS_CANCELLED");
    }

    @Test
    void aWebsiteChangeKeepsTheApprovedSiteServedInEveryStateItPassesThrough() {
        created("o8", "FIRST_FILING", "acc-8");
        websites("o8", 1, "served.cn");
        approved("o8", daysAgo(340), "京ICP备33333333号-1", "served.cn");
        created("o9", "CHANGE", "acc-8");
        websites("o9", 1, "served.cn");
        websites("o9", 2, "served.cn", "extra.cn");
        String[][] steps = {{"DRAFT", "INITIAL_REVIEW", "SUBMIT"}, {"INITIAL_REVIEW", "AWAITING_PHOTO", "INITIAL_APPROVE"},
            {"AWAITING_PHOTO", "PHOTO_REVIEW", "PHOTO_SUBMIT"}, {"PHOTO_REVIEW", "AUTHORITY_REVIEW", "PHOTO_APPROVE"},
            {"AUTHORITY_REVIEW", "AUTHORITY_REJECTED", "AUTHORITY_REJECT"}, {"AUTHORITY_REJECTED", "ABANDONED", "ABANDON"}};
        for (String[] step : steps) {
            moved("o9", "CHANGE", step[0], step[1], step[2]);
            AccessDecision d = policy.decide("www.served.cn");
            assertTrue(d.allowed(), step[1] + ": " + d);
            assertEquals("京ICP备33333333号-1", d.websiteFilingNumber());
            assertFalse(policy.decide("extra.cn").allowed(), "an added domain waits for the approval: " + step[1]);
        }
    }

    @Test
    void replaysAndLateOrderFactsGiveTheSameAnswer() {
        // the approval is read before the order's facts (another topic), and an event is delivered twice
        approved("o6", daysAgo(220), "沪ICP备22222222号-1", "late.cn");
        created("o6", "DEREGISTER_SUBJECT", "acc-6");
        created("o7", "FIRST_FILING", "acc-6");
        approved("o7", daysAgo(340), "沪ICP备22222222号-1", "late.cn");
        assertDenied("late.cn", "DEREGISTERED");
        long before = policy.appliedEvents();
        policy.apply("/beian/subject-service", "o7", 1, "order.created.v1", "{}");
        assertEquals(before, policy.appliedEvents(), "a replayed sequence is skipped");
    }

    @Test
    void invalidHostsAreRefused() {
        assertFalse(policy.decide("").allowed());
        assertEquals("INVALID_HOST", policy.decide("localhost").reason());
    }

    /** A timestamp {@code days} before the test's now: only the order of events matters here, never the day. */
    private static String daysAgo(int days) {
        return TestClock.iso(Duration.ofDays(-days));
    }

    private void assertDenied(String host, String reason) {
        AccessDecision d = policy.decide(host);
        assertFalse(d.allowed(), d.toString());
        assertEquals(reason, d.reason(), d.toString());
        assertFalse(d.message().isBlank());
    }

    private void send(String source, String aggregate, String type, String json) {
        long s = seq.merge(source + aggregate, 1L, Long::sum);
        policy.apply(source, aggregate, s, type, json);
    }

    private void created(String order, String type, String account) {
        send("/beian/subject-service", order, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s","type":"%s","province":"BEIJING","nature":"PERSON",
                 "state":"DRAFT","createdAt":"%s"}""".formatted(order, account, type, daysAgo(341)));
    }

    private void moved(String order, String type, String from, String to, String trigger) {
        send("/beian/subject-service", order, "order.transitioned.v1", """
                {"orderId":"%s","accountId":"acc","type":"%s","province":"BEIJING","from":"%s","to":"%s",
                 "trigger":"%s","actor":"APPLICANT"}""".formatted(order, type, from, to, trigger));
    }

    private void websites(String order, long version, String... domains) {
        StringBuilder ds = new StringBuilder();
        for (String d : domains) {
            ds.append(ds.length() == 0 ? "" : ",").append('"').append(d).append('"');
        }
        send("/beian/website-service", order, "website.order-websites-changed.v1", """
                {"orderId":"%s","version":%d,"websites":[{"websiteId":"w","name":"n","domains":[%s]}]}"""
                .formatted(order, version, ds));
    }

    private void approved(String order, String at, String number, String... domains) {
        StringBuilder ds = new StringBuilder();
        for (String d : domains) {
            ds.append(ds.length() == 0 ? "" : ",").append('"').append(d).append('"');
        }
        String subject = number.substring(0, number.indexOf('-'));
        send("/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"x","subjectFilingNumber":"%s","approvedAt":"%s",
                 "websites":[{"websiteId":"w","name":"n","domains":[%s],"websiteFilingNumber":"%s"}]}"""
                .formatted(order, subject, at, ds, number));
    }
}
