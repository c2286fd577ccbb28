package io.habeas.support.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SessionFactory;

/** Gives reads their {@link Snapshot}: the tables now, or as they were at an instant. */
@ApplicationScoped
public class Snapshots {
    @Inject
    EntityManager entityManager;
    @Inject
    SessionFactory sessionFactory;

    private final Map<String, String> columns = new ConcurrentHashMap<>();

    public Snapshot at(AsOf asOf) {
        return new Snapshot(asOf, this);
    }

    /**
     * A table's columns in their order, read from the catalog once: T_history holds the same ones
     * and recorded_until, in an order of their own once a column is added to both.
     */
    String columnsOf(String table) {
        return columns.computeIfAbsent(table, t -> (String) entityManager.createNativeQuery("""
                        SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                        WHERE attrelid = to_regclass(:table) AND attnum > 0 AND NOT attisdropped""")
                .setParameter("table", t).getSingleResult());
    }
}
