package io.habeas.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.support.records.RequestLogRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * request_log entries expire after the retention (30 days unless configured): the purge deletes
 * those older, and only those, in bounded batches over the index on created_at, on a schedule.
 */
public abstract class RequestLogRetentionContract {
    @Inject
    protected RequestLogRetention retention;
    @Inject
    protected Database database;
    @Inject
    protected EntityManager entityManager;
    @Inject
    Scheduler scheduler;

    @BeforeEach
    void startFromEmptyDatabase() {
        database.clear();
    }

    /** An entry as IdempotentCalls writes one, made this long ago (a PostgreSQL interval). */
    protected void logged(String requestId, String ago) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO request_log (request_id, method, fingerprint, response, created_at)
                        VALUES (:id, 'habeas.test.v1.CreateThingRequest', '\\x00', '\\x00', now() - CAST(:ago AS interval))""")
                .setParameter("id", requestId).setParameter("ago", ago).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    protected Set<String> remembered() {
        return Set.copyOf(QuarkusTransaction.requiringNew().call(() -> (List<String>) entityManager
                .createNativeQuery("SELECT request_id FROM request_log").getResultList()));
    }

    @Test
    void thePurgeDeletesEntriesOlderThanTheRetentionAndKeepsTheRest() {
        logged("a-year-old", "1 year");
        logged("thirty-one-days-old", "31 days");
        logged("just-expired", "30 days 1 minute");
        logged("about-to-expire", "29 days 23 hours");
        logged("new", "0 seconds");

        assertEquals(3, retention.purge());

        assertEquals(Set.of("about-to-expire", "new"), remembered());
        assertEquals(0, retention.purge());
    }

    @Test
    void aLargePurgeGoesInBoundedBatches() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO request_log (request_id, method, fingerprint, response, created_at)
                SELECT 'old-' || n, 'habeas.test.v1.CreateThingRequest', '\\x00', '\\x00', now() - interval '40 days'
                FROM generate_series(1, 2500) AS n""").executeUpdate());
        logged("new", "1 day");
        database.statistics().clear();

        assertEquals(2500, retention.purgeOlderThan(OffsetDateTime.now().minusDays(30)));

        assertEquals(3, database.statistics().getPrepareStatementCount(), "batches of 1000: 1000, 1000, 500");
        assertEquals(Set.of("new"), remembered());
    }

    @Test
    void theIndexOnCreatedAtFindsExpiredEntries() {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager.createNativeQuery("EXPLAIN SELECT request_id FROM request_log"
                    + " WHERE created_at < now() - interval '30 days' ORDER BY created_at LIMIT 1000").getResultList();
            return String.join("\n", lines);
        });
        assertTrue(plan.contains("request_log_by_age"), plan);
    }

    @Test
    void thePurgeIsScheduledAsConfigured() {
        Trigger purge = scheduler.getScheduledJob(RequestLogRetention.JOB);
        assertNotNull(purge, "scheduled: " + scheduler.getScheduledJobs().stream().map(Trigger::getId).toList());
        Config config = ConfigProvider.getConfig();
        Duration every = config.getValue("habeas.request-log.purge-every", Duration.class);
        Duration delay = config.getValue("habeas.request-log.purge-delay", Duration.class);
        assertEquals(Duration.ofHours(1), every);
        Instant next = purge.getNextFireTime();
        assertTrue(next.isAfter(Instant.now()) && !next.isAfter(Instant.now().plus(delay).plus(every)), "next purge at " + next);
    }
}
