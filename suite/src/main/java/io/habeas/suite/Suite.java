package io.habeas.suite;

import io.habeas.kernel.grpc.StaticAddresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The database and the three applications, started in dependency order. A suite may run several
 * instances of each backend (each with its own ports and log), which statement-service and the gateway
 * call all of, balancing per call; the run command runs one of each.
 */
final class Suite implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Not "localhost": it can resolve to ::1 too, where the services do not listen, and round_robin would try both. */
    private static final String LOOPBACK = "127.0.0.1";
    static final String DETENTION = "detention-service";
    static final String STATEMENT = "statement-service";
    static final String GATEWAY = "gateway";

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
        this(root, logs, ports, database, tokens, pageTokenKey, environment, 1);
    }

    /**
     * {@code backendInstances} of detention-service and of statement-service: the first of each on the ports of
     * {@code ports} and named as the service, the others ("detention-service-2", ...) on free ports.
     */
    Suite(Path root, Path logs, Ports ports, Database database, DevTokens tokens, String pageTokenKey,
            Map<String, String> environment, int backendInstances) {
        this.ports = ports;
        this.database = database;
        Map<String, String> shared = with(tokens.verification(), environment, Map.of(PageTokenKey.VARIABLE, pageTokenKey));
        Set<Integer> chosen = new HashSet<>(ports.all());
        List<ServiceProcess> detention = instances(root, logs, DETENTION, backendInstances, ports.detention(),
                ports.detentionManagement(), chosen, with(datasource("detention"), shared));
        Map<String, String> callsDetention = clientOf("DETENTION", detention);
        List<ServiceProcess> statement = instances(root, logs, STATEMENT, backendInstances, ports.statement(),
                ports.statementManagement(), chosen, with(datasource("statement"), shared, callsDetention));
        ServiceProcess gateway = new ServiceProcess(GATEWAY, jar(root, GATEWAY), ports.gateway(), ports.gatewayManagement(),
                logs.resolve("gateway.log"), with(shared, callsDetention, clientOf("STATEMENT", statement)));
        List<ServiceProcess> all = new ArrayList<>(detention);
        all.addAll(statement);
        all.add(gateway);
        this.services = List.copyOf(all);
    }

    /** {@code chosen}: the ports given so far, to which this adds those of the other instances. */
    private static List<ServiceProcess> instances(Path root, Path logs, String service, int count, int port,
            int managementPort, Set<Integer> chosen, Map<String, String> environment) {
        List<ServiceProcess> instances = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = i == 1 ? service : service + "-" + i;
            int apiPort = i == 1 ? port : choose(chosen);
            int healthPort = i == 1 ? managementPort : choose(chosen);
            instances.add(new ServiceProcess(name, jar(root, service), apiPort, healthPort, logs.resolve(name + ".log"),
                    environment));
        }
        return instances;
    }

    private static int choose(Set<Integer> chosen) {
        int port = Ports.free(chosen);
        chosen.add(port);
        return port;
    }

    /**
     * How a gRPC client (DETENTION, STATEMENT) finds these instances: host and port for one, as in a
     * deployment where DNS lists the instances; the static list of all of them for several.
     */
    private static Map<String, String> clientOf(String client, List<ServiceProcess> instances) {
        String prefix = "QUARKUS_GRPC_CLIENTS_" + client + "_";
        if (instances.size() == 1) {
            return Map.of(prefix + "HOST", LOOPBACK, prefix + "PORT", Integer.toString(instances.get(0).port));
        }
        return Map.of(prefix + "NAME_RESOLVER", StaticAddresses.SCHEME, "HABEAS_GRPC_CLIENTS_" + client + "_ADDRESSES",
                String.join(",", instances.stream().map(s -> LOOPBACK + ":" + s.port).toList()));
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

    /** Every instance of a service (DETENTION, STATEMENT, GATEWAY), the first one first. */
    List<ServiceProcess> instances(String service) {
        return services.stream().filter(s -> s.name.equals(service) || s.name.startsWith(service + "-")).toList();
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

    /**
     * Stops every application at once, the gateway first, so that their shutdown delays run side by side
     * rather than one after the other; then the database.
     */
    @Override
    public void close() throws Exception {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).terminate();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stopped();
        }
        database.close();
    }
}
