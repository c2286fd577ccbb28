package io.habeas.gateway.timeline;

import io.habeas.common.v1.PartialDate;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;

/**
 * One date-ordered backend list the merger reads from: a feed of detention-service or a claim or
 * statement list of statement-service. Pages are fetched with a fixed page size, so that a page
 * token and a count of consumed items always name the same position.
 */
public interface TimelineSource {

    /** Stable within a query: the key of this source's state in a cursor. */
    String id();

    Backend backend();

    Uni<Page> fetch(String pageToken, int pageSize);

    /** A fetched page: every item of it, shown or not, so that positions stay countable. */
    record Page(List<Item> items, String nextPageToken) {
    }

    /**
     * An item at its place in the source's order. event is null for an item that is not shown
     * (confidential, filtered out by kind, or shown by another source) but still occupies a position.
     */
    record Item(LocalDate key, int rank, TimelineEvent event) {

        public static Item of(PartialDate date, TimelineEvent event) {
            return new Item(Dates.sortKey(date), Dates.precisionRank(date), event);
        }
    }
}
