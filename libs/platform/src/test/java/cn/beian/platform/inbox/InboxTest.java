package cn.beian.platform.inbox;

import static cn.beian.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.EventType;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The inbox every service consumes through: exactly once, and nothing holds the partition — a failing event is
 * parked with its aggregate's later events, the other aggregates go on, and an operator sees and replays it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(OidcTestResource.class)
class InboxTest {

    static final String SOURCE = "/beian/test-producer";
    static final String PARKED = "/api/v1/admin/parked-events";
    static final String APPLIED = "/api/v1/admin/applied-events";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    RecordingHandler handler;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry meters;

    @Test
    void eachEventIsAppliedOnceWhateverIsRedelivered() {
        String aggregate = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        assertNull(deliver(first, aggregate, 1, "{}"));
        assertNull(deliver(first, aggregate, 1, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertEquals(List.of(1L, 2L), handler.applied(aggregate));
    }

    @Test
    void aFailingEventIsParkedWithItsAggregateWhileOthersGoOnThenReplayedInOrder() {
        String stuck = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        assertNull(deliver(UUID.randomUUID().toString(), stuck, 1, "{}"));
        handler.breakAggregate(stuck);
        String failing = UUID.randomUUID().toString();
        assertNull(deliver(failing, stuck, 2, "{}"), "a failing event is parked and acked, not dead-lettered");
        assertNull(deliver(UUID.randomUUID().toString(), stuck, 3, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), other, 1, "{}"));
        assertEquals(List.of(1L), handler.applied(other), "another aggregate is applied at once");
        assertEquals(List.of(1L), handler.applied(stuck));

        as("ops", "admin").queryParam("source", SOURCE).queryParam("aggregateId", stuck).get(PARKED)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].events", equalTo(2))
                .body("items[0].firstSequence", equalTo(2))
                .body("items[0].lastApplied", equalTo(1))
                .body("items[0].headEventId", equalTo(failing))
                .body("items[0].reason", startsWith("IllegalStateException: cannot apply #2"))
                .body("items[0].data", nullValue());
        as("alice", "applicant").get(PARKED).then().statusCode(403);

        // Still broken: a replay applies nothing and says so. Two of them use up the automatic tries
        // (beian.inbox.park-retries=2 here), so that nothing but the operator's replay below applies it.
        for (int i = 0; i < 2; i++) {
            as("ops", "admin").contentType("application/json")
                    .body(Map.of("source", SOURCE, "aggregateId", stuck)).post(PARKED + "/replay")
                    .then().statusCode(200).body("applied", equalTo(0)).body("stillParked.events", equalTo(2));
        }
        handler.fix(stuck);
        as("ops", "admin").contentType("application/json")
                .body(Map.of("source", SOURCE, "aggregateId", stuck)).post(PARKED + "/replay")
                .then().statusCode(200).body("applied", equalTo(2)).body("stillParked", nullValue());
        assertEquals(List.of(1L, 2L, 3L), handler.applied(stuck));

        assertNull(deliver(UUID.randomUUID().toString(), stuck, 4, "{}"));
        assertEquals(List.of(1L, 2L, 3L, 4L), handler.applied(stuck), "the aggregate flows again");
    }

