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

    /** A watch's first response: no change, only the point it starts from. */
    public static LiveChange started(String source, String resumeToken) {
        return new LiveChange(source, null, null, null, null, resumeToken);
    }

    /** Whether this is a watch's start. */
    public boolean isStart() {
        return kind == null && event == null && retractedId == null && sortKey == null;
    }

    /** Whether the client is told of it: otherwise it only moves the source's resume point. */
    public boolean shown() {
        return kind == Kind.RETRACTED ? retractedId != null : event != null;
    }
}
