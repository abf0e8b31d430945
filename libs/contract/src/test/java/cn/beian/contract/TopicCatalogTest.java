package cn.beian.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.TopicCatalog;
import cn.beian.contract.events.TopicCatalog.Kind;
import cn.beian.contract.events.TopicCatalog.Topic;
import cn.beian.contract.events.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    @Test
    void everyTopicOnceEveryConsumedTopicHasAProducerEveryDeadLetterFollowsTheNamingRule() {
        List<Topic> all = TopicCatalog.all();
        Set<String> names = new HashSet<>();
        for (Topic t : all) {
            assertTrue(names.add(t.name()), "declared twice: " + t.name());
            if (t.kind() == Kind.DEAD_LETTER) {
                assertTrue(t.name().matches("beian\\.[a-z]+\\.[a-z-]+\\.dlq"), t.name());
            }
        }
        for (TopicCatalog.Consumer c : TopicCatalog.CONSUMERS) {
            assertTrue(TopicCatalog.PRODUCERS.values().containsAll(c.topics()), c.toString());
            assertTrue(c.deadLetters() != c.groupPerReplica(), "a shared group dead-letters, a replica's memory skips: " + c);
        }
        assertEquals(5, all.stream().filter(t -> t.kind() == Kind.EVENTS).count());
        // 17 consumer channels with a dead-letter strategy (notification-events of subject- and website-service among
        // them) + the authority gateway's feed.
        assertEquals(18, all.stream().filter(t -> t.kind() == Kind.DEAD_LETTER).count());
        assertEquals("beian.notification.subject-events.dlq", Topics.deadLetter("notification", "subject-events"));
    }
}
