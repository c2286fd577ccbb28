package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * PostgreSQL stopped for 20 s under the packaged applications, then started again: every call and
 * request in the gap fails fast (UNAVAILABLE; the gateway's 503 or a partial answer), never hangs;
 * both services' readiness is DOWN in the gap and UP after, liveness UP throughout; reads and writes
 * work again soon after, with no process restarted; and a write first tried in the gap, retried with
 * its request id, is stored once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageSystemTest {
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    /** The services answer in about a second (the pool tries to connect once more after a second). */
    private static final Duration CALL_FAILS_WITHIN = Duration.ofSeconds(2);
    /** Below the gateway's own limit for a backend call (its 2 s deadline and a quarter second): no request waits it out. */
    private static final Duration REQUEST_FAILS_WITHIN = Duration.ofSeconds(2);
    private static final Duration READINESS_FOLLOWS_WITHIN = Duration.ofSeconds(5);
    /** Readiness and calls; the gateway also waits out its circuit breaker's delay (10 s). */
    private static final Duration RESUMES_WITHIN = Duration.ofSeconds(30);
    /** A call still running after this is hanging. */
    private static final long CALL_DEADLINE_SECONDS = 10;
    private static final List<String> SERVICES = List.of("detention-service", "statement-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningSuite running;
    private DemoCase.Recorded demo;
    private final List<String> figures = new ArrayList<>();
    private volatile String lastTimeline;

    @BeforeAll
    void startTheSuite() throws Exception {
        running = RunningSuite.start("habeas-database-outage");
        demo = SuiteMain.loadDemo(running.ports, running.token(Role.ADMIN));
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        figures.forEach(figure -> System.out.println("[database outage] " + figure));
        running.close();
    }

    @Test
    void postgresStoppedForTwentySecondsFailsEveryCallFastThenAllResumesWithoutARestart() throws Exception {
        Map<String, Long> processes = processes();
        CreatePersonRequest gapPerson = person("Person First Recorded In The Gap " + UUID.randomUUID());
        CreateActorRequest gapActor = actor("Actor First Recorded In The Gap " + UUID.randomUUID());
        everyCallSucceeds();
        SERVICES.forEach(service -> assertEquals(200, health(service, "ready"), service));
        assertTrue(timelineIsWhole(), "the gateway answers whole before the outage");

        long stoppedAt = System.nanoTime();
        running.suite.database().stop();
        List<Long> callMillis = new ArrayList<>();
        List<Long> requestMillis = new ArrayList<>();
        try {
            for (String service : SERVICES) {
                figures.add(service + " readiness DOWN " + until(service, "ready", 503, stoppedAt,
                        READINESS_FOLLOWS_WITHIN).toMillis() + " ms after the stop");
            }
            while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                callMillis.add(failsFast("DATABASE_UNAVAILABLE", () -> persons().listPersons(
                        ListPersonsRequest.getDefaultInstance())));
                callMillis.add(failsFast("DATABASE_UNAVAILABLE", () -> persons().createPerson(gapPerson)));
                callMillis.add(failsFast("DATABASE_UNAVAILABLE", () -> actors().listActors(
                        ListActorsRequest.getDefaultInstance())));
                callMillis.add(failsFast("DATABASE_UNAVAILABLE", () -> actors().createActor(gapActor)));
                // statement-service asks detention-service about the person first, and passes its UNAVAILABLE on.
                callMillis.add(failsFast("DEPENDENCY_UNAVAILABLE", () -> statements().createStatement(
                        statementAbout(demo.person()))));
                requestMillis.add(gatewayFailsFast("/api/v1/persons/{id}/timeline"));
                requestMillis.add(gatewayFailsFast("/api/v1/persons/{id}"));
                for (String service : SERVICES) {
                    assertEquals(503, health(service, "ready"), service + " readiness in the gap");
                    assertEquals(200, health(service, "live"), service + ": a restart would not bring the database back");
                }
            }
        } finally {
            running.suite.database().start();
        }
        long startedAt = System.nanoTime();
        figures.add("down " + millisSince(stoppedAt) + " ms; gRPC calls in the gap (" + callMillis.size()
                + ") failed after " + range(callMillis) + " ms, gateway requests (" + requestMillis.size() + ") after "
                + range(requestMillis) + " ms");

        for (String service : SERVICES) {
            figures.add(service + " readiness UP " + until(service, "ready", 200, startedAt, RESUMES_WITHIN).toMillis()
                    + " ms after PostgreSQL was back");
        }
        figures.add("a read and a write on both services succeeded " + untilSucceeds(startedAt, () -> {
            everyCallSucceeds();
            return true;
        }).toMillis() + " ms after PostgreSQL was back");
        Person person = persons().createPerson(gapPerson).getPerson();
        assertEquals(person, persons().createPerson(gapPerson).getPerson(), "the retry gets the first answer");
        Actor actor = actors().createActor(gapActor).getActor();
        assertEquals(actor, actors().createActor(gapActor).getActor());
        assertEquals(1, rows("detention", "person", person.getDisplayName()), "stored once");
        assertEquals(1, rows("statement", "actor", actor.getDisplayName()), "stored once");
        figures.add("the gateway's person timeline whole again "
                + untilSucceeds(startedAt, this::timelineIsWhole).toMillis() + " ms after PostgreSQL was back");
        assertEquals(processes, processes(), "no application was restarted");
    }

    /** The call fails UNAVAILABLE with this ErrorInfo reason within {@link #CALL_FAILS_WITHIN}; in how many ms. */
    private static long failsFast(String reason, Executable call) {
        long started = System.nanoTime();
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        long millis = millisSince(started);
        assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode(), failure.getStatus().toString());
        assertTrue(millis <= CALL_FAILS_WITHIN.toMillis(), "failed after " + millis + " ms: " + failure.getStatus());
        assertEquals(reason, errorInfo(failure).getReason(), failure.getStatus().toString());
        return millis;
    }

    /** A 503 saying a backend is unavailable, or a partial answer, within {@link #REQUEST_FAILS_WITHIN}; in how many ms. */
    private long gatewayFailsFast(String path) {
        long started = System.nanoTime();
        Response response = running.gateway(Role.VIEWER).get(path, personId());
        long millis = millisSince(started);
        assertTrue(millis <= REQUEST_FAILS_WITHIN.toMillis(), path + " answered after " + millis + " ms");
        if (response.statusCode() == 200) {
            assertTrue(response.jsonPath().getBoolean("partial"), path + " whole without its database");
        } else {
            assertEquals(503, response.statusCode(), path + ": " + response.asString());
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            String title = response.jsonPath().getString("title");
            assertTrue(title.toLowerCase().contains("unavailable"), title);
        }
        return millis;
    }

    private boolean timelineIsWhole() {
        Response timeline = running.gateway(Role.VIEWER).get("/api/v1/persons/{id}/timeline", personId());
        lastTimeline = timeline.statusCode() + " " + timeline.asString();
        return timeline.statusCode() == 200 && !timeline.jsonPath().getBoolean("partial");
    }

    private void everyCallSucceeds() {
        persons().listPersons(ListPersonsRequest.getDefaultInstance());
        persons().createPerson(person("Person Recorded Around The Outage " + UUID.randomUUID()));
        actors().listActors(ListActorsRequest.getDefaultInstance());
        actors().createActor(actor("Actor Recorded Around The Outage " + UUID.randomUUID()));
    }

    private static CreatePersonRequest person(String name) {
        return CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPerson(Person.newBuilder().setDisplayName(name).addCitizenships("AZ").addSources(DemoCase.articleA()))
                .build();
    }

    private static CreateActorRequest actor(String name) {
        return CreateActorRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setActor(Actor.newBuilder().setDisplayName(name).setKind(ActorKind.ACTOR_KIND_GOVERNMENT_BODY)
                        .setCountry("AZ").addSources(DemoCase.articleA()))
                .build();
    }

    private static CreateStatementRequest statementAbout(String person) {
        return CreateStatementRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setStatement(Statement.newBuilder().setActor("actors/" + UUID.randomUUID())
                        .setMadeOn(DemoCase.date(2024, 5, 1)).setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE)
                        .setTitle("Written while the database is away").addSources(DemoCase.articleA())
                        .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                                .addSubjectPersons(person).setText("Release them")))
                .build();
    }

    /** How long after {@code since} /q/health/{check} of the service answered this status; fails after the limit. */
    private Duration until(String service, String check, int status, long since, Duration limit)
            throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        while (System.nanoTime() - since < limit.toNanos()) {
            int answered = health(service, check);
            if (answered == status) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            seen.add(answered);
            Thread.sleep(50);
        }
        throw new AssertionError(service + " /q/health/" + check + " not " + status + " within " + limit + ": " + seen);
    }

    /** How long after {@code since} the attempt first succeeded, tried again while it fails; fails after the limit. */
    private Duration untilSucceeds(long since, Callable<Boolean> attempt) throws Exception {
        Throwable last = null;
        while (System.nanoTime() - since < RESUMES_WITHIN.toNanos()) {
            try {
                if (attempt.call()) {
                    return Duration.ofNanos(System.nanoTime() - since);
                }
            } catch (StatusRuntimeException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not resumed within " + RESUMES_WITHIN + "; the gateway's last timeline: " + lastTimeline,
                last);
    }

    /** The status of the service's /q/health/{check}; the probe must answer within 3 s. */
    private int health(String service, String check) {
        int port = service.equals("detention-service") ? running.ports.detentionManagement()
                : running.ports.statementManagement();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/" + check))
                .timeout(Duration.ofSeconds(3)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(service + " /q/health/" + check + " did not answer: " + e, e);
        }
    }

    private int rows(String database, String table, String displayName) throws SQLException {
        Database db = running.suite.database();
        try (var connection = DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
                var count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE display_name = ?")) {
            count.setString(1, displayName);
            var result = count.executeQuery();
            result.next();
            return result.getInt(1);
        }
    }

    private Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : List.of("detention-service", "statement-service", "gateway")) {
            ServiceProcess process = running.suite.service(name);
            assertTrue(process.isRunning(), name);
            pids.put(name, process.pid());
        }
        return pids;
    }

    private PersonServiceGrpc.PersonServiceBlockingStub persons() {
        return PersonServiceGrpc.newBlockingStub(running.detention(Role.ADMIN))
                .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private ActorServiceGrpc.ActorServiceBlockingStub actors() {
        return ActorServiceGrpc.newBlockingStub(running.statement(Role.ADMIN))
                .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private StatementServiceGrpc.StatementServiceBlockingStub statements() {
        return StatementServiceGrpc.newBlockingStub(running.statement(Role.ADMIN))
                .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private String personId() {
        return demo.person().substring(demo.person().indexOf('/') + 1);
    }

    private static ErrorInfo errorInfo(StatusRuntimeException failure) {
        try {
            for (var detail : StatusProto.fromThrowable(failure).getDetailsList()) {
                if (detail.is(ErrorInfo.class)) {
                    return detail.unpack(ErrorInfo.class);
                }
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no ErrorInfo in " + failure.getStatus());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String range(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).min().orElse(0) + " to "
                + millis.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
