package io.habeas.support.history;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.StatelessSession;
import org.hibernate.query.NativeQuery;

/**
 * The relations one read sees. Now: the tables themselves, and entities from the request's
 * session, as before. As of an instant (issue 12): each table T as the rows of T recorded by
 * then and the rows of T_history that were current then (index-backed on both sides), and
 * entities from a stateless session of their own: detached snapshots that never meet the current
 * entities of the same ids, and that nothing can flush back. A query is written once; only the
 * relations it reads, and the checks that the records are visible now too, differ.
 */
public final class Snapshot {
    private static final String AS_OF = "asOf";

    private final AsOf asOf;
    private final Snapshots snapshots;

    Snapshot(AsOf asOf, Snapshots snapshots) {
        this.asOf = asOf;
        this.snapshots = snapshots;
    }

    public AsOf asOf() {
        return asOf;
    }

    public boolean isNow() {
        return asOf.isNow();
    }

    /**
     * The table as a relation to select from: itself now, its rows known at the instant otherwise.
     * The instant is checked on the union, not in each branch: so PostgreSQL merges the branches'
     * index scans in their order (Merge Append) instead of sorting everything either one holds.
     */
    public String table(String name) {
        if (asOf.isNow()) {
            return name;
        }
        String columns = snapshots.columnsOf(name);
        return "(SELECT * FROM (SELECT " + columns + ", CAST('infinity' AS timestamptz) AS recorded_until FROM " + name
                + " UNION ALL SELECT " + columns + ", recorded_until FROM " + name + "_history) AS known"
                + " WHERE known.recorded_from <= :" + AS_OF + " AND known.recorded_until > :" + AS_OF + ")";
    }

    /**
     * " AND condition" when reading as of an instant, nothing now: a record shows as of an instant
     * only if the caller may see it then and now. The condition reads the current tables by name.
     */
    public String andNow(String condition) {
        return asOf.isNow() ? "" : " AND " + condition;
    }

    /**
     * Whether entities read now only answer a read: outside a transaction nothing read is ever written
     * back, so they load read-only and Hibernate keeps no copy of their state to compare at a flush
     * (for a JSON column that copy is a Jackson round trip per value: 6% of detention-service's samples
     * in a timeline load). In a write's transaction they load as usual, since the write may change them.
     */
    public boolean readOnly() {
        return asOf.isNow() && !QuarkusTransaction.isActive();
    }

    /** The day derived facts are counted to. */
    public LocalDate today() {
        return asOf.today();
    }

    /** Entities of one type, one per row. */
    public <T> List<T> list(CharSequence sql, Map<String, ?> params, Class<T> entity) {
        return run(session -> bind(session.createNativeQuery(sql.toString(), entity), sql, params).getResultList());
    }

    /**
     * Rows of several entities, each selected as {@code {alias.*}}: one Object[] per row, the
     * entities in the order given (alias, entity type).
     */
    public List<Object[]> list(CharSequence sql, Map<String, ?> params, List<Map.Entry<String, Class<?>>> entities) {
        return run(session -> {
            @SuppressWarnings("unchecked")
            NativeQuery<Object[]> query = session.createNativeQuery(sql.toString());
            entities.forEach(e -> query.addEntity(e.getKey(), e.getValue()));
            return bind(query, sql, params).getResultList();
        });
    }

    /** Plain values: an Object[] per row, or the value itself when one column is selected. */
    @SuppressWarnings("unchecked")
    public <T> List<T> values(CharSequence sql, Map<String, ?> params) {
        return run(session -> (List<T>) bind(session.createNativeQuery(sql.toString()), sql, params).getResultList());
    }

    private <Q extends NativeQuery<?>> Q bind(Q query, CharSequence sql, Map<String, ?> params) {
        params.forEach(query::setParameter);
        if (readOnly()) {
            query.setReadOnly(true);
        }
        if (!asOf.isNow() && sql.toString().contains(":" + AS_OF)) {
            query.setParameter(AS_OF, asOf.time());
        }
        return query;
    }

    private <R> R run(Function<SharedSessionContract, R> work) {
        if (asOf.isNow()) {
            return work.apply(snapshots.entityManager.unwrap(Session.class));
        }
        try (StatelessSession session = snapshots.sessionFactory.openStatelessSession()) {
            return work.apply(session);
        }
    }
}
