package io.habeas.support.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Puts the database in a known state and counts what tests need counted. */
@ApplicationScoped
public class Database {
    @Inject
    EntityManager entityManager;
    @Inject
    SessionFactory sessionFactory;

    /**
     * Empties every table the service's migrations made, whatever they are. Append-only tables
     * refuse TRUNCATE by trigger (habeas_refuse_change); the tests connect as a superuser, who sets
     * triggers aside for this one transaction (a service's own database user cannot).
     */
    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SET LOCAL session_replication_role = replica").executeUpdate();
            String tables = (String) entityManager.createNativeQuery("""
                    SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables
                    WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'""").getSingleResult();
            entityManager.createNativeQuery("TRUNCATE " + tables).executeUpdate();
        });
    }

    public long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }

    public Statistics statistics() {
        return sessionFactory.getStatistics();
    }

    /**
     * The generic plan of a statement as Hibernate prepared it (its ? parameters unbound), with
     * sequential scans priced out: one still in the plan means no index can serve that scan.
     */
    @SuppressWarnings("unchecked")
    public String plan(String sql) {
        StringBuilder numbered = new StringBuilder();
        int parameters = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameters);
            } else {
                numbered.append(c);
            }
        }
        String execute = parameters == 0 ? "EXECUTE habeas_plan"
                : "EXECUTE habeas_plan(" + String.join(", ", java.util.Collections.nCopies(parameters, "NULL")) + ")";
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            entityManager.createNativeQuery("SET LOCAL plan_cache_mode = force_generic_plan").executeUpdate();
            entityManager.createNativeQuery("PREPARE habeas_plan AS " + numbered).executeUpdate();
            List<String> lines = entityManager.createNativeQuery("EXPLAIN " + execute).getResultList();
            entityManager.createNativeQuery("DEALLOCATE habeas_plan").executeUpdate();
            return String.join("\n", lines);
        });
    }
}
