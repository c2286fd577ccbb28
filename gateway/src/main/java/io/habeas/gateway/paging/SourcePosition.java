package io.habeas.gateway.paging;

/**
 * Where a walk stands in one backend list: the page token it last fetched ("" for the first page)
 * and how many items of that page it consumed, shown or skipped; or that the list is done; or that
 * it is missing for the rest of the walk, and why.
 */
public record SourcePosition(String pageToken, int consumed, Status status, String missingReason) {

    public enum Status { ACTIVE, DONE, MISSING }

    public static final SourcePosition START = at("", 0);

    public static SourcePosition at(String pageToken, int consumed) {
        return new SourcePosition(pageToken, consumed, Status.ACTIVE, null);
    }

    public static SourcePosition done() {
        return new SourcePosition("", 0, Status.DONE, null);
    }

    public static SourcePosition missing(String reason) {
        return new SourcePosition("", 0, Status.MISSING, reason);
    }
}
