package io.habeas.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL the services use: an embedded PostgreSQL 17 keeping its data in a folder,
 * or an external server named by HABEAS_POSTGRES_URL. Each service gets its own database.
 * An embedded server can be stopped, killed and started again on the same folder and port.
 */
final class Database implements AutoCloseable {
    static final List<String> DATABASES = List.of("detention", "statement");

    /** How the embedded server writes: what it acknowledges survives a crash only when durable. */
    enum Durability {
        /** Every commit is flushed to disk before it is acknowledged: the run command's data. */
        DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),
        /**
         * Commits reach the WAL before they are acknowledged but are not flushed: a killed server loses
         * nothing, a power loss could. For tests that kill PostgreSQL without paying for fsync.
         */
        CRASH_SAFE(Map.of("fsync", "off", "synchronous_commit", "on", "full_page_writes", "off")),
        /** The test library's defaults: a killed server may lose acknowledged commits. */
        FAST(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }

        String describe() {
            return "fsync " + settings.get("fsync") + ", synchronous_commit " + settings.get("synchronous_commit");
        }
    }

    private final Path dataDirectory;
    private final int port;
    private final Durability durability;
    private final String serverUrl;
    private final String user;
    private final String password;
    private EmbeddedPostgres embedded;

    private Database(Path dataDirectory, int port, Durability durability, String serverUrl, String user,
            String password) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durability = durability;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /** An embedded server whose data survives restarts when the folder is kept. */
    static Database embedded(Path dataDirectory, int port, Durability durability) throws IOException {
        Database database = new Database(dataDirectory, port, durability, "jdbc:postgresql://localhost:" + port + "/",
                "postgres", "postgres");
        database.start();
        return database;
    }

    /** A server the user runs, e.g. jdbc:postgresql://db.example:5432/ with HABEAS_POSTGRES_USER and _PASSWORD. */
    static Database external(String serverUrl, String user, String password) {
        return new Database(null, 0, null, serverUrl.endsWith("/") ? serverUrl : serverUrl + "/", user, password);
    }

    String describe() {
        return dataDirectory == null ? "external PostgreSQL at " + serverUrl
                : "embedded PostgreSQL 17 on port " + port + " (" + durability.describe() + ")";
    }

    /** Starts the embedded server on its folder and port; PostgreSQL recovers from its WAL after a crash. */
    synchronized void start() throws IOException {
        requireEmbedded();
        if (embedded != null) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60));
        // After the library's own -F (fsync off) on the command line, so these settings win.
        durability.settings.forEach(builder::setServerConfig);
        embedded = builder.start();
    }

    /** A clean shutdown (pg_ctl stop -m fast): connections are closed, nothing acknowledged is lost. */
    synchronized void stop() throws IOException {
        requireEmbedded();
        if (embedded != null) {
            EmbeddedPostgres running = embedded;
            embedded = null;
            running.close();
        }
    }

    /**
     * Every PostgreSQL process killed at once (SIGKILL), as a container kill or a power cut does to the
     * processes: no checkpoint, no shutdown record. The next {@link #start()} recovers from the WAL.
     */
    synchronized void kill() throws IOException, InterruptedException {
        requireEmbedded();
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> all = postmaster.map(p -> java.util.stream.Stream.concat(p.descendants(), java.util.stream.Stream.of(p)).toList())
                .orElse(List.of());
        all.forEach(ProcessHandle::destroyForcibly);
        Instant deadline = Instant.now().plusSeconds(10);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        if (embedded != null) {
            EmbeddedPostgres dead = embedded;
            embedded = null;
            // pg_ctl stop finds no server and says so; closing releases the library's lock on the folder.
            dead.close();
        }
    }

    boolean isRunning() {
        return postmaster().map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster, from the first line of postmaster.pid, while the file names a live process. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDirectory == null ? null : dataDirectory.resolve("postmaster.pid");
        if (pidFile == null || !Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return first.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
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

    /** A setting as the running server reports it (SHOW), e.g. "fsync". */
    String setting(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
                var show = connection.createStatement().executeQuery("SHOW " + name)) {
            show.next();
            return show.getString(1);
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

    private void requireEmbedded() {
        if (dataDirectory == null) {
            throw new IllegalStateException("an external PostgreSQL is not started or stopped by the suite");
        }
    }

    @Override
    public void close() throws IOException {
        if (dataDirectory != null) {
            stop();
        }
    }
}
