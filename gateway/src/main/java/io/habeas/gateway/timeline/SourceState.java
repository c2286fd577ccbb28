package io.habeas.gateway.timeline;

import io.habeas.gateway.paging.SourcePosition;
import io.habeas.gateway.paging.SourcePosition.Status;
import java.util.List;

/**
 * One source of a merge: where it stands (as its cursor position said, then as the merge moves it)
 * and the page fetched from there. Not thread-safe: the merger guards it.
 */
final class SourceState {

    final TimelineSource source;
    private String pageToken;
    private int consumed;
    private Status status;
    private String missingReason;
    private boolean loaded;
    private List<TimelineSource.Item> items = List.of();
    private int next;
    private String nextPageToken;

    SourceState(TimelineSource source, SourcePosition at) {
        this.source = source;
        this.pageToken = at.pageToken();
        this.consumed = at.consumed();
        this.status = at.status();
        this.missingReason = at.missingReason();
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    boolean missing() {
        return status == Status.MISSING;
    }

    String missingReason() {
        return missingReason;
    }

    String pageToken() {
        return pageToken;
    }

    void loaded(TimelineSource.Page page) {
        items = page.items();
        next = Math.min(consumed, items.size());
        nextPageToken = page.nextPageToken();
        loaded = true;
    }

    void markMissing(String reason) {
        if (active()) {
            status = Status.MISSING;
            missingReason = reason;
        }
    }

    /** Active, fetched, and every item of its page consumed. */
    boolean pageUsedUp() {
        return active() && loaded && next >= items.size();
    }

    /** Moves on to the next page, to be fetched; true when there is one, else the source is done. */
    boolean turnPage() {
        if (nextPageToken == null || nextPageToken.isEmpty()) {
            status = Status.DONE;
            return false;
        }
        pageToken = nextPageToken;
        consumed = 0;
        loaded = false;
        return true;
    }

    /** The next item of the fetched page, or null when there is none to merge now. */
    TimelineSource.Item head() {
        return active() && loaded && next < items.size() ? items.get(next) : null;
    }

    void consumeHead() {
        next++;
    }

    SourcePosition position() {
        return switch (status) {
            case MISSING -> SourcePosition.missing(missingReason);
            case DONE -> SourcePosition.done();
            case ACTIVE -> SourcePosition.at(pageToken, loaded ? next : consumed);
        };
    }
}
