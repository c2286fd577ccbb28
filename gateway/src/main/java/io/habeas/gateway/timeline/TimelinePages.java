package io.habeas.gateway.timeline;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.TimelinePage;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.client.BackendsUnavailable;
import io.habeas.gateway.paging.Cursor;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.kernel.paging.QueryFingerprint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** One page of a timeline: its cursor read and checked, its sources merged, the next cursor written. */
@ApplicationScoped
public class TimelinePages {

    @Inject
    GatewayConfig config;

    @Inject
    AccessPolicy access;

    /** A walk's request: the query's fingerprint and where the walk stands. */
    public record Walk(QueryFingerprint fingerprint, Cursor cursor) {
    }

    /** Reads the cursor before any backend is called: a 400 naming it when this query and caller did not get it. */
    public Walk walk(String timeline, String subject, TimelineQuery query, String cursor) {
        QueryFingerprint fingerprint = query.fingerprint(timeline, subject, config.timeline().backendPageSize(),
                access.reader());
        return new Walk(fingerprint, CursorCodec.decode(cursor, fingerprint));
    }

    /**
     * @param unavailable a backend already known to be unable to answer this request, or null
     */
    public Uni<TimelinePage> page(Walk walk, List<TimelineSource> sources, int limit, BackendException unavailable) {
        if (sources.isEmpty()) {
            return Uni.createFrom().item(new TimelinePage(List.of(), null, false, List.of()));
        }
        TimelineMerger merger = new TimelineMerger(sources, walk.cursor(), limit, config.timeline());
        if (unavailable != null) {
            merger.markMissing(unavailable.backend(), unavailable.reason());
        }
        return merger.run().map(result -> {
            if (result.allMissing()) {
                throw new BackendsUnavailable(result.missing(), result.allTimedOut());
            }
            String next = result.next() == null ? null : CursorCodec.encode(walk.fingerprint(), result.next());
            return new TimelinePage(result.events(), next, !result.missing().isEmpty(), result.missing());
        });
    }
}
