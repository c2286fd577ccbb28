package io.habeas.suite;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.habeas.kernel.access.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run command: one embedded PostgreSQL, detention-service, statement-service and the
 * gateway as separate processes, the demo case loaded, until Ctrl-C or SIGTERM stops it all.
 */
public final class SuiteMain {
    /** Set when a stop was asked for, so that the services it stops are not reported as failures. */
    private static volatile boolean stopping;

    private SuiteMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Suite.findRoot();
        Path data = Suite.dataFolder(root);
        Ports ports = Ports.fromEnvironment();
        String externalDatabase = System.getenv("HABEAS_POSTGRES_URL");

        List<String> taken = Stream.of(
                        externalDatabase == null ? "PostgreSQL:" + ports.postgres() : null,
                        "detention-service:" + ports.detention(),
                        "statement-service:" + ports.statement(),
                        "gateway:" + ports.gateway(),
                        "detention-service management:" + ports.detentionManagement(),
                        "statement-service management:" + ports.statementManagement(),
                        "gateway management:" + ports.gatewayManagement())
                .filter(p -> p != null && !Ports.isFree(Integer.parseInt(p.substring(p.indexOf(':') + 1))))
                .toList();
        if (!taken.isEmpty()) {
            System.err.println("Port(s) already in use: " + String.join(", ", taken)
                    + ". Stop what uses them, or choose others with HABEAS_POSTGRES_PORT, HABEAS_DETENTION_PORT,"
                    + " HABEAS_STATEMENT_PORT, HABEAS_GATEWAY_PORT and HABEAS_{DETENTION,STATEMENT,GATEWAY}_MANAGEMENT_PORT.");
            System.exit(2);
        }

        progress("Data folder: " + data + " (kept between runs; delete it to start empty)");
        String pageTokenKey;
        try {
            pageTokenKey = PageTokenKey.inFolder(data);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Database database = externalDatabase == null
                ? Database.embedded(data.resolve("postgres"), ports.postgres(), Database.Durability.DURABLE)
                : Database.external(externalDatabase, env("HABEAS_POSTGRES_USER", "postgres"), env("HABEAS_POSTGRES_PASSWORD", ""));
        DevTokens tokens = DevTokens.inFolder(data);
        Suite suite = new Suite(root, data.resolve("logs"), ports, database, tokens, pageTokenKey);
        List<String> missing = suite.missingJars();
        if (!missing.isEmpty()) {
            database.close();
            System.err.println("Not built yet: " + missing + ". Run ./mvnw -B -DskipTests install first.");
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(suite), "habeas-suite-stop"));

        suite.start(SuiteMain::progress);
        progress("Loading the demo case (Gubad Ibadoglu) through the gRPC APIs");
        DemoCase.Recorded demo = loadDemo(ports, tokens.forPerson(Role.ADMIN, Duration.ofMinutes(10)));
        printWelcome(ports, demo, data, tokens);

        while (true) {
            ServiceProcess stopped = suite.firstStopped();
            if (stopped != null && !stopping) {
                System.err.println(stopped.name + " stopped unexpectedly; see " + data.resolve("logs") + ". Shutting down.");
                System.exit(1);
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /**
     * Loads the demo case with an admin's token (it records a CONFIDENTIAL citation, which only an admin
     * sees), unless the data folder already holds it: request ids are remembered for a retention
     * period only, so a data folder older than that would get a second demo from its request ids.
     */
    static DemoCase.Recorded loadDemo(Ports ports, String adminToken) throws InterruptedException {
        ManagedChannel detention = ManagedChannelBuilder.forAddress("localhost", ports.detention()).usePlaintext().build();
        ManagedChannel statement = ManagedChannelBuilder.forAddress("localhost", ports.statement()).usePlaintext().build();
        try {
            DemoCase demo = new DemoCase(ClientInterceptors.intercept(detention, DevTokens.bearer(adminToken)),
                    ClientInterceptors.intercept(statement, DevTokens.bearer(adminToken)));
            Optional<DemoCase.Recorded> earlier = demo.recordedEarlier();
            if (earlier.isPresent()) {
                progress("The data folder already holds the demo case; it is kept as it is"
                        + " (delete the data folder to load this version's demo)");
                return earlier.get();
            }
            return demo.load();
        } finally {
            detention.shutdown().awaitTermination(5, TimeUnit.SECONDS);
            statement.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void printWelcome(Ports ports, DemoCase.Recorded demo, Path data, DevTokens tokens) {
        String gateway = "http://localhost:" + ports.gateway();
        String personId = demo.person().substring(demo.person().indexOf('/') + 1);
        StringBuilder perRole = new StringBuilder();
        for (Role role : Role.values()) {
            perRole.append("  %-9s export TOKEN=%s%n".formatted(role.claim(), tokens.forPerson(role, DevTokens.FOR_PEOPLE)));
        }
        System.out.println("""

                Habeas is running.
                  Gateway (REST/JSON):   %1$s/api/v1
                  Swagger UI, OpenAPI:   http://localhost:%8$d/q/swagger-ui, /q/openapi (management port, no token)
                  detention-service:     localhost:%2$d (gRPC, reflection on)
                  statement-service:     localhost:%3$d (gRPC, reflection on)
                  Logs:                  %4$s

                Every call needs a bearer token. One per role, valid %6$d h (copy a line into your shell):
                %7$s  Another: java -cp suite/target/habeas-suite.jar io.habeas.suite.MintToken <role> [hours]

                Try (a viewer sees PUBLIC records only: not the RESTRICTED "Detention extended" of the demo,
                nor the CONFIDENTIAL demo note an admin sees cited on the house arrest):
                  curl -s -H "Authorization: Bearer $TOKEN" '%1$s/api/v1/persons/%5$s/timeline'
                  curl -s -H "Authorization: Bearer $TOKEN" '%1$s/api/v1/countries/AZ/summary'
                  grpcurl -plaintext -H "Authorization: Bearer $TOKEN" -d '{"query":"ibadoglu"}' \\
                      localhost:%2$d habeas.detention.v1.PersonService/SearchPersons
                  buf curl --protocol grpc --http2-prior-knowledge -H "Authorization: Bearer $TOKEN" -d '{"query":"ibadoglu"}' \\
                      http://localhost:%2$d/habeas.detention.v1.PersonService/SearchPersons

                Ctrl-C stops everything.
                """.formatted(gateway, ports.detention(), ports.statement(), data.resolve("logs"), personId,
                DevTokens.FOR_PEOPLE.toHours(), perRole, ports.gatewayManagement()));
    }

    private static void stop(Suite suite) {
        stopping = true;
        progress("Stopping every process the suite started");
        try {
            suite.close();
            progress("Stopped");
        } catch (Exception e) {
            System.err.println("Could not stop cleanly: " + e);
        }
    }

    static void progress(String message) {
        System.out.println("[habeas] " + message);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
