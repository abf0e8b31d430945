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
    void unknownTypesAreReportedAsAbsent() {
        assertTrue(EventType.fromType("order.teleported.v9").isEmpty());
    }

    @Test
    void deadLetterTopicsNameTheConsumerAndChannel() {
        assertEquals("beian.notification.subject-events.dlq", Topics.deadLetter("notification", "subject-events"));
    }
}
