package io.habeas.support.watch;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The queries every change log (a table written by trigger, ordered by xid8 and seq, with a
 * one-row horizon table) answers alike: its head, its horizon, what is settled after a position, and
 * the retention's purge. A service's repository adds its columns and its feeds' own queries. Every
 * method runs in the caller's transaction.
 */
public abstract class ChangeLogQueries<C extends WatchHub.Change> {
    /** Only changes of transactions below the oldest one still running, which can no longer be preceded. */
    private static final String SETTLED = " c.xid < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String AFTER = " (c.xid, c.seq) > (CAST(CAST(:afterXid AS text) AS xid8), :afterSeq)";
    protected static final String THROUGH = " (c.xid, c.seq) <= (CAST(CAST(:throughXid AS text) AS xid8), :throughSeq)";
    private static final String ORDER = " ORDER BY c.xid, c.seq LIMIT :limit";
    /** The changes after a position of the same transaction: the rest of a batch's last transaction. */
    private static final String REST_OF_TRANSACTION = " c.xid = CAST(CAST(:afterXid AS text) AS xid8) AND c.seq > :afterSeq";

    @Inject
    protected EntityManager entityManager;

    private final String table;
    private final String columns;

    /**
     * @param table the log, whose horizon is in {@code <table>_horizon}
     * @param columns the select list, xid and seq first, read by {@link #change}
     */
    protected ChangeLogQueries(String table, String columns) {
        this.table = table;
        this.columns = "SELECT CAST(CAST(c.xid AS text) AS bigint), c.seq, " + columns + " FROM " + table + " c";
    }

    /** A change from a row of the select list. */
    protected abstract C change(Object[] row);

    /** The last settled change, or the retention's horizon when none is kept. */
    public ChangePosition head() {
        List<?> rows = entityManager.createNativeQuery(columns + " WHERE" + SETTLED + " ORDER BY c.xid DESC, c.seq DESC LIMIT 1")
                .getResultList();
        return rows.isEmpty() ? horizon() : change((Object[]) rows.get(0)).position();
    }

    /** The last change the retention deleted; the origin before it first deleted any. */
    public ChangePosition horizon() {
        List<?> rows = entityManager.createNativeQuery(
                "SELECT CAST(CAST(through_xid AS text) AS bigint), through_seq FROM " + table + "_horizon").getResultList();
        if (rows.isEmpty()) {
            return ChangePosition.ORIGIN;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Settled changes of every feed after a position, in log order, whole transactions ({@link #changesAfter}). */
    public List<C> after(ChangePosition after, int limit) {
        return changesAfter(SETTLED, query -> query, after, limit);
    }

    /** Deletes the settled changes made before the cutoff, oldest first, moving the horizon past them. */
    public int purge(Instant cutoff) {
        entityManager.createNativeQuery("INSERT INTO " + table + "_horizon AS h (through_xid, through_seq)"
                        + " SELECT c.xid, c.seq FROM " + table + " c WHERE c.changed_at < :cutoff AND" + SETTLED
                        + " ORDER BY c.xid DESC, c.seq DESC LIMIT 1"
                        + " ON CONFLICT (only_row) DO UPDATE SET through_xid = excluded.through_xid, through_seq = excluded.through_seq"
                        + " WHERE (excluded.through_xid, excluded.through_seq) > (h.through_xid, h.through_seq)")
                .setParameter("cutoff", cutoff).executeUpdate();
        return entityManager.createNativeQuery("DELETE FROM " + table + " c USING " + table + "_horizon h"
                + " WHERE (c.xid, c.seq) <= (h.through_xid, h.through_seq)").executeUpdate();
    }

    /**
     * The changes that meet a condition (its parameters bound by bind) after a position, in log order: limit of them,
     * and when there are that many, the rest of the last one's transaction too. Watchers are sent what one
     * transaction did to one item as one change, which a transaction split between two batches would send twice.
     */
    protected List<C> changesAfter(String condition, UnaryOperator<Query> bind, ChangePosition after, int limit) {
        List<C> batch = changes(bind.apply(query(condition + " AND" + AFTER)), after, limit);
        if (batch.size() < limit) {
            return batch;
        }
        List<C> rest = changes(bind.apply(query(condition + " AND" + REST_OF_TRANSACTION)),
                batch.get(batch.size() - 1).position(), Integer.MAX_VALUE);
        return rest.isEmpty() ? batch : Stream.concat(batch.stream(), rest.stream()).toList();
    }

    private Query query(String condition) {
        return entityManager.createNativeQuery(columns + " WHERE" + condition + ORDER);
    }

    private List<C> changes(Query query, ChangePosition after, int limit) {
        List<?> rows = query.setParameter("afterXid", Long.toString(after.xid())).setParameter("afterSeq", after.seq())
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> change((Object[]) row)).toList();
    }

    /** A (through) bound on a query of {@link #THROUGH}. */
    protected static Query through(Query query, ChangePosition through) {
        return query.setParameter("throughXid", Long.toString(through.xid())).setParameter("throughSeq", through.seq());
    }

    /** The position of a row of the select list. */
    protected static ChangePosition position(Object[] row) {
        return new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
