package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL as the run command and the fault tests drive it. */
class DatabaseTest {

    @Test
    void theRunCommandsDatabaseFlushesEveryCommitBeforeAcknowledgingIt() throws Exception {
        try (Database database = started(Database.Durability.DURABLE)) {
            assertEquals("on", database.setting("fsync"));
            assertEquals("on", database.setting("synchronous_commit"));
            assertEquals("on", database.setting("full_page_writes"));
            assertTrue(database.describe().contains("fsync on, synchronous_commit on"), database.describe());
        }
    }

    @Test
    void theFastTestSettingsAreWhatTheyClaim() throws Exception {
        try (Database database = started(Database.Durability.FAST)) {
            assertEquals("off", database.setting("fsync"));
            assertEquals("off", database.setting("synchronous_commit"));
        }
    }

    @Test
    void aKilledServerLeavesNoProcessAndRecoversEveryCommitOnTheSameFolder() throws Exception {
        try (Database database = started(Database.Durability.CRASH_SAFE)) {
            database.createMissingDatabases();
            execute(database, "CREATE TABLE kept (n int)");
            execute(database, "INSERT INTO kept SELECT generate_series(1, 1000)");
            ProcessHandle postmaster = database.postmaster().orElseThrow();
            var children = postmaster.descendants().toList();

            database.kill();

            assertFalse(postmaster.isAlive());
            assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "a backend survived the kill");
            assertFalse(database.isRunning());
            assertThrows(SQLException.class, () -> database.setting("fsync"));

            database.start();
            assertEquals(1000, count(database));
        }
    }

    @Test
    void aStoppedServerStartsAgainWithItsData() throws Exception {
        try (Database database = started(Database.Durability.FAST)) {
            database.createMissingDatabases();
            execute(database, "CREATE TABLE kept (n int)");
            execute(database, "INSERT INTO kept VALUES (1)");
            database.stop();
            assertFalse(database.isRunning());
            database.start();
            assertEquals(1, count(database));
        }
    }

    private static Database started(Database.Durability durability) throws Exception {
        Path folder = Files.createTempDirectory("habeas-database-test");
        return Database.embedded(folder.resolve("postgres"), Ports.ephemeral().postgres(), durability);
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl("detention"), database.user(),
                database.password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static int count(Database database) throws SQLException {
        try (var connection = DriverManager.getConnection(database.jdbcUrl("detention"), database.user(),
                database.password()); var rows = connection.createStatement().executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
