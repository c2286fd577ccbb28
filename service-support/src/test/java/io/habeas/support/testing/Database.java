package io.habeas.support.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
}
