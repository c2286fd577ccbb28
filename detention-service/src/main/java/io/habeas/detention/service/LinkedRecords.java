package io.habeas.detention.service;

import io.habeas.detention.domain.ChargeStatusChange;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.SentenceTerm;
import io.habeas.kernel.names.CourtEventName;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the records of one answer name beyond themselves, as far as its reader may see it: the
 * charges court events concern, and the court events charges' status changes follow. Hidden ones
 * are left out of the answer as if unknown.
 *
 * @param charges the ids of the named charges the reader sees
 * @param courtEvents the named court events the reader sees, by id
 * @param stored every link shown and nothing taken through one: records as stored, for revisions
 */
public record LinkedRecords(Set<UUID> charges, Map<UUID, CourtEvent> courtEvents, boolean stored) {
    /** Records as stored, every link kept. */
    public static final LinkedRecords STORED = new LinkedRecords(Set.of(), Map.of(), true);

    public boolean showsCharge(UUID id) {
        return stored || charges.contains(id);
    }

    public boolean showsCourtEvent(String name) {
        return stored || courtEvents.containsKey(id(name));
    }

    /**
     * The sentence a change shows: its own, or that of the court event it follows while that event
     * is active, names the charge and sets one, if the reader sees it.
     */
    public SentenceTerm sentenceOf(ChargeStatusChange change, UUID chargeId) {
        if (change.sentenceTerm() != null || change.courtEvent() == null || stored) {
            return change.sentenceTerm();
        }
        CourtEvent event = courtEvents.get(id(change.courtEvent()));
        return event != null && event.isActive() && event.names(chargeId) ? event.sentence() : null;
    }

    static UUID id(String courtEventName) {
        return CourtEventName.parse(courtEventName, "court_event").id();
    }
}
