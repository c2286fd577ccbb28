package io.habeas.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL the services use: an embedded PostgreSQL 17 keeping its data in a folder,
 * or an external server named by HABEAS_POSTGRES_URL. Each service gets its own database.
 */
final class Database implements AutoCloseable {
    static final List<String> DATABASES = List.of("detention", "statement");

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String serverUrl, String user, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /** An embedded server whose data survives restarts when the folder is kept. */
    static Database embedded(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        return new Database(postgres, "jdbc:postgresql://localhost:" + port + "/", "postgres", "postgres");
    }

    /** A server the user runs, e.g. jdbc:postgresql://db.example:5432/ with HABEAS_POSTGRES_USER and _PASSWORD. */
    static Database external(String serverUrl, String user, String password) {
        return new Database(null, serverUrl.endsWith("/") ? serverUrl : serverUrl + "/", user, password);
    }

    String describe() {
        return embedded == null ? "external PostgreSQL at " + serverUrl : "embedded PostgreSQL 17 on port " + embedded.getPort();
    }

    void createMissingDatabases() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            for (String database : DATABASES) {
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                exists.setString(1, database);
                if (!exists.executeQuery().next()) {
                    connection.createStatement().execute("CREATE DATABASE " + database);
                }
            }
        }
    }

    String jdbcUrl(String database) {
        return serverUrl + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