    @Test
    void aParkedEventIsTriedAgainOnItsOwnOnceTheCauseIsGone() {
        String aggregate = UUID.randomUUID().toString();
        handler.breakAggregate(aggregate);
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, "{}"));
        handler.fix(aggregate);
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.applied(aggregate).size() == 2);
        assertEquals(List.of(1L, 2L), handler.applied(aggregate));
    }

    @Test
    void anEventThatArrivesBeforeItsPredecessorWaitsForIt() {
        String aggregate = UUID.randomUUID().toString();
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 3, "{}"));
        assertEquals(List.of(), handler.applied(aggregate));
        as("ops", "admin").queryParam("source", SOURCE).queryParam("aggregateId", aggregate).get(PARKED)
                .then().statusCode(200).body("items[0].reason", equalTo("gap: waiting for #1"))
                .body("items[0].waitingForMissing", equalTo(true));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertEquals(List.of(1L, 2L, 3L), handler.applied(aggregate));
        as("ops", "admin").queryParam("source", SOURCE).queryParam("aggregateId", aggregate).get(PARKED)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anOperatorSkipsAnEventThatCanNeverApplyAndTheRestFollows() {
        String aggregate = UUID.randomUUID().toString();
        handler.breakEvent(aggregate, 1);
        String poison = UUID.randomUUID().toString();
        assertNull(deliver(poison, aggregate, 1, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, "{}"));
        assertEquals(List.of(), handler.applied(aggregate));
        Map<String, String> wrong = Map.of("source", SOURCE, "aggregateId", aggregate, "eventId", "another");
        as("ops", "admin").contentType("application/json").body(wrong).post(PARKED + "/skip")
                .then().statusCode(400).body("errors[0].field", equalTo("eventId"))
                .body("errors[0].code", equalTo("NOT_FIRST_PARKED"));
        Map<String, String> skip = Map.of("source", SOURCE, "aggregateId", aggregate, "eventId", poison);
        as("ops", "admin").contentType("application/json").body(skip).post(PARKED + "/skip")
                .then().statusCode(200).body("applied", equalTo(1)).body("stillParked", nullValue());
        assertEquals(List.of(2L), handler.applied(aggregate), "the skipped event is never applied");
        assertNull(deliver(poison, aggregate, 1, "{}"), "the skipped event counts as handled");
        assertEquals(List.of(2L), handler.applied(aggregate));
    }

    @Test
    void whatCanNeverApplyIsDeadLetteredAndTheAggregateGoesOn() {
        String aggregate = UUID.randomUUID().toString();
        Throwable undecodable = deliver(UUID.randomUUID().toString(), aggregate, 1, EventType.ORDER_CREATED.type(),
                "{\"orderId\": [1, 2]}");
        assertNotNull(undecodable);
        assertTrue(undecodable.getMessage().contains("does not match"), undecodable.getMessage());
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, "{}"));
        assertEquals(List.of(2L), handler.applied(aggregate));

        Message<String> noSequence = Message.of("{}", Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0",
                UUID.randomUUID().toString(), URI.create(SOURCE), "test.happened.v1", "application/json", null,
                aggregate, TestClock.now().toZonedDateTime(), Map.of("aggregateid", aggregate), "{}")));
        assertTrue(send(noSequence).getMessage().contains("sequence"));
    }

    /**
     * Events may grow: every payload Beian publishes, with fields this build does not know added at the top and in
     * nested objects, is still applied and decodes to the same record (the REST layer stays strict).
     */
    @Test
    void everyEventTypeToleratesFieldsItDoesNotKnow() throws Exception {
        for (EventType type : EventType.values()) {
            Object sample = Samples.of(type.payloadType());
            ObjectNode json = mapper.valueToTree(sample);
            json.put("addedInV2", "x");
            json.putObject("nestedAddedInV2").put("deeper", 1);
            json.fields().forEachRemaining(field -> {
                if (field.getValue() instanceof ObjectNode nested) {
                    nested.put("addedInV2", true);
                }
            });
            String id = UUID.randomUUID().toString();
            Throwable nacked = deliver(id, UUID.randomUUID().toString(), 1, type.type(), mapper.writeValueAsString(json));
            assertNull(nacked, () -> type + " was refused: " + nacked.getMessage());
            assertEquals(sample, handler.decoded(id), type.type());
        }
    }

    @Test
    void aRequestNamingAnOrderSequenceWaitsUntilThisServiceHasAppliedIt() throws Exception {
        String order = UUID.randomUUID().toString();
        String thing = "/api/v1/orders/" + order + "/thing";
        assertNull(deliver(UUID.randomUUID().toString(), order, 1, "{}"));
        as("alice", "applicant").get(thing).then().statusCode(200).body("", hasSize(1));
        as("alice", "applicant").header(OrderCatchUp.HEADER, "1").get(thing).then().statusCode(200)
                .body("", hasSize(1));

        // The front-end saw #2 at subject-service; this service applies it a moment later.
        CompletableFuture<Throwable> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return deliver(UUID.randomUUID().toString(), order, 2, "{}");
        });
        as("alice", "applicant").header(OrderCatchUp.HEADER, "2").get(thing).then().statusCode(200)
                .body("", hasSize(2));
        assertNull(late.get(30, TimeUnit.SECONDS));

        // Never arrives within the wait: a retryable 503, not an answer from a stale state.
        as("alice", "applicant").header(OrderCatchUp.HEADER, "9").get(thing).then().statusCode(503)
                .header("Retry-After", "1").body("code", equalTo(OrderCatchUp.CODE))
                .body("orderSequenceSeen", equalTo(2)).body("orderSequenceWanted", equalTo(9));
        as("alice", "applicant").header(OrderCatchUp.HEADER, "latest").get(thing).then().statusCode(400)
                .body("errors[0].field", equalTo(OrderCatchUp.HEADER));
    }

    @Test
    void parkedAggregatesArePagedByAKeysetCursor() {
        List<String> mine = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String aggregate : mine) {
            handler.breakAggregate(aggregate);
            assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = as("ops", "admin").queryParam("limit", 1).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(PARKED).then().statusCode(200).body("items", hasSize(1)).extract();
            seen.add(page.path("items[0].source") + " " + page.path("items[0].aggregateId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(seen.size(), Set.copyOf(seen).size(), "no aggregate on two pages: " + seen);
        mine.forEach(a -> assertTrue(seen.contains(SOURCE + " " + a), a + " listed"));
        as("ops", "admin").queryParam("cursor", "bm90LWEtY3Vyc29y").get(PARKED).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        mine.forEach(handler::fix);
    }

    @Test
    void operatorsReadWhatWasAppliedInOrderKnownTypesOrNotButNeverTheData() {
        String aggregate = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        assertNull(deliver(first, aggregate, 1, EventType.ORDER_CREATED.type(), "{\"secret\":\"110101\"}"));
        assertNull(deliver(first, aggregate, 1, EventType.ORDER_CREATED.type(), "{}"));
        String unknown = UUID.randomUUID().toString();
        assertNull(deliver(unknown, aggregate, 2, "order.teleported.v9", "{}"));

        String page1 = as("ops", "admin").queryParam("aggregateId", aggregate).queryParam("limit", 1)
                .get(APPLIED).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].eventId", equalTo(first)).body("items[0].type", equalTo(EventType.ORDER_CREATED.type()))
                .body("items[0].source", equalTo(SOURCE)).body("items[0].sequence", equalTo(1))
                .body("items[0].known", equalTo(true)).body("items[0].data", nullValue())
                .extract().path("nextCursor");
        assertNotNull(page1, "a second page");
        as("ops", "admin").queryParam("aggregateId", aggregate).queryParam("limit", 1).queryParam("cursor", page1)
                .get(APPLIED).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].eventId", equalTo(unknown)).body("items[0].known", equalTo(false))
                .body("nextCursor", nullValue());
        as("ops", "admin").queryParam("aggregateId", aggregate).queryParam("type", "order.teleported.v9")
                .get(APPLIED).then().statusCode(200).body("items", hasSize(1));
        as("alice", "applicant").get(APPLIED).then().statusCode(403);
        as("ops", "admin").queryParam("limit", 101).get(APPLIED).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    /** An event that lost a race with another writer of the same rows is applied again at once, not parked. */
    @Test
    void anEventThatLostARaceWithAnotherWriterIsAppliedAgainAtOnce() {
        String aggregate = UUID.randomUUID().toString();
        handler.conflictOnce(aggregate);
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertEquals(List.of(1L), handler.applied(aggregate));
        as("ops", "admin").queryParam("aggregateId", aggregate).get(PARKED).then().statusCode(200)
                .body("items", hasSize(0));
    }

    /** A parked event is decoded on replay exactly as a live one: fields this build does not know are ignored. */
    @Test
    void aParkedEventWithFieldsThisBuildDoesNotKnowIsReplayedLikeALiveOne() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        Object sample = Samples.of(EventType.ORDER_CREATED.payloadType());
        ObjectNode json = mapper.valueToTree(sample);
        json.put("addedInV2", "x");
        String id = UUID.randomUUID().toString();
        handler.breakAggregate(aggregate);
        assertNull(deliver(id, aggregate, 1, EventType.ORDER_CREATED.type(), mapper.writeValueAsString(json)));
        handler.fix(aggregate);
        as("ops", "admin").contentType("application/json")
                .body(Map.of("source", SOURCE, "aggregateId", aggregate)).post(PARKED + "/replay")
                .then().statusCode(200).body("stillParked", nullValue());
        assertEquals(List.of(1L), handler.applied(aggregate));
        assertEquals(sample, handler.decoded(id));
    }

    /**
     * An event parked because another producer's facts about its aggregate had not arrived (a review outcome read
     * before the order it is about) is applied the moment they do, not at the next scheduled try.
     */
    @Test
    void anEventWaitingForAnotherProducersFactsIsAppliedTheMomentTheyArrive() {
        String aggregate = UUID.randomUUID().toString();
        assertNull(deliver(UUID.randomUUID().toString(), RecordingHandler.DEPENDENT, aggregate, 1,
                "test.happened.v1", "{}"));
        // The schedule's automatic tries (2 here) are used up: only the arrival below can apply it now.
        await().atMost(Duration.ofSeconds(60)).until(() -> as("ops", "admin")
                .queryParam("source", RecordingHandler.DEPENDENT).queryParam("aggregateId", aggregate).get(PARKED)
                .then().statusCode(200).extract().<Integer>path("items[0].attempts") == 2);
        assertEquals(List.of(), handler.applied(aggregate));

        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertEquals(List.of(1L, 1L), handler.applied(aggregate), "the waiting event was applied with the arrival");
        as("ops", "admin").queryParam("source", RecordingHandler.DEPENDENT).queryParam("aggregateId", aggregate)
                .get(PARKED).then().statusCode(200).body("items", hasSize(0));
    }

    /**
     * An event the handler does nothing with is passed over in one statement: its aggregate's sequence moves past it,
     * it is listed as applied, and a replay of it changes nothing.
     */
    @Test
    void anEventTheHandlerDoesNothingWithIsPassedOverInItsAggregatesSequence() {
        String aggregate = UUID.randomUUID().toString();
        double passed = passedOver();
        String skipped = UUID.randomUUID().toString();
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertNull(deliver(skipped, aggregate, 2, RecordingHandler.PASSED_OVER, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 3, "{}"));
        assertEquals(List.of(1L, 3L), handler.applied(aggregate));
        assertEquals(passed + 1, passedOver(), 1e-9);

        assertNull(deliver(skipped, aggregate, 2, RecordingHandler.PASSED_OVER, "{}"));
        assertEquals(passed + 1, passedOver(), 1e-9, "a replay is not passed over again");
        as("ops", "admin").queryParam("aggregateId", aggregate).get(APPLIED).then().statusCode(200)
                .body("items", hasSize(3)).body("items[1].eventId", equalTo(skipped))
                .body("items[1].sequence", equalTo(2));
        as("ops", "admin").queryParam("aggregateId", aggregate).get(PARKED).then().statusCode(200)
                .body("items", hasSize(0));
    }

    /** A passed-over event that closes a gap lets the events parked behind it apply at once. */
    @Test
    void aPassedOverEventThatClosesAGapReleasesWhatWaitedForIt() {
        String aggregate = UUID.randomUUID().toString();
        double passed = passedOver();
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 3, "{}"));
        assertEquals(List.of(1L), handler.applied(aggregate));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, RecordingHandler.PASSED_OVER, "{}"));
        assertEquals(List.of(1L, 3L), handler.applied(aggregate));
        assertEquals(passed + 1, passedOver(), 1e-9);
        as("ops", "admin").queryParam("aggregateId", aggregate).get(PARKED).then().statusCode(200)
                .body("items", hasSize(0));
    }

    /** One that arrives before its predecessor is not passed over: it waits, parked, like any other. */
    @Test
    void anEventThatWouldBePassedOverWaitsForItsPredecessorLikeAnyOther() {
        String aggregate = UUID.randomUUID().toString();
        double passed = passedOver();
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 2, RecordingHandler.PASSED_OVER, "{}"));
        as("ops", "admin").queryParam("source", SOURCE).queryParam("aggregateId", aggregate).get(PARKED)
                .then().statusCode(200).body("items[0].reason", equalTo("gap: waiting for #1"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 1, "{}"));
        assertNull(deliver(UUID.randomUUID().toString(), aggregate, 3, "{}"));
        assertEquals(List.of(1L, 3L), handler.applied(aggregate));
        assertEquals(passed, passedOver(), 1e-9);
        as("ops", "admin").queryParam("aggregateId", aggregate).get(APPLIED).then().statusCode(200)
                .body("items", hasSize(3));
        as("ops", "admin").queryParam("aggregateId", aggregate).get(PARKED).then().statusCode(200)
                .body("items", hasSize(0));
    }

    private double passedOver() {
        // Types the contract does not name are counted as "unknown" (a bounded label set).
        var counter = meters.find("beian.inbox.events").tags("type", "unknown", "outcome", "passed").counter();
        return counter == null ? 0 : counter.count();
    }

    private Throwable deliver(String id, String aggregate, long sequence, String data) {
        return deliver(id, aggregate, sequence, "test.happened.v1", data);
    }

    private Throwable deliver(String id, String aggregate, long sequence, String type, String data) {
        return deliver(id, SOURCE, aggregate, sequence, type, data);
    }

    private Throwable deliver(String id, String source, String aggregate, long sequence, String type, String data) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("aggregateid", aggregate);
        extensions.put("sequence", String.valueOf(sequence));
        return send(Message.of(data, Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0", id,
                URI.create(source), type, "application/json", null, aggregate, TestClock.now().toZonedDateTime(),
                extensions, data))));
    }

    private Throwable send(Message<String> message) {
        return new InMemoryEvents(connector).send("platform-events", message);
    }
}
