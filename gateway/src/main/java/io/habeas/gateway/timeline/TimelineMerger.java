package io.habeas.gateway.timeline;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.paging.Cursor;
import io.habeas.gateway.paging.SourcePosition;
import io.habeas.kernel.time.PartialDate;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges date-ordered sources into one page of a timeline. Order: the kernel's timeline order of
 * the dates items are placed at (a feed item's placed_at when set, so that an imprecise custody
 * event stays before its detention's release; a missing date after every real one), then source
 * priority (the order of the source list, which is their ranks' order: detention-service sources first), then
 * the source's own order; each event carries that place as its sort key ({@link TimelineOrder}). Each source is read from
 * the position its cursor names, so walking every page returns every event exactly once, in order.
 *
 * A source whose backend cannot answer is marked missing for the rest of the walk (so that the
 * order stays true); when every source is missing the whole answer fails. A backend's rejection
 * of the request (NOT_FOUND, INVALID_ARGUMENT) fails the answer.
 */
public final class TimelineMerger {

    public record Result(List<TimelineEvent> events, Cursor next, List<MissingSource> missing, boolean allMissing,
            boolean allTimedOut) {
    }

    private static final Comparator<PartialDate> ORDER = Comparator.nullsLast(PartialDate.TIMELINE_ORDER);

    private final List<SourceState> sources = new ArrayList<>();
    private final int limit;
    private final int backendPageSize;
    private final int maxFetches;
    private final List<TimelineEvent> out = new ArrayList<>();
    private int fetches;

    public TimelineMerger(List<TimelineSource> sources, Cursor from, int limit, GatewayConfig.Timeline settings) {
        for (TimelineSource source : sources) {
            this.sources.add(new SourceState(source, from.position(source.id())));
        }
        this.limit = limit;
        this.backendPageSize = settings.backendPageSize();
        this.maxFetches = settings.maxFetchesPerPage();
    }

    public Uni<Result> run() {
        return load(sources.stream().filter(SourceState::active).toList()).chain(this::advance);
    }

    /** Every source of the backend is missing from here on, for this reason. */
    public synchronized void markMissing(Backend backend, String reason) {
        for (SourceState s : sources) {
            if (s.source.backend() == backend) {
                s.markMissing(reason);
            }
        }
    }

    private Uni<Void> load(List<SourceState> toLoad) {
        if (toLoad.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(toLoad.stream().map(this::load).toList()).discardItems();
    }

    private Uni<Void> load(SourceState s) {
        synchronized (this) {
            fetches++;
        }
        return s.source.fetch(s.pageToken(), backendPageSize)
                .invoke(page -> loaded(s, page))
                .replaceWithVoid()
                .onFailure(f -> f instanceof BackendException be && be.unavailable())
                .recoverWithItem(f -> {
                    BackendException be = (BackendException) f;
                    markMissing(be.backend(), be.reason());
                    return null;
                });
    }

    private synchronized void loaded(SourceState s, TimelineSource.Page page) {
        s.loaded(page);
    }

    private synchronized Uni<Result> advance() {
        while (true) {
            List<SourceState> refill = new ArrayList<>();
            for (SourceState s : sources) {
                if (s.pageUsedUp() && s.turnPage()) {
                    refill.add(s);
                }
            }
            if (!refill.isEmpty()) {
                if (fetches + refill.size() > maxFetches) {
                    return Uni.createFrom().item(finish(true));
                }
                return load(refill).chain(this::advance);
            }
            SourceState first = first();
            if (first == null) {
                return Uni.createFrom().item(finish(false));
            }
            TimelineEvent event = first.head().event();
            if (event != null) {
                if (out.size() >= limit) {
                    return Uni.createFrom().item(finish(true));
                }
                out.add(event.withSortKey(TimelineOrder.sortKey(first.head().date(), first.source.rank())));
            }
            first.consumeHead();
        }
    }

    /** The source whose head comes first; on equal dates the earlier source, since sources are scanned in order. */
    private SourceState first() {
        SourceState first = null;
        for (SourceState s : sources) {
            if (s.head() != null && (first == null || ORDER.compare(s.head().date(), first.head().date()) < 0)) {
                first = s;
            }
        }
        return first;
    }

    private Result finish(boolean more) {
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        boolean allMissing = !sources.isEmpty();
        boolean allTimedOut = !sources.isEmpty();
        for (SourceState s : sources) {
            positions.put(s.source.id(), s.position());
            if (s.missing()) {
                missing.putIfAbsent(s.source.backend().serviceName(), s.missingReason());
                allTimedOut &= "timeout".equals(s.missingReason());
            } else {
                allMissing = false;
            }
        }
        List<MissingSource> missingList = missing.entrySet().stream()
                .map(e -> new MissingSource(e.getKey(), e.getValue())).toList();
        return new Result(List.copyOf(out), more ? new Cursor(positions) : null, missingList, allMissing,
                allMissing && allTimedOut);
    }
}
