package io.habeas.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The database and the three applications, started in dependency order and stopped in reverse. */
final class Suite implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Not "localhost": it can resolve to ::1 too, where the services do not listen, and round_robin would try both. */
    private static final String LOOPBACK = "127.0.0.1";

    final Ports ports;
    private final Database database;
    private final List<ServiceProcess> services;

    /**
     * Every application verifies the tokens of {@code tokens}; the gateway and statement-service pass their caller's on.
     * Every application gets the same page token key (base64 of 32 bytes); kept, it opens tokens from before a restart.
     */
    Suite(Path root, Path logs, Ports ports, Database database, DevTokens tokens, String pageTokenKey) {
        this(root, logs, ports, database, tokens, pageTokenKey, Map.of());
    }

    /** {@code environment}: settings every application gets besides its own, such as an OTLP endpoint. */
    Suite(Path root, Path logs, Ports ports, Database database, DevTokens tokens, String pageTokenKey,
            Map<String, String> environment) {
        this.ports = ports;
        this.database = database;
        Map<String, String> key = Map.of(PageTokenKey.VARIABLE, pageTokenKey);
        String detentionPort = Integer.toString(ports.detention());
        Map<String, String> verify = tokens.verification();
        this.services = List.of(
                new ServiceProcess("detention-service", jar(root, "detention-service"), ports.detention(),
                        ports.detentionManagement(), logs.resolve("detention-service.log"),
                        with(datasource("detention"), verify, key, environment)),
                new ServiceProcess("statement-service", jar(root, "statement-service"), ports.statement(),
                        ports.statementManagement(), logs.resolve("statement-service.log"),
                        with(datasource("statement"), verify, key, environment, Map.of(
                                "QUARKUS_GRPC_CLIENTS_DETENTION_HOST", LOOPBACK,
                                "QUARKUS_GRPC_CLIENTS_DETENTION_PORT", detentionPort))),
                new ServiceProcess("gateway", jar(root, "gateway"), ports.gateway(), ports.gatewayManagement(),
                        logs.resolve("gateway.log"), with(verify, key, environment,
                        Map.of("QUARKUS_GRPC_CLIENTS_DETENTION_HOST", LOOPBACK,
                                "QUARKUS_GRPC_CLIENTS_DETENTION_PORT", detentionPort,
                                "QUARKUS_GRPC_CLIENTS_STATEMENT_HOST", LOOPBACK,
                                "QUARKUS_GRPC_CLIENTS_STATEMENT_PORT", Integer.toString(ports.statement())))));
    }

    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The run command's data folder: HABEAS_DATA_DIR, or .habeas in the checkout. */
    static Path dataFolder(Path root) {
        String configured = System.getenv("HABEAS_DATA_DIR");
        return configured == null ? root.resolve(".habeas") : Path.of(configured);
    }

    /** The checkout's top folder, found from wherever the launcher or a test runs. */
    static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("detention-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run this from the Habeas checkout");
        }
        return dir;
    }

    List<String> missingJars() {
        List<String> missing = new ArrayList<>();
        services.stream().filter(s -> !s.isPackaged()).forEach(s -> missing.add(s.name));
        return missing;
    }

    void start(Consumer<String> progress) throws Exception {
        progress.accept("Creating the databases on the " + database.describe());
        database.createMissingDatabases();
        for (ServiceProcess service : services) {
            start(service, progress);
        }
    }

    void start(ServiceProcess service, Consumer<String> progress) throws Exception {
        progress.accept("Starting " + service.name + " on port " + service.port + " (management " + service.managementPort + ")");
        service.start();
        service.awaitReady(READY_TIMEOUT);
        progress.accept(service.name + " is ready");
    }

    ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
    }

    Database database() {
        return database;
    }

    ServiceProcess firstStopped() {
        return services.stream().filter(s -> !s.isRunning()).findFirst().orElse(null);
    }

    private Map<String, String> datasource(String name) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(name),
                "QUARKUS_DATASOURCE_USERNAME", database.user(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password());
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String>... maps) {
        var merged = new HashMap<String, String>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    @Override
    public void close() throws Exception {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        database.close();
    }
}
