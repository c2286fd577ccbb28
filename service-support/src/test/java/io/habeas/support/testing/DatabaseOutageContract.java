package io.habeas.support.testing;

import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A service whose PostgreSQL goes away and comes back: calls fail fast with UNAVAILABLE
 * (DATABASE_UNAVAILABLE) and never hang, readiness is DOWN and liveness UP meanwhile, and
 * everything works again once the server is back, without a restart; connections the server
 * closed are never handed out again; a write whose connection dies says truly whether it may
 * have been stored, and its retry with the same request id stores it once. Each service supplies
 * a read, a write and the table the write stores its record in; its test runs with
 * {@link Profile}, on a {@link StoppablePostgres}.
 */
public abstract class DatabaseOutageContract {
    /** The longest a call may take to fail while the database is unreachable. */
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(2);
    /** Well beyond it: a call still running then is hanging. */
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    private static final Duration READINESS_FOLLOWS_WITHIN = Duration.ofSeconds(5);
    private static final Duration RESUMES_WITHIN = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The test's own PostgreSQL, which it stops and starts; request ids expire after an hour, purged every second. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.request-log.purge-every", "1s", "habeas.request-log.purge-delay", "1s",
                    "habeas.request-log.retention", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppablePostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @InjectStoppablePostgres
    protected StoppablePostgres postgres;
    @Inject
    protected Database database;
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    /** Reads something as an admin, giving up after the deadline. */
    protected abstract void read(Duration deadline);

    /** Writes one record as an admin with this request id, the same request each time; its resource name. */
    protected abstract String write(String requestId, Duration deadline);

    /** The table the write stores its record in. */
    protected abstract String writtenTable();

    @BeforeEach
    void startFromEmptyDatabase() {
        database.clear();
    }

    @Test
    void whileTheDatabaseIsStoppedCallsFailFastAndReadinessIsDownThenAllResumesWithoutARestart() throws Exception {
        read(CALL_DEADLINE);
        write(CommonFixtures.requestId(), CALL_DEADLINE);
        assertEquals(200, health("ready"));
        String firstTriedInTheGap = CommonFixtures.requestId();
        int failedCalls = 0;
        try (CapturedLog log = CapturedLog.start()) {
            long stoppedAt = System.nanoTime();
            postgres.stop();
            try {
                Duration readinessDown = until("ready", 503, READINESS_FOLLOWS_WITHIN);
                System.out.printf("[database outage] readiness DOWN %d ms after the stop%n", readinessDown.toMillis());
                for (int round = 0; round < 3; round++) {
                    String message = failsFastUnavailable(() -> read(CALL_DEADLINE));
                    assertTrue(message.contains("nothing was stored"), message);
                    message = failsFastUnavailable(() -> write(firstTriedInTheGap, CALL_DEADLINE));
                    assertTrue(message.contains("nothing was stored") && message.contains("request_id"), message);
                    failedCalls += 2;
                }
                assertEquals(200, health("live"), "a restart would not bring the database back");
                assertEquals(503, health("ready"));
            } finally {
                postgres.start();
            }
            long startedAt = System.nanoTime();
            Duration readinessUp = until("ready", 200, RESUMES_WITHIN);
            read(CALL_DEADLINE);
            String stored = write(firstTriedInTheGap, CALL_DEADLINE);
            System.out.printf("[database outage] down %d ms; readiness UP %d ms after the start, a read and a write"
                            + " %d ms after it%n", (startedAt - stoppedAt) / 1_000_000, readinessUp.toMillis(),
                    (System.nanoTime() - startedAt) / 1_000_000);

            assertEquals(stored, write(firstTriedInTheGap, CALL_DEADLINE), "the retry gets the first answer");
            assertEquals(2, database.count(writtenTable()), "the write first tried in the gap is stored once");
            List<LogRecord> failures = log.warningsFrom("io.habeas.support.grpc.GrpcErrors");
            assertEquals(failedCalls, failures.size(), "one line per failed call:" + CapturedLog.describe(failures));
            assertEquals(List.of(), log.withStackTraces(), CapturedLog.describe(log.withStackTraces()));
            assertTrue(log.warningsFrom("io.habeas.support.records.RequestLogRetention").size() <= 1,
                    "the purge says once that it cannot run:" + CapturedLog.describe(log.records()));
        }
        expiredEntryIsPurged();
    }

    @Test
    void connectionsTheServerClosedAreNeverHandedToACall() throws Exception {
        read(CALL_DEADLINE);
        write(CommonFixtures.requestId(), CALL_DEADLINE);

        assertTrue(terminateServiceSessions() > 0, "the pool holds connections");

        read(CALL_DEADLINE);
        write(CommonFixtures.requestId(), CALL_DEADLINE);
        assertEquals(2, database.count(writtenTable()));
    }

