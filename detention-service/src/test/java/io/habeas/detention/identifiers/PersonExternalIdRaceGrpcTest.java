package io.habeas.detention.identifiers;

import static io.habeas.detention.identifiers.PersonExternalIdGrpcTest.IBADOGLU_ITEM;
import static io.habeas.detention.identifiers.PersonExternalIdGrpcTest.create;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.Person;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two writes giving one identifier at once: the database's unique key lets one commit, and the
 * other is ALREADY_EXISTS (EXTERNAL_ID_TAKEN), never a failure of the service.
 */
@QuarkusTest
class PersonExternalIdRaceGrpcTest extends GrpcTest {
    @Inject
    DataSource dataSource;

    @Test
    void aWriteThatTookTheIdentifierWhileAnotherCheckedMakesTheLaterOneAlreadyExists() throws Exception {
        Person first = createPerson(person("Tofig Yagublu", "AZ"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection competing = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            competing.setAutoCommit(false);
            try (var update = competing.prepareStatement("UPDATE person SET external_ids = CAST(? AS jsonb) WHERE id = ?")) {
                update.setString(1, "[{\"scheme\": \"wikidata\", \"value\": \"Q5453614\"}]");
                update.setObject(2, UUID.fromString(first.getName().substring("persons/".length())));
                assertEquals(1, update.executeUpdate());
            }
            // The create finds the identifier free (not committed yet), then waits on the unique key.
            Future<StatusRuntimeException> later = pool.submit(() -> assertThrows(StatusRuntimeException.class,
                    () -> persons.createPerson(create(ibadoglu().addExternalIds(IBADOGLU_ITEM)))));
            awaitALockWait(watcher);
            competing.commit();

            com.google.rpc.Status status = StatusProto.fromThrowable(later.get(30, TimeUnit.SECONDS));
            assertEquals(Status.Code.ALREADY_EXISTS.value(), status.getCode(), status.toString());
            ErrorInfo info = detail(status, ErrorInfo.class);
            assertEquals("EXTERNAL_ID_TAKEN", info.getReason());
            assertEquals(Map.of("field", "person.external_ids"), info.getMetadataMap());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("person_external_id"));
        assertEquals(1, database.count("request_log")); // the first create's only
    }

    @Test
    void ofConcurrentCreatesGivingOneIdentifierOneIsStoredAndTheOthersAlreadyExist() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    try {
                        return persons.createPerson(create(person("Person " + n, "AZ").addExternalIds(IBADOGLU_ITEM)))
                                .getPerson().getName();
                    } catch (StatusRuntimeException e) {
                        var status = StatusProto.fromThrowable(e);
                        return e.getStatus().getCode() + " " + detail(status, ErrorInfo.class).getReason();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get(30, TimeUnit.SECONDS));
            }
            Set<String> kinds = new HashSet<>(outcomes);
            kinds.removeIf(outcome -> outcome.startsWith("persons/"));
            assertEquals(Set.of("ALREADY_EXISTS EXTERNAL_ID_TAKEN"), kinds, outcomes.toString());
            assertEquals(1, outcomes.stream().filter(o -> o.startsWith("persons/")).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("person_external_id"));
    }

    private static void awaitALockWait(Connection watcher) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var query = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        assertTrue(false, "the create never waited on the unique key");
    }
}
