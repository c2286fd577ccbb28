package io.habeas.suite;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A throwaway embedded PostgreSQL with the suite's databases, for tests of the benchmark's SQL against the real thing. */
final class ScratchDatabase {
    private ScratchDatabase() {
    }

    static Database start(String name) throws Exception {
        Database database = Database.embedded(Files.createTempDirectory(name).resolve("postgres"), Ports.ephemeral().postgres(),
                Database.Durability.FAST);
        database.createMissingDatabases();
        return database;
    }

    static Connection connect(Database database, String url) throws SQLException {
        return DriverManager.getConnection(url, database.user(), database.password());
    }

    static long count(Connection c, String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
