package io.habeas.gateway.history;

import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.HistoryPage;
import io.habeas.gateway.api.RevisionView;
import io.habeas.gateway.paging.Cursor;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.gateway.paging.SourcePosition;
import io.habeas.kernel.paging.QueryFingerprint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages of a record's revisions, read from its List<X>Revisions in backend pages of a size the
 * server fixes (no client value reaches the backend's page_size). A cursor holds the backend page
 * token and how many of that page's revisions were consumed, and is bound to the record, that page
 * size and the caller, like every cursor of the gateway. Revisions the gateway does not show still
 * count as consumed, so a page may hold fewer than pageSize: follow nextCursor until null. One page
 * reads at most {@link #MAX_BACKEND_PAGES} backend pages.
 */
@ApplicationScoped
public class HistoryPages {

    static final int BACKEND_PAGE = 50;
    static final int MAX_BACKEND_PAGES = 5;
    /** The one list a history cursor walks. */
    private static final String SOURCE = "revisions";

    @Inject
    AccessPolicy access;

    /** A backend page: each revision as shown, null where it is not, so that positions stay countable. */
    public record Fetched(List<RevisionView> revisions, String nextPageToken) {
    }

    @FunctionalInterface
    public interface Fetcher {
        Uni<Fetched> fetch(String pageToken, int pageSize);
    }

    /** A walk's request: what its cursor is bound to and where it stands. */
    public record Walk(QueryFingerprint query, SourcePosition at) {
    }

    /** Reads the cursor before any backend is called: a 400 naming it when this record and caller did not get it. */
    public Walk walk(String recordName, String cursor) {
        QueryFingerprint query = QueryFingerprint.of("history", recordName, BACKEND_PAGE, access.reader());
        return new Walk(query, CursorCodec.decode(cursor, query).position(SOURCE));
    }

    public Uni<HistoryPage> page(Walk walk, int pageSize, Fetcher fetcher) {
        return new Run(walk.query(), pageSize, fetcher).read(walk.at().pageToken(), walk.at().consumed(), 0);
    }

    private static final class Run {
        private final QueryFingerprint query;
        private final int pageSize;
        private final Fetcher fetcher;
        private final List<RevisionView> out = new ArrayList<>();

        Run(QueryFingerprint query, int pageSize, Fetcher fetcher) {
            this.query = query;
            this.pageSize = pageSize;
            this.fetcher = fetcher;
        }

        Uni<HistoryPage> read(String token, int consumed, int fetched) {
            if (fetched >= MAX_BACKEND_PAGES) {
                return Uni.createFrom().item(next(token, consumed));
            }
            return fetcher.fetch(token, BACKEND_PAGE).chain(page -> {
                List<RevisionView> revisions = page.revisions();
                int pos = Math.min(consumed, revisions.size());
                while (pos < revisions.size() && out.size() < pageSize) {
                    RevisionView r = revisions.get(pos++);
                    if (r != null) {
                        out.add(r);
                    }
                }
                boolean pageRead = pos >= revisions.size();
                if (pageRead && page.nextPageToken().isEmpty()) {
                    return Uni.createFrom().item(new HistoryPage(List.copyOf(out), null));
                }
                if (!pageRead) {
                    return Uni.createFrom().item(next(token, pos));
                }
                return out.size() >= pageSize ? Uni.createFrom().item(next(page.nextPageToken(), 0))
                        : read(page.nextPageToken(), 0, fetched + 1);
            });
        }

        private HistoryPage next(String token, int consumed) {
            Cursor next = new Cursor(Map.of(SOURCE, SourcePosition.at(token, consumed)));
            return new HistoryPage(List.copyOf(out), CursorCodec.encode(query, next));
        }
    }
}
