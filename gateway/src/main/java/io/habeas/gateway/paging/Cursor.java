package io.habeas.gateway.paging;

import java.util.Map;

/** Where a walk over merged backend lists stands, per source id; a source it does not name starts afresh. */
public record Cursor(Map<String, SourcePosition> positions) {

    public static final Cursor START = new Cursor(Map.of());

    public SourcePosition position(String sourceId) {
        return positions.getOrDefault(sourceId, SourcePosition.START);
    }
}
