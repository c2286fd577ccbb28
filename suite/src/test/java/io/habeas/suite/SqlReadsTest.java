package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.suite.bench.SqlReads;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The baseline against a real PostgreSQL: closing it ends the queries a load gave up on, so none runs into the next scenario. */
class SqlReadsTest {

    @Test
    void closingEndsTheBaselinesQueriesLeftRunningAndNoOtherConnections() throws Exception {
        try (Database database = ScratchDatabase.start("habeas-sql-reads-test")) {
            String url = database.jdbcUrl("detention");
            try (Connection baseline = ScratchDatabase.connect(database, url + "?ApplicationName=" + SqlReads.APPLICATION);
                    Connection other = ScratchDatabase.connect(database, url);
                    Connection watcher = ScratchDatabase.connect(database, url)) {
                CompletableFuture<Void> leftRunning = CompletableFuture.runAsync(() -> sleep(baseline, 60));
                CompletableFuture<Void> notTheBaselines = CompletableFuture.runAsync(() -> sleep(other, 2));
                awaitActive(watcher, 2);

                long started = System.nanoTime();
                new SqlReads(url, database.jdbcUrl("statement"), database.user(), database.password()).close();

                assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 10);
                assertThrows(ExecutionException.class, () -> leftRunning.get(5, TimeUnit.SECONDS));
                notTheBaselines.get(10, TimeUnit.SECONDS);
                assertEquals(0, ScratchDatabase.count(watcher, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + SqlReads.APPLICATION + "'"));
            }
        }
    }

    private static void sleep(Connection connection, int seconds) {
        try {
            connection.createStatement().execute("SELECT pg_sleep(" + seconds + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitActive(Connection c, int queries) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ScratchDatabase.count(c, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active'") < queries) {
            assertTrue(System.nanoTime() < until, "the sleeping queries never started");
            Thread.sleep(20);
        }
    }
}
