package io.habeas.gateway.timeline;

import io.habeas.kernel.time.PartialDate;

/**
 * The one order of a timeline's events, paged or live, and its text form, the sort key. A source's rank is fixed
 * per timeline whatever the filters leave out, so that a key means the same place under any filter.
 */
final class TimelineOrder {

    static final int DETENTION_FEED = 0;
    static final int PERSON_CLAIMS = 1;
    static final int COUNTRY_STATEMENTS = 1;
    static final int COUNTRY_CLAIMS = 2;
    static final int DETAINEE_CLAIMS = 3;

    private static final String UNDATED = "9999-12-31.3";

    private TimelineOrder() {
    }

    /**
     * Where an event sits, as text that sorts so: the last day its placed date can be, its precision (0 day, 1 month,
     * 2 year), its source's rank; an item with no date comes last. Equal keys keep their sources' own order.
     */
    static String sortKey(PartialDate placed, int rank) {
        return (placed == null ? UNDATED : placed.latest() + "." + placed.precisionRank()) + "." + rank;
    }
}
