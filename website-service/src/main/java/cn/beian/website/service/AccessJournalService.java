package cn.beian.website.service;

import cn.beian.contract.events.EventType;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.website.repository.AccessJournal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Journals the events the access policy is built from ({@link AccessPolicy#FACTS}), in the consumer's transaction:
 * the journal outlives the topics' retention, so a replica starting later still opens every approved site.
 */
@ApplicationScoped
public class AccessJournalService {

    private final AccessJournal journal;

    public AccessJournalService(AccessJournal journal) {
        this.journal = journal;
    }

    public Uni<Void> record(EventType type, IncomingEvent event) {
        return AccessPolicy.FACTS.contains(type) ? journal.record(event) : Uni.createFrom().voidItem();
    }
}
