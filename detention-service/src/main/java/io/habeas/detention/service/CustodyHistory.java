package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.time.PartialDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Replays a detention's custody events to check that they fit together and to derive where
 * the detention stands. Dates are compared by their whole period: an event in "July 2023"
 * does not predate a detention that began on 23 July 2023.
 */
final class CustodyHistory {
    static final Comparator<CustodyEvent> CHRONOLOGICAL = Comparator
            .comparing((CustodyEvent e) -> e.occurredSort)
            .thenComparing(e -> e.precisionRank)
            .thenComparing(e -> e.id);

    record Outcome(CustodyStatus currentStatus, PartialDate endDate) {
    }

    private CustodyHistory() {
    }

    /** The outcome of events that fit together, as their reader sees them (all of them fit, so this does not fail). */
    static Outcome replay(Detention detention, List<CustodyEvent> activeEvents) {
        return replay(detention, activeEvents, event -> true);
    }

    /**
     * Checks that the events fit together, whoever writes. A failure names an event, or its date,
     * only when the writer may see it: otherwise it names the detention and no date.
     */
    static Outcome replay(Detention detention, List<CustodyEvent> activeEvents, Predicate<CustodyEvent> shownToWriter) {
        List<CustodyEvent> events = activeEvents.stream().sorted(CHRONOLOGICAL).toList();
        CustodyEvent end = null;
        for (CustodyEvent event : events) {
            if (event.occurredOn.certainlyBefore(detention.startDate)) {
                throw shownToWriter.test(event)
                        ? new FailedPreconditionException("EVENT_BEFORE_DETENTION_START", event.resourceName(),
                                "the event on " + event.occurredOn + " predates the detention's start on " + detention.startDate)
                        : new FailedPreconditionException("EVENT_BEFORE_DETENTION_START", detention.resourceName(),
                                "a custody event predates the detention's start on " + detention.startDate);
            }
            if (event.type.isFinal()) {
                if (end != null) {
                    throw new FailedPreconditionException("DETENTION_ALREADY_ENDED", detention.resourceName(),
                            "the detention already ended" + (shownToWriter.test(end) ? " on " + end.occurredOn : "")
                                    + "; a re-arrest is a new detention");
                }
                end = event;
            }
        }
        CustodyStatus status = detention.initialStatus;
        for (CustodyEvent event : events) {
            if (event == end) {
                continue;
            }
            if (end != null && end.occurredOn.certainlyBefore(event.occurredOn)) {
                throw new FailedPreconditionException("EVENT_AFTER_FINAL_RELEASE",
                        shownToWriter.test(event) ? event.resourceName() : detention.resourceName(),
                        (shownToWriter.test(event) ? "the event on " + event.occurredOn : "a custody event")
                                + " comes after the detention ended" + (shownToWriter.test(end) ? " on " + end.occurredOn : "")
                                + "; a re-arrest is a new detention");
            }
            status = event.type.statusAfter(status);
        }
        return end == null ? new Outcome(status, null) : new Outcome(end.type.statusAfter(status), end.occurredOn);
    }
}
