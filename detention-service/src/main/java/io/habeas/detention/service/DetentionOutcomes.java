package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.support.records.RecordState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where each detention stands for readers of each level, kept in the write's transaction. A
 * reader who may see the detention sees an event exactly when it clears the event's own level,
 * so the outcome per reader level depends on the events' levels only, not on the detention's or
 * the person's: changing those needs no replay.
 */
@ApplicationScoped
class DetentionOutcomes {

    /**
     * Checks the whole history (whoever writes, it must hold together; a failure does not show the
     * writer events hidden from it), then stores each reader level's outcome.
     */
    void replay(Detention detention, Clearance writer) {
        List<CustodyEvent> events = CustodyEvent.list("detentionId = ?1 and state = ?2", detention.id, RecordState.ACTIVE);
        for (DetentionOutcome outcome : outcomes(detention, events, writer)) {
            DetentionOutcome stored = DetentionOutcome.findById(new DetentionOutcome.Key(detention.id, outcome.readerLevel));
            if (stored == null) {
                outcome.persist();
            } else {
                stored.currentStatus = outcome.currentStatus;
                stored.endDate = outcome.endDate;
            }
        }
    }

    /**
     * Checks the whole history of these active events as {@link #replay} does, and gives each reader
     * level's outcome, not stored: for a detention whose events are all known in memory (an import).
     */
    static List<DetentionOutcome> outcomes(Detention detention, List<CustodyEvent> events, Clearance writer) {
        CustodyHistory.replay(detention, events, event -> writer.clears(event.accessLevel));
        List<DetentionOutcome> outcomes = new ArrayList<>();
        for (AccessLevel reader : AccessLevel.values()) {
            // What a reader sees of a consistent history is consistent too, so this replay cannot fail.
            var outcome = CustodyHistory.replay(detention, events.stream().filter(e -> reader.clears(e.accessLevel)).toList());
            DetentionOutcome stored = new DetentionOutcome();
            stored.detentionId = detention.id;
            stored.readerLevel = reader;
            stored.currentStatus = outcome.currentStatus();
            stored.endDate = outcome.endDate();
            outcomes.add(stored);
        }
        return outcomes;
    }

    DetentionOutcome of(UUID detentionId, AccessLevel reader) {
        return DetentionOutcome.findById(new DetentionOutcome.Key(detentionId, reader));
    }
}
