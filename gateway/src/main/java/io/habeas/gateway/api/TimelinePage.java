package io.habeas.gateway.api;

import java.util.List;

/**
 * One page of a timeline. nextCursor is null on the last page. partial is true when a backend's
 * events are missing from this page (missing says which); it stays true for the rest of a walk.
 */
public record TimelinePage(List<TimelineEvent> events, String nextCursor, boolean partial, List<MissingSource> missing) {

    public TimelinePage withMissing(MissingSource source) {
        List<MissingSource> all = new java.util.ArrayList<>(missing);
        all.add(source);
        return new TimelinePage(events, nextCursor, true, List.copyOf(all));
    }
}
