package io.habeas.support.watch;

import java.util.Comparator;
import java.util.List;

/**
 * A point in a change log: the writing transaction's id (xid8) and the change's number within the
 * log. Logs are read in this order, and only below the oldest transaction still running, so that a
 * reader that remembers the last position it read never skips a change committed later.
 */
public record ChangePosition(long xid, long seq) implements Comparable<ChangePosition> {
    /** Before every change. */
    public static final ChangePosition ORIGIN = new ChangePosition(0, 0);
    private static final Comparator<ChangePosition> ORDER = Comparator.comparingLong(ChangePosition::xid)
            .thenComparingLong(ChangePosition::seq);

    @Override
    public int compareTo(ChangePosition other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(ChangePosition other) {
        return compareTo(other) > 0;
    }

    List<String> fields() {
        return List.of(Long.toString(xid), Long.toString(seq));
    }

    static ChangePosition of(List<String> fields) {
        return new ChangePosition(Long.parseLong(fields.get(0)), Long.parseLong(fields.get(1)));
    }
}
