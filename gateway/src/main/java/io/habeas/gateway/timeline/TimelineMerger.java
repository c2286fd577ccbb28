package io.habeas.gateway.timeline;

import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges date-ordered sources into one page of a timeline. Order: by the last day an event's date
 * can be, then finer before coarser precision, then by source priority (the order of the source
 * list: detention-service sources first), then in the source's own order. Each source is read
 * from the page token and consumed count its cursor state names, so walking every page returns
 * every event exactly once, in order.
 *
 * A source whose backend cannot answer is marked missing for the rest of the walk (so that the
 * order stays true); when every source is missing the whole answer fails. A backend's rejection
 * of the request (NOT_FOUND, INVALID_ARGUMENT) fails the answer.
 */
public final class TimelineMerger {

    public record Result(List<TimelineEvent> events, Cursor next, List<MissingSource> missing, boolean allMissing,
            boolean allTimedOut) {
    }

    private final List<TimelineSource> sources;
    private final Cursor incoming;
    private final int limit;
    private final int backendPageSize;
    private final int maxFetches;

    private final String[] token;
    private final int[] consumed;
    private final Cursor.Status[] status;
    private final String[] reason;
    private final boolean[] loaded;
    private final List<List<TimelineSource.Item>> buffer = new ArrayList<>();
    private final int[] pos;
    private final String[] next;
    private final List<TimelineEvent> out = new ArrayList<>();
    private int fetches;

    /**
     * @param unavailableBefore backends already known to be unable to answer for this request
     */
    public TimelineMerger(List<TimelineSource> sources, Cursor incoming, int limit, int maxFetches,
            Map<Backend, BackendException> unavailableBefore) {
        this.sources = sources;
        this.incoming = incoming;
        this.limit = limit;
        this.backendPageSize = incoming.b();
        this.maxFetches = maxFetches;
        int n = sources.size();
        token = new String[n];
        consumed = new int[n];
        status = new Cursor.Status[n];
        reason = new String[n];
        loaded = new boolean[n];
        pos = new int[n];
        next = new String[n];
        for (int i = 0; i < n; i++) {
            Cursor.State st = incoming.state(sources.get(i).id());
            token[i] = st.t();
            consumed[i] = st.c();
            status[i] = st.x();
            reason[i] = st.r();
            buffer.add(List.of());
        }
        unavailableBefore.forEach((backend, failure) -> markMissing(backend, failure.reason()));
    }

    public Uni<Result> run() {
        List<Uni<Void>> loads = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (status[i] == Cursor.Status.ACTIVE) {
                loads.add(load(i));
            }
        }
        return all(loads).chain(this::advance);
    }

    private static Uni<Void> all(List<Uni<Void>> loads) {
        if (loads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(loads).discardItems();
    }

    private Uni<Void> load(int i) {
        synchronized (this) {
            fetches++;
        }
        String pageToken = token[i];
        return sources.get(i).fetch(pageToken, backendPageSize)
                .invoke(page -> loaded(i, page))
                .replaceWithVoid()
                .onFailure(f -> f instanceof BackendException be && be.unavailable())
                .recoverWithItem(f -> {
                    BackendException be = (BackendException) f;
                    markMissing(be.backend(), be.reason());
                    return null;
                });
    }

    private synchronized void loaded(int i, TimelineSource.Page page) {
        buffer.set(i, page.items());
        pos[i] = Math.min(consumed[i], page.items().size());
        next[i] = page.nextPageToken();
        loaded[i] = true;
    }

    private synchronized void markMissing(Backend backend, String why) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).backend() == backend && status[i] == Cursor.Status.ACTIVE) {
                status[i] = Cursor.Status.MISSING;
                reason[i] = why;
            }
        }
    }

    private synchronized Uni<Result> advance() {
        while (true) {
            List<Integer> refill = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                if (status[i] != Cursor.Status.ACTIVE || !loaded[i] || pos[i] < buffer.get(i).size()) {
                    continue;
                }
                if (next[i] != null && !next[i].isEmpty()) {
                    token[i] = next[i];
                    consumed[i] = 0;
                    loaded[i] = false;
                    refill.add(i);
                } else {
                    status[i] = Cursor.Status.DONE;
                }
            }
            if (!refill.isEmpty()) {
                if (fetches + refill.size() > maxFetches) {
                    return Uni.createFrom().item(finish(true));
                }
                List<Uni<Void>> loads = new ArrayList<>();
                for (int i : refill) {
                    loads.add(load(i));
                }
                return all(loads).chain(this::advance);
            }
            int best = -1;
            for (int i = 0; i < sources.size(); i++) {
                if (status[i] == Cursor.Status.ACTIVE && loaded[i] && pos[i] < buffer.get(i).size()
                        && (best < 0 || before(head(i), head(best)))) {
                    best = i;
                }
            }
            if (best < 0) {
                return Uni.createFrom().item(finish(false));
            }
            TimelineSource.Item item = head(best);
            if (item.event() != null) {
                if (out.size() >= limit) {
                    return Uni.createFrom().item(finish(true));
                }
                out.add(item.event());
            }
            pos[best]++;
        }
    }

    private TimelineSource.Item head(int i) {
        return buffer.get(i).get(pos[i]);
    }

    /** Strictly before; equal keys keep the earlier source first because sources are scanned in order. */
    private static boolean before(TimelineSource.Item a, TimelineSource.Item b) {
        int byDay = a.key().compareTo(b.key());
        return byDay != 0 ? byDay < 0 : a.rank() < b.rank();
    }

    private Result finish(boolean more) {
        Map<String, Cursor.State> states = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        boolean allMissing = !sources.isEmpty();
        boolean allTimedOut = !sources.isEmpty();
        for (int i = 0; i < sources.size(); i++) {
            String id = sources.get(i).id();
            switch (status[i]) {
                case MISSING -> {
                    states.put(id, new Cursor.State("", 0, Cursor.Status.MISSING, reason[i]));
                    missing.putIfAbsent(sources.get(i).backend().serviceName(), reason[i]);
                    allTimedOut &= "timeout".equals(reason[i]);
                }
                case DONE -> {
                    states.put(id, new Cursor.State("", 0, Cursor.Status.DONE, null));
                    allMissing = false;
                }
                default -> {
                    states.put(id, new Cursor.State(token[i], loaded[i] ? pos[i] : consumed[i], Cursor.Status.ACTIVE, null));
                    allMissing = false;
                }
            }
        }
        List<MissingSource> missingList = missing.entrySet().stream()
                .map(e -> new MissingSource(e.getKey(), e.getValue())).toList();
        Cursor nextCursor = more ? new Cursor(1, incoming.q(), backendPageSize, states) : null;
        return new Result(List.copyOf(out), nextCursor, missingList, allMissing, allMissing && allTimedOut);
    }
}
