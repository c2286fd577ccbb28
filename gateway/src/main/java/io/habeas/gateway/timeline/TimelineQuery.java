package io.habeas.gateway.timeline;

import io.habeas.common.v1.DateRange;
import io.habeas.gateway.client.AsOf;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.kernel.time.PartialDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Filters of a timeline: a date range (bounds cover their whole period), kinds, for countries roles,
 * and the instant it is read as of (every backend call of the read carries it).
 */
public record TimelineQuery(PartialDate from, PartialDate to, Set<String> kinds, Set<String> roles, AsOf asOf) {

    public static DateRange dateRange(PartialDate from, PartialDate to) {
        DateRange.Builder range = DateRange.newBuilder();
        if (from != null) {
            range.setStart(CommonProtos.date(from));
        }
        if (to != null) {
            range.setEnd(CommonProtos.date(to));
        }
        return range.build();
    }

    public DateRange dateRange() {
        return dateRange(from, to);
    }

    public boolean wants(String kind) {
        return kinds.contains(kind);
    }

    public boolean wantsAny(Set<String> someKinds) {
        return someKinds.stream().anyMatch(kinds::contains);
    }

    public boolean wantsRole(String role) {
        return roles.contains(role);
    }

    /**
     * What a cursor of this query is bound to: the timeline, its subject, these filters, the instant
     * it is read as of, the backend page size and the reader, since its positions may sit between
     * records only that reader sees (or that only that instant knew). A current read's fingerprint is
     * the one it had before reads as of an instant existed, so that cursors issued then still serve.
     */
    public QueryFingerprint fingerprint(String timeline, String subject, int backendPageSize, String reader) {
        return asOf.isNow()
                ? QueryFingerprint.of(timeline, subject, from, to, new TreeSet<>(kinds), new TreeSet<>(roles), backendPageSize,
                        reader)
                : QueryFingerprint.of(timeline, subject, from, to, new TreeSet<>(kinds), new TreeSet<>(roles), backendPageSize,
                        reader, asOf.toString());
    }
}
