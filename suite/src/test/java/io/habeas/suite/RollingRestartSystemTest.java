package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.FieldMask;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.detention.v1.UpdatePersonResponse;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of each backend behind the gateway, restarted one at a time under load, as a rolling
 * update restarts pods: SIGTERM, wait for the exit, start, wait until ready and called again, next.
 * Not one request may fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartSystemTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The applications' own shutdown delay (application.properties). */
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(5);

    private RunningSuite running;
    private Suite suite;
    private DemoCase.Recorded demo;
    private String admin;
    private ManagedChannel detention;
    private ManagedChannel statement;

    @BeforeAll
    void startTwoInstancesOfEachBackend() throws Exception {
        running = RunningSuite.start("habeas-rolling-restart", Database.Durability.FAST, Map.of(
                // A write held by a row lock must outlast the shutdown delay without its query being cut short.
                "HABEAS_DATABASE_STATEMENT_TIMEOUT", "60s",
                // Deadlines that a busy test machine's latency, such as a just restarted JVM's first calls, does not
                // reach: what a restart costs here is calls cut off (UNAVAILABLE), never a slow answer.
                "HABEAS_GATEWAY_BACKENDS_DETENTION_DEADLINE", "10s",
                "HABEAS_GATEWAY_BACKENDS_STATEMENT_DEADLINE", "10s",
                "HABEAS_DETENTION_DEADLINE", "10s",
                // one client sending without pause
                "HABEAS_GATEWAY_RATE_LIMIT_REQUESTS", "0"), 2);
        suite = running.suite;
        admin = running.token(Role.ADMIN);
        demo = SuiteMain.loadDemo(running.ports, admin);
        detention = BalancedClients.of(suite.instances(Suite.DETENTION), PersonServiceGrpc.getServiceDescriptor(),
                DetentionServiceGrpc.getServiceDescriptor());
        statement = BalancedClients.of(suite.instances(Suite.STATEMENT), StatementServiceGrpc.getServiceDescriptor(),
                ActorServiceGrpc.getServiceDescriptor());
    }

    @AfterAll
    void stop() throws Exception {
        if (detention != null) {
            detention.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            statement.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        running.close();
    }

    @Test
    @Order(1)
    void restartingEveryBackendInstanceOneAtATimeFailsNoRequest() throws Exception {
        String actor = ActorServiceGrpc.newBlockingStub(ClientInterceptors.intercept(statement, DevTokens.bearer(admin)))
                .listActors(ListActorsRequest.getDefaultInstance()).getActors(0).getName();
        var persons = PersonServiceGrpc.newBlockingStub(ClientInterceptors.intercept(detention, DevTokens.bearer(admin)));
        // The statements written are about someone else than the person read, whose reads so stay the same size.
        String subject = persons.createPerson(CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPerson(Person.newBuilder().setDisplayName("Subject of the calls").addSources(DemoCase.articleA()))
                .build()).getPerson().getName();
        List<ServiceProcess> order = new ArrayList<>(suite.instances(Suite.DETENTION));
        order.addAll(suite.instances(Suite.STATEMENT));
        Instant started = Instant.now();
        SteadyLoad load = new SteadyLoad("http://localhost:" + running.ports.gateway(), admin, demo.person(), subject,
                actor, detention, statement, 2);
        try {
            for (ServiceProcess instance : order) {
                restart(instance);
            }
        } finally {
            load.close();
            System.out.printf("[rolling-restart] %d gateway reads and %d gRPC writes in %d s while %d instances"
                            + " restarted one at a time; %d failed%n", load.reads.get(), load.writes.get(),
                    Duration.between(started, Instant.now()).toSeconds(), order.size(), load.failures.size());
            load.failures.stream().limit(50).forEach(failure -> System.out.println("[rolling-restart] " + failure));
        }
        assertEquals(0, load.failures.size(), "failed requests, the first: " + load.failures.peek());
        assertTrue(load.reads.get() > 100 && load.writes.get() > 50, "too little load to show anything");
        for (String person : load.createdPersons) {
            assertEquals(person, persons.getPerson(GetPersonRequest.newBuilder().setName(person).build()).getPerson().getName());
        }
    }

    @Test
    @Order(2)
    void anInstanceGoingDownAnswersNotReadyFirstServesThroughItsDelayAndFinishesItsCallInFlight() throws Exception {
        ServiceProcess instance = suite.service(Suite.DETENTION + "-2");
        ManagedChannel direct = BalancedClients.direct(instance);
        var persons = PersonServiceGrpc.newBlockingStub(ClientInterceptors.intercept(direct, DevTokens.bearer(admin)));
        Person person = persons.createPerson(CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPerson(Person.newBuilder().setDisplayName("Held by a lock").addSources(DemoCase.articleA())).build())
                .getPerson();
        Database database = suite.database();
        try (Connection lock = DriverManager.getConnection(database.jdbcUrl("detention"), database.user(), database.password());
                Connection watch = DriverManager.getConnection(database.jdbcUrl("detention"), database.user(),
                        database.password())) {
            lock.setAutoCommit(false);
            try (PreparedStatement row = lock.prepareStatement("SELECT 1 FROM person WHERE id = ? FOR UPDATE")) {
                row.setObject(1, UUID.fromString(person.getName().substring("persons/".length())));
                row.executeQuery();
            }
            ListenableFuture<UpdatePersonResponse> inFlight = PersonServiceGrpc.newFutureStub(
                            ClientInterceptors.intercept(direct, DevTokens.bearer(admin)))
                    .withDeadlineAfter(60, TimeUnit.SECONDS)
                    .updatePerson(UpdatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                            .setPerson(Person.newBuilder().setName(person.getName()).setEtag(person.getEtag())
                                    .setDescription("Written while its instance shut down"))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("description")).build());
            awaitWaitingForALock(watch);

            Instant sigterm = Instant.now();
            instance.terminate();
            HttpResponse<String> readiness = readiness(instance);
            while (readiness.statusCode() == 200 && Instant.now().isBefore(sigterm.plusSeconds(2))) {
                Thread.sleep(50);
                readiness = readiness(instance);
            }
            System.out.printf("[shutdown] readiness %d after %d ms: %s%n", readiness.statusCode(),
                    Duration.between(sigterm, Instant.now()).toMillis(), readiness.body());
            assertEquals(503, readiness.statusCode());

            // During the delay a call on a new connection is served.
            ManagedChannel fresh = BalancedClients.direct(instance);
            try {
                var reader = PersonServiceGrpc.newBlockingStub(ClientInterceptors.intercept(fresh, DevTokens.bearer(admin)))
                        .withDeadlineAfter(2, TimeUnit.SECONDS);
                assertEquals(demo.person(), reader.getPerson(GetPersonRequest.newBuilder().setName(demo.person()).build())
                        .getPerson().getName());
                System.out.printf("[shutdown] a new connection's call answered %d ms after SIGTERM%n",
                        Duration.between(sigterm, Instant.now()).toMillis());
                assertTrue(Instant.now().isBefore(sigterm.plus(SHUTDOWN_DELAY)), "the call came too late to show anything");
            } finally {
                fresh.shutdownNow();
            }

            // After the delay it waits for its call in flight, and still answers what reaches it meanwhile.
            Thread.sleep(Duration.between(Instant.now(), sigterm.plus(SHUTDOWN_DELAY).plusSeconds(2)).toMillis());
            assertFalse(inFlight.isDone(), "the call in flight ended before its lock was released");
            assertEquals(503, readiness(instance).statusCode());
            ManagedChannel late = BalancedClients.direct(instance);
            try {
                assertEquals(demo.person(), PersonServiceGrpc.newBlockingStub(
                                ClientInterceptors.intercept(late, DevTokens.bearer(admin))).withDeadlineAfter(2, TimeUnit.SECONDS)
                        .getPerson(GetPersonRequest.newBuilder().setName(demo.person()).build()).getPerson().getName());
            } finally {
                late.shutdownNow();
            }
            lock.commit();
            Person updated = inFlight.get(10, TimeUnit.SECONDS).getPerson();
            assertEquals("Written while its instance shut down", updated.getDescription());
            System.out.printf("[shutdown] the call in flight answered %d ms after SIGTERM%n",
                    Duration.between(sigterm, Instant.now()).toMillis());
            assertTrue(instance.awaitExit(Duration.ofSeconds(30)), "it did not exit once its call was answered");
            System.out.printf("[shutdown] exited %d ms after SIGTERM with %d%n",
                    Duration.between(sigterm, Instant.now()).toMillis(), instance.exitValue());
            assertFalse(accepts(instance.port), "a connection was accepted after the exit");
        } finally {
            direct.shutdownNow();
        }
        assertEquals("Written while its instance shut down", PersonServiceGrpc.newBlockingStub(
                        ClientInterceptors.intercept(detention, DevTokens.bearer(admin)))
                .getPerson(GetPersonRequest.newBuilder().setName(person.getName()).build()).getPerson().getDescription());
        instance.start();
        instance.awaitReady(Duration.ofSeconds(120));
    }

    private static void awaitWaitingForALock(Connection watch) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try (var waiting = watch.createStatement().executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
                waiting.next();
                if (waiting.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the write never reached its lock");
    }

    private static HttpResponse<String> readiness(ServiceProcess instance) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    /**
     * SIGTERM, then the exit; started again, ready, and called again by each of its clients (the
     * gateway, statement-service and this test), since a client reconnects to an instance that was
     * away only after a backoff: before that the next restart would leave it one instance short.
     */
    private void restart(ServiceProcess instance) throws Exception {
        Instant stopping = Instant.now();
        instance.terminate();
        assertTrue(instance.awaitExit(Duration.ofSeconds(40)), instance.name + " did not stop");
        System.out.printf("[rolling-restart] %s stopped in %d ms with exit code %d%n", instance.name,
                Duration.between(stopping, Instant.now()).toMillis(), instance.exitValue());
        instance.start();
        instance.awaitReady(Duration.ofSeconds(120));
        Set<String> callers = instance.name.startsWith(Suite.DETENTION)
                // this test's writer, the gateway's reads, statement-service's person checks
                ? Set.of("CreatePerson", "GetPerson", "ListPersons")
                // this test's writer, the gateway's reads
                : Set.of("CreateStatement", "ListPersonClaims");
        // gRPC's reconnect backoff grows to 120 s while an address refuses connections
        Instant deadline = Instant.now().plusSeconds(180);
        Map<String, Double> served = served(instance, "OK");
        while (!served.keySet().containsAll(callers) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            served = served(instance, "OK");
        }
        System.out.printf("[rolling-restart] %s called again %d ms after its stop: %s%n", instance.name,
                Duration.between(stopping, Instant.now()).toMillis(), served);
        assertTrue(served.keySet().containsAll(callers), instance.name + " was not called again by all of " + callers
                + "; it answered " + served(instance, ""));
    }

    /** How many calls of each method the instance answered with a code starting so ("OK"; "" for all) since it started. */
    static Map<String, Double> served(ServiceProcess instance, String code) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.managementPort
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> served = new TreeMap<>();
        Matcher line = Pattern.compile("^grpc_server_processing_duration_seconds_count\\{([^}]*)} ([0-9.eE+]+)$",
                Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            Matcher method = Pattern.compile("method=\"([^\"]+)\"").matcher(line.group(1));
            Matcher status = Pattern.compile("statusCode=\"([^\"]+)\"").matcher(line.group(1));
            double count = Double.parseDouble(line.group(2));
            if (method.find() && status.find() && status.group(1).startsWith(code) && count > 0) {
                served.merge(code.isEmpty() ? method.group(1) + " " + status.group(1) : method.group(1), count, Double::sum);
            }
        }
        return served;
    }
}
