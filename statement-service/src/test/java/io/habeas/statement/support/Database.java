package io.habeas.statement.support;

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

    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "TRUNCATE request_log, claim_subject_person, claim_country, claim, statement, actor").executeUpdate());
    }

    public long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }

    public Statistics statistics() {
        return sessionFactory.getStatistics();
    }
}
