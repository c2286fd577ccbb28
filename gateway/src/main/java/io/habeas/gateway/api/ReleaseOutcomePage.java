package io.habeas.gateway.api;

import java.util.List;

/**
 * A page of release outcomes in one scope, persons in the order they were recorded, then their
 * detentions by start. statistics covers the whole scope and comes with the first page (no cursor);
 * the pages after it carry only rows (statistics null). nextCursor is null on the last page; a page
 * may hold fewer outcomes than pageSize before it.
 */
public record ReleaseOutcomePage(Scope scope, Statistics statistics, List<ReleaseOutcomeView> outcomes, String nextCursor) {

    /** Exactly one set: a detaining country, a calling actor's id, or the callers' country. */
    public record Scope(String detainingCountry, String callerActor, String callerCountry) {
    }

    /**
     * Figures over every outcome of the scope: persons with at least one, their calls, how many ended
     * in release, are still held, or ended otherwise (death in custody, escape); the median (the mean
     * of the two middle values for an even count) and longest days from the first call to a release;
     * the longest days outstanding and whose (the earliest recorded person on a tie; null when none is held).
     */
    public record Statistics(int personsWithCalls, int callCount, int releasedAfterCalls, int stillHeld, int otherEnd,
                             double medianDaysToRelease, int longestDaysToRelease, int longestDaysOutstanding,
                             String longestOutstandingPerson) {
    }
}
