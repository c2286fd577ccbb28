package io.habeas.gateway.live;

import io.habeas.gateway.api.TimelineEvent;

/**
 * One change of one backend watch, read as the timeline shows it. An added or corrected change
 * carries its event; a retracted one the id of the event to remove. Neither (the change is hidden
 * from the caller, filtered out, or shown by another source) is a change that only moves the
 * source's resume point.
 *
 * @param source the id of the watch it came from
 * @param sortKey where the event sits in the paged timeline's order (see gateway/README.md, "Live timelines")
 * @param resumeToken the backend's resume point just after this change
 */
public record LiveChange(String source, Kind kind, TimelineEvent event, String retractedId, String sortKey,
        String resumeToken) {

    public enum Kind {
        ADDED, CORRECTED, RETRACTED;

        /** The SSE event name: added, corrected, retracted. */
        public String eventName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the client is told of it: otherwise it only moves the source's resume point. */
    public boolean shown() {
        return kind == Kind.RETRACTED ? retractedId != null : event != null;
    }
}