    @Test
    void aWriteWhoseConnectionDiesBeforeItCommitsStoresNothingAndItsRetryStoresItOnce() throws Exception {
        String requestId = CommonFixtures.requestId();
        String message;
        try (Connection locker = postgres.connect()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE request_log IN ACCESS EXCLUSIVE MODE");
            message = failsWhenItsSessionEnds(requestId, "wait_event_type = 'Lock'");
            locker.rollback();
        }

        assertTrue(message.contains("nothing was stored"), message);
        assertEquals(0, database.count(writtenTable()));
        String stored = write(requestId, CALL_DEADLINE);
        assertEquals(stored, write(requestId, CALL_DEADLINE));
        assertEquals(1, database.count(writtenTable()));
    }

    @Test
    void aWriteWhoseConnectionDiesWhileCommittingSaysItMayBeStoredAndItsRetryStoresItOnce() throws Exception {
        // A deferred constraint trigger runs inside COMMIT: the session ends while the commit is under way.
        execute("CREATE FUNCTION habeas_test_stall() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$");
        execute("CREATE CONSTRAINT TRIGGER habeas_test_stall AFTER INSERT ON request_log DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW EXECUTE FUNCTION habeas_test_stall()");
        String requestId = CommonFixtures.requestId();

        String message;
        try (CapturedLog log = CapturedLog.start()) {
            message = failsWhenItsSessionEnds(requestId, "wait_event = 'PgSleep'");
            // Narayana says so when a synchronization fails after completion: the pool's return of the connection
            // would be skipped, and its slot lost for good.
            assertEquals(List.of(), log.warningsFrom("com.arjuna"), CapturedLog.describe(log.records()));
        }

        assertTrue(message.contains("may have been stored") && message.contains("same request_id"), message);
        dropStall();
        String stored = write(requestId, CALL_DEADLINE);
        assertEquals(stored, write(requestId, CALL_DEADLINE));
        assertEquals(1, database.count(writtenTable()));
    }

    /** The call fails UNAVAILABLE with DATABASE_UNAVAILABLE within {@link #FAILS_WITHIN}; its message. */
    private static String failsFastUnavailable(Executable call) {
        long started = System.nanoTime();
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode(), failure.getStatus().toString());
        assertTrue(took.compareTo(FAILS_WITHIN) <= 0, "failed after " + took.toMillis() + " ms");
        assertEquals("DATABASE_UNAVAILABLE", detail(StatusProto.fromThrowable(failure), ErrorInfo.class).getReason());
        System.out.printf("[database outage] a call failed UNAVAILABLE after %d ms%n", took.toMillis());
        return failure.getStatus().getDescription();
    }

    /** The write, started, is seen waiting as the condition on pg_stat_activity says; its session is ended. */
    private String failsWhenItsSessionEnds(String requestId, String waiting) throws Exception {
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> write(requestId, CALL_DEADLINE));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int ended = 0;
        while (ended == 0 && System.nanoTime() < until) {
            ended = terminate(waiting);
        }
        assertEquals(1, ended, "the write was seen waiting");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(CALL_DEADLINE.toSeconds(),
                TimeUnit.SECONDS));
        StatusRuntimeException failure = (StatusRuntimeException) failed.getCause();
        assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode(), failure.getStatus().toString());
        assertEquals("DATABASE_UNAVAILABLE", detail(StatusProto.fromThrowable(failure), ErrorInfo.class).getReason());
        return failure.getStatus().getDescription();
    }

    @AfterEach
    void dropStall() throws SQLException {
        execute("DROP TRIGGER IF EXISTS habeas_test_stall ON request_log");
        execute("DROP FUNCTION IF EXISTS habeas_test_stall()");
    }

    /** Ends every session of the service, as a server restart or an administrator does; how many. */
    private int terminateServiceSessions() throws SQLException {
        return terminate("true");
    }

    private int terminate(String condition) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet ended = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND backend_type = 'client backend' AND " + condition)) {
            ended.next();
            return ended.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void expiredEntryIsPurged() throws SQLException, InterruptedException {
        execute("INSERT INTO request_log (request_id, method, fingerprint, response, created_at)"
                + " VALUES ('expired', 'm', '\\x00', '\\x00', now() - interval '2 hours')");
        long until = System.nanoTime() + RESUMES_WITHIN.toNanos();
        while (database.count("request_log WHERE request_id = 'expired'") > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(0, database.count("request_log WHERE request_id = 'expired'"), "the purge runs again");
    }

    /** How long until /q/health/{check} answers this status; fails after the limit. */
    private Duration until(String check, int status, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        List<Integer> seen = new ArrayList<>();
        while (System.nanoTime() - started < limit.toNanos()) {
            int answered = health(check);
            if (answered == status) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            seen.add(answered);
            Thread.sleep(50);
        }
        throw new AssertionError("/q/health/" + check + " did not answer " + status + " within " + limit + ": " + seen);
    }

    /** The status of /q/health/{check}; the probe itself must answer within 3 s. */
    private int health(String check) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementRoot.toString()).resolve("/q/health/" + check))
                .timeout(Duration.ofSeconds(3)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("/q/health/" + check + " did not answer: " + e, e);
        }
    }
}
