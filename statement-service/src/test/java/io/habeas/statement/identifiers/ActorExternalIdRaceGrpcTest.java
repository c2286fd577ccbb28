package io.habeas.statement.identifiers;

import static io.habeas.statement.identifiers.ActorExternalIdGrpcTest.BLINKEN_ITEM;
import static io.habeas.statement.identifiers.ActorExternalIdGrpcTest.create;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Of two writes giving one identifier at once, the one that commits later is ALREADY_EXISTS, never a failure. */
@QuarkusTest
class ActorExternalIdRaceGrpcTest extends GrpcTest {
    @Inject
    DataSource dataSource;

    @Test
    void aWriteThatTookTheIdentifierWhileAnotherCheckedMakesTheLaterOneAlreadyExists() throws Exception {
        Actor first = createActor(blinken().setDisplayName("Tony Blinken"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection competing = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            competing.setAutoCommit(false);
            try (var update = competing.prepareStatement("UPDATE actor SET external_ids = CAST(? AS jsonb) WHERE id = ?")) {
                update.setString(1, "[{\"scheme\": \"wikidata\", \"value\": \"Q311440\"}]");
                update.setObject(2, UUID.fromString(first.getName().substring("actors/".length())));
                assertEquals(1, update.executeUpdate());
            }
            Future<StatusRuntimeException> later = pool.submit(() -> assertThrows(StatusRuntimeException.class,
                    () -> actors.createActor(create(blinken().addExternalIds(BLINKEN_ITEM)))));
            awaitALockWait(watcher);
            competing.commit();

            com.google.rpc.Status status = StatusProto.fromThrowable(later.get(30, TimeUnit.SECONDS));
            assertEquals(Status.Code.ALREADY_EXISTS.value(), status.getCode(), status.toString());
            ErrorInfo info = detail(status, ErrorInfo.class);
            assertEquals("EXTERNAL_ID_TAKEN", info.getReason());
            assertEquals(Map.of("field", "actor.external_ids"), info.getMetadataMap());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, database.count("actor"));
        assertEquals(1, database.count("actor_external_id"));
    }

    private static void awaitALockWait(Connection watcher) throws Exception {
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
        fail("the create never waited on the unique key");
    }
}
