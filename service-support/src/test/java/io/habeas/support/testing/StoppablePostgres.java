package io.habeas.support.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL 17 that a test can take away and bring back: stopped as an operator stops it
 * (pg_ctl stop -m fast: every session is terminated) and started again on the same folder and port,
 * its data kept, so the service under test sees the same server return.
 */
public final class StoppablePostgres implements AutoCloseable {
    public static final String DATABASE = "habeas";
    private static final String USER = "postgres";

    private final Path folder;
    private final int port;
    private EmbeddedPostgres running;

    private StoppablePostgres(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static StoppablePostgres started() {
        try {
            StoppablePostgres postgres = new StoppablePostgres(Files.createTempDirectory("habeas-stoppable-pg"), freePort());
            postgres.start();
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), USER, USER)) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        try {
            running = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (running != null) {
            EmbeddedPostgres stopping = running;
            running = null;
            try {
                stopping.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A connection of the test's own, outside the service's pool, as the superuser. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(DATABASE), USER, USER);
    }

    String user() {
        return USER;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
