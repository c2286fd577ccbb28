package io.habeas.gateway.timeline;

import io.habeas.common.v1.DateRange;
import io.habeas.common.v1.PartialDate;
import java.util.Set;
import java.util.TreeSet;

/** Filters of a timeline: a date range (bounds cover their whole period), kinds, and for countries roles. */
public record TimelineQuery(PartialDate from, PartialDate to, Set<String> kinds, Set<String> roles) {

    public static final Set<String> ROLES = Set.of("detaining", "speaking", "subject");

    public DateRange dateRange() {
        DateRange.Builder range = DateRange.newBuilder();
        if (from != null) {
            range.setStart(from);
        }
        if (to != null) {
            range.setEnd(to);
        }
        return range.build();
    }

    public boolean wants(String kind) {
        return kinds.contains(kind);
    }

    public boolean wantsRole(String role) {
        return roles.contains(role);
    }

    /** What identifies the query for its cursors. */
    public String key(String path) {
        return path + "|" + (from == null ? "" : Dates.value(from)) + "|" + (to == null ? "" : Dates.value(to)) + "|"
                + new TreeSet<>(kinds) + "|" + new TreeSet<>(roles);
    }
}
