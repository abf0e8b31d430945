package cn.beian.review;

import static cn.beian.review.TestEvents.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.beian.national.client.FeedPage;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.review.service.GatewayLock;
import cn.beian.review.service.SubmissionSender;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/**
 * The submit round is woken by the commits that make a submission sendable (PostgreSQL LISTEN/NOTIFY), not by its
 * poll: with the poll an hour apart, a queued submission still leaves, and one waiting for its websites' snapshot
 * leaves when that snapshot is stored.
 */
@QuarkusTest
@TestProfile(SubmissionWakeUpTest.HourlyPoll.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = {
        @ResourceArg(name = "incoming", value = "subject-events,website-events,materials-events"),
        @ResourceArg(name = "outgoing", value = "authority-feed-dlq")})
@WithTestResource(OidcTestResource.class)
class SubmissionWakeUpTest {

    /** The gateway's profile with the submit poll an hour apart: only a notification can start a round in time. */
    public static class HourlyPoll extends GatewayProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("beian.authority.submit-every", "1h");
            return config;
        }
    }

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    GatewayLock lock;

    @Inject
    SubmissionSender sender;

    @Test
    void aSubmissionLeavesWhenTheCommitThatMakesItSendableWakesTheRound() {
        when(national.submit(any())).thenReturn(Uni.createFrom().item(RestResponse.status(RestResponse.Status.CREATED)));
        when(national.feed(anyLong(), any(), any())).thenAnswer(inv -> Uni.createFrom()
                .item(new FeedPage(List.of(), inv.getArgument(0))).onItem().delayIt().by(Duration.ofMillis(100)));
        // The feed job takes the gateway's lock within a second of start; rounds before that send nothing.
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(lock::held);

        String order = UUID.randomUUID().toString();
        String account = "acc-" + order;
        String submission = order + ":1";
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "ZHEJIANG", 1));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "ZHEJIANG", "DRAFT", "INITIAL_REVIEW",
                        "SUBMIT", 4L, 9L));
        long rounds = sender.rounds();
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "ZHEJIANG", "PHOTO_REVIEW", "AUTHORITY_REVIEW",
                        "PHOTO_APPROVE", null, null));
        awaitCount(1, "select count(*) from authority_submission where submission_id = '" + submission
                + "' and status = 'PENDING'");
        // The queueing commit woke a round; the websites' snapshot it names has not arrived, so it sent nothing.
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> sender.rounds() > rounds);
        verify(national, never()).submit(argThat(r -> r != null && submission.equals(r.submissionId())));

        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4));
        awaitCount(1, "select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'authority.submitted.v1'");
        verify(national, times(1)).submit(argThat(r -> r != null && submission.equals(r.submissionId())
                && r.websites().size() == 1));
    }

    private static void awaitCount(long expected, String sql) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(expected, count(sql), sql));
    }
}
