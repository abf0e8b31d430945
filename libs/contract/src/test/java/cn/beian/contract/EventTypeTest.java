package cn.beian.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.Topics;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    private static final Pattern VERSIONED_FACT = Pattern.compile("[a-z]+(\\.[a-z-]+)+\\.v[0-9]+");

    @Test
    void everyTypeIsAVersionedNameAndUnique() {
        Set<String> seen = new HashSet<>();
        for (EventType t : EventType.values()) {
            assertTrue(VERSIONED_FACT.matcher(t.type()).matches(), t.type());
            assertTrue(seen.add(t.type()), "duplicate " + t.type());
            assertEquals(t, EventType.fromType(t.type()).orElseThrow());
        }
    }

    @Test
    void sharedPayloadsMustNameTheirType() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> EventType.of(
                new cn.beian.contract.events.readiness.PartReady("o", 1, true, null)));
        assertEquals(EventType.ORDER_CREATED, EventType.of(new cn.beian.contract.events.order.OrderCreated(
                "o", "a", "s", null, null, null, null, null)));
    }

    @Test
    void unknownTypesAreReportedAsAbsent() {
        assertTrue(EventType.fromType("order.teleported.v9").isEmpty());
    }

    @Test
    void deadLetterTopicsNameTheConsumerAndChannel() {
        assertEquals("beian.notification.subject-events.dlq", Topics.deadLetter("notification", "subject-events"));
    }
}
