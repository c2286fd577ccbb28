package io.habeas.gateway.api;

import java.util.List;

/**
 * The calls for a person's release made during one detention (in a caller's scope, only that
 * caller's) and what followed. status is still_held, released, died_in_custody or escaped;
 * endDate is set once the detention ended; daysToRelease (released) counts the days known for
 * certain from the first call to the release, daysOutstanding (still held) those to today (to the
 * asOf's day); each is null otherwise.
 */
public record ReleaseOutcomeView(
        String person,
        String detention,
        String detainingCountry,
        String status,
        int callCount,
        DateView firstCall,
        DateView latestCall,
        List<ReleaseCalls.Caller> callers,
        List<String> callerCountries,
        DateView endDate,
        Integer daysToRelease,
        Integer daysOutstanding) {
}
