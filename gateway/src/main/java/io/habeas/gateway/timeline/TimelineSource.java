package io.habeas.gateway.timeline;

import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.kernel.time.PartialDate;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * One date-ordered backend list the merger reads from: a feed of detention-service or a claim or
 * statement list of statement-service. Pages are fetched with a fixed page size, so that a page
 * token and a count of consumed items always name the same position.
 *
 * @param id stable within a query: the key of this source's position in a cursor
 * @param rank its place among the timeline's sources on equal dates ({@link TimelineOrder})
 */
public record TimelineSource(String id, int rank, Backend backend, Fetcher fetcher) {

    @FunctionalInterface
    public interface Fetcher {
        Uni<Page> fetch(String pageToken, int pageSize);
    }

    /** A page of the backend list, read as events: a name in it that breaks the contract is the backend's bad answer. */
    public Uni<Page> fetch(String pageToken, int pageSize) {
        return backend.read(fetcher.fetch(pageToken, pageSize));
    }

    /** A fetched page: every item of it, shown or not, so that positions stay countable. */
    public record Page(List<Item> items, String nextPageToken) {

        public static <T> Page of(List<T> backendItems, Function<T, Item> item, String nextPageToken) {
            return new Page(backendItems.stream().map(item).toList(), nextPageToken);
        }
    }

    /**
     * An item at its place in the source's order; date is where the source places it (a feed item's
     * placed_at when set: it may differ from the date the event shows), null when the item has none.
     * event is null for an item that is not shown (confidential, filtered out by kind, or shown by
     * another source) but still occupies a position.
     */
    public record Item(PartialDate date, TimelineEvent event) {

        public static Item of(io.habeas.common.v1.PartialDate date, TimelineEvent event) {
            return new Item(CommonProtos.optionalDate(date), event);
        }
    }
}
