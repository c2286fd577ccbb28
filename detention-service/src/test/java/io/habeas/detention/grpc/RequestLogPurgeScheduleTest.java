package io.habeas.detention.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.support.testing.Database;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheduler runs the purge by itself, at the interval and retention the configuration gives. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(RequestLogPurgeScheduleTest.EverySecond.class)
class RequestLogPurgeScheduleTest {
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.request-log.purge-every", "1s", "habeas.request-log.purge-delay", "1s",
                    "habeas.request-log.retention", "1h");
        }
    }

    @Inject
    Database database;
    @Inject
    EntityManager entityManager;

    @Test
    void expiredEntriesLeaveWithoutAnyoneAsking() throws InterruptedException {
        database.clear();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO request_log (request_id, method, fingerprint, response, created_at) VALUES
                    ('two-hours-old', 'm', '\\x00', '\\x00', now() - interval '2 hours'),
                    ('ten-minutes-old', 'm', '\\x00', '\\x00', now() - interval '10 minutes')""").executeUpdate());

        for (int i = 0; i < 100 && remembered().size() > 1; i++) {
            Thread.sleep(100);
        }

        assertEquals(Set.of("ten-minutes-old"), remembered());
    }

    @SuppressWarnings("unchecked")
    private Set<String> remembered() {
        return Set.copyOf(QuarkusTransaction.requiringNew().call(() -> (List<String>) entityManager
                .createNativeQuery("SELECT request_id FROM request_log").getResultList()));
    }
}
