package io.habeas.support.records;

import io.habeas.support.database.DatabaseFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How long a write's request id is remembered: {@code habeas.request-log.retention}
 * (HABEAS_REQUEST_LOG_RETENTION, 30 days by default), the window in which a client may retry. Older
 * entries count as gone at once, and a purge on a schedule ({@code habeas.request-log.purge-every},
 * hourly, first {@code habeas.request-log.purge-delay} after start) deletes them, oldest first, in batches of {@code habeas.request-log.purge-batch}, each in a
 * transaction of its own over the index on created_at; replicas skip the rows another is deleting.
 * While the database cannot be reached the scheduled purge waits for the next run, saying so once.
 */
@ApplicationScoped
public class RequestLogRetention {
    public static final String JOB = "habeas-request-log-purge";
    private static final Logger LOG = Logger.getLogger(RequestLogRetention.class);
    private static final String DELETE_BATCH = """
            DELETE FROM request_log WHERE request_id IN (
                SELECT request_id FROM request_log WHERE created_at < :cutoff
                ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""";

    @ConfigProperty(name = "habeas.request-log.retention", defaultValue = "30d")
    Duration retention;
    @ConfigProperty(name = "habeas.request-log.purge-batch", defaultValue = "1000")
    int batch;
    @Inject
    EntityManager entityManager;
    /** The last scheduled purge found the database out of reach: said once, not at every run until it is back. */
    private volatile boolean waitingForDatabase;

    /** Whether an entry has outlived the retention: its request id may be used again. */
    public boolean expired(RequestLogEntry entry) {
        return entry.createdAt.isBefore(cutoff());
    }

    @Scheduled(identity = JOB, every = "${habeas.request-log.purge-every:1h}",
            delayed = "${habeas.request-log.purge-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        long deleted;
        try {
            deleted = purge();
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unreachable(e)) {
                throw e;
            }
            if (!waitingForDatabase) {
                waitingForDatabase = true;
                LOG.warnf("request_log purge skipped while the database cannot be reached; it runs again on schedule: %s",
                        DatabaseFailures.describe(e));
            }
            return;
        }
        if (waitingForDatabase) {
            waitingForDatabase = false;
            LOG.info("request_log purge runs again: the database is back");
        }
        if (deleted > 0) {
            LOG.infof("request_log: %d entries older than %s purged", deleted, retention);
        }
    }

    /** Deletes every entry older than the retention; how many. */
    public long purge() {
        return purgeOlderThan(cutoff());
    }

    /** Deletes every entry created before the cutoff, batch by batch; how many. */
    public long purgeOlderThan(OffsetDateTime cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(DELETE_BATCH)
                    .setParameter("cutoff", cutoff).setParameter("batch", batch).executeUpdate());
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    private OffsetDateTime cutoff() {
        return OffsetDateTime.now().minus(retention);
    }
}
