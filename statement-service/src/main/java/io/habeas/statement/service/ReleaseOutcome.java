package io.habeas.statement.service;

import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.client.DetentionEpisodes.Episode;
import io.habeas.statement.domain.DetentionStanding;
import io.habeas.statement.repository.ReleaseCallRepository.ReleaseCall;
import java.util.List;
import java.util.UUID;

/**
 * The calls made during one detention (in a caller scope, only that caller's), in timeline order,
 * and what followed: days from the first call to the release (released), or to the read's day (held).
 */
public record ReleaseOutcome(UUID person, Episode detention, List<ReleaseCall> calls, List<FeedService.Caller> callers,
                             List<String> callerCountries, int daysToRelease, int daysOutstanding) {

    public int callCount() {
        return calls.size();
    }

    public PartialDate firstCall() {
        return calls.get(0).madeOn();
    }

    public PartialDate latestCall() {
        return calls.get(calls.size() - 1).madeOn();
    }

    public DetentionStanding standing() {
        return detention.standing();
    }

    /** One person's outcomes, latest detention start first, and the calls made outside any detention. */
    public record OfPerson(List<ReleaseOutcome> outcomes, int callsOutsideDetention) {
    }

    /** Figures over the outcomes of one scope; longestOutstandingPerson is null when no one is held. */
    public record Statistics(int personsWithCalls, int callCount, int releasedAfterCalls, int stillHeld, int otherEnd,
                             double medianDaysToRelease, int longestDaysToRelease, int longestDaysOutstanding,
                             UUID longestOutstandingPerson) {
    }
}
