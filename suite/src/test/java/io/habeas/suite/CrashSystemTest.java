package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.kernel.access.Role;
import io.habeas.suite.load.Acknowledged;
import io.habeas.suite.load.Case;
import io.habeas.suite.load.Clients;
import io.habeas.suite.load.Ledger;
import io.habeas.suite.load.LedgerAudit;
import io.habeas.suite.load.Outcomes;
import io.habeas.suite.load.Synthetic;
import io.habeas.suite.load.WriteKind;
import io.habeas.suite.load.Writes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Writers send persons, detentions, custody events and statements with claims through gRPC as fast as they
 * can, each with a request id, retrying a failed write with the same id; meanwhile detention-service, then
 * statement-service, then PostgreSQL are killed with SIGKILL and started again. Afterwards every
 * acknowledged write is there as it was sent, each request id sent again names the same record and adds
 * none, and the feeds hold exactly the acknowledged records. PostgreSQL flushes each commit to its WAL
 * before acknowledging it (CRASH_SAFE): what a killed server acknowledged, it must recover.
 */
class CrashSystemTest {
    private static final int WRITERS = 6;
    /** Acknowledged writes before the first kill and after each restart, so that no phase passes empty. */
    private static final int AT_LEAST = 120;
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(90);
    private static final Duration WRITE_BUDGET = Duration.ofSeconds(90);
    /** Persons whose timeline is read through the gateway as well. */
    private static final int TIMELINES = 25;

    @Test
    void noAcknowledgedWriteIsLostOrStoredTwiceWhenEachServiceAndThenPostgresqlAreKilledMidWrite() throws Exception {
        Instant began = Instant.now();
        try (RunningSuite running = RunningSuite.start("habeas-crash-test", Database.Durability.CRASH_SAFE, Map.of());
                Clients clients = new Clients(running.ports.detention(), running.ports.statement(),
                        running.token(Role.RECORDER))) {
            Suite suite = running.suite;
            Ledger ledger = new Ledger();
            Outcomes outcomes = new Outcomes();
            Synthetic synthetic = new Synthetic("crash", "AZ");
            String actor = Writes.createActor(clients.statement(), synthetic, WRITE_BUDGET);
            Writes writes = new Writes(clients.detention(), clients.statement(), synthetic, actor, ledger, outcomes, WRITE_BUDGET);

            int before = ledger.startPhase("before any kill");
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            List<Integer> outages = new ArrayList<>();
            List<Integer> afterwards = new ArrayList<>(List.of(before));
            try {
                for (int i = 0; i < WRITERS; i++) {
                    Thread writer = new Thread(() -> write(writes, synthetic, writing), "crash-writer-" + i);
                    writer.start();
                    writers.add(writer);
                }
                awaitAcknowledged(ledger, before);
                killAndRestartEach(suite, clients, ledger, outages, afterwards);
            } finally {
                writing.set(false);
            }
            for (Thread writer : writers) {
                writer.join(WRITE_BUDGET.plusSeconds(30).toMillis());
                assertFalse(writer.isAlive(), writer.getName() + " is still writing");
            }
            Instant written = Instant.now();
            report(ledger, outcomes);

            assertEquals(0, writes.neverAcknowledged(), "writes never acknowledged: " + outcomes.examples());
            for (int phase : afterwards) {
                assertTrue(ledger.acknowledgedIn(phase) >= AT_LEAST, ledger.phaseName(phase));
                for (WriteKind kind : WriteKind.values()) {
                    assertTrue(ledger.acknowledgedIn(phase, kind) >= AT_LEAST / 10,
                            kind + " acknowledged " + ledger.phaseName(phase) + ": " + ledger.acknowledgedIn(phase, kind));
                }
            }
            for (int phase : outages) {
                assertTrue(ledger.failedAttemptsIn(phase) > 0, "no write met the outage: " + ledger.phaseName(phase));
            }

            List<Acknowledged> acknowledged = ledger.all();
            LedgerAudit audit = new LedgerAudit(clients.detention(), clients.statement());
            var readable = audit.readBack(acknowledged);
            var listed = audit.listings(ledger);
            var resent = audit.resendAll(acknowledged, writes);
            var listedAfterResending = audit.listings(ledger);
            var feeds = audit.personFeeds(ledger);
            for (var findings : List.of(readable, listed, resent, listedAfterResending, feeds)) {
                System.out.println("[crash-test] " + findings);
                assertTrue(findings.clean(), findings.toString());
            }
            int timelines = gatewayTimelinesMatch(running, ledger);
            System.out.printf("[crash-test] %d gateway person timelines match; writing took %d s, the whole test %d s%n",
                    timelines, Duration.between(began, written).toSeconds(), Duration.between(began, Instant.now()).toSeconds());
        }
    }

    /**
     * Kills detention-service and starts it again, then statement-service, then PostgreSQL (every process at once,
     * started again on its folder): a ledger phase for each outage and one after it, which lasts until enough
     * writes are acknowledged.
     */
    private static void killAndRestartEach(Suite suite, Clients clients, Ledger ledger, List<Integer> outages,
            List<Integer> afterwards) throws Exception {
        for (String name : List.of("detention-service", "statement-service")) {
            ServiceProcess service = suite.service(name);
            ProcessHandle killed = ProcessHandle.of(service.pid()).orElseThrow();
            outages.add(ledger.startPhase(name + " killed"));
            service.kill();
            assertFalse(killed.isAlive(), name + " survived SIGKILL");
            suite.start(service, message -> System.out.println("[crash-test] " + message));
            clients.reconnectNow();
            afterwards.add(ledger.startPhase("after " + name + " restarted"));
            awaitAcknowledged(ledger, afterwards.get(afterwards.size() - 1));
        }
        Database database = suite.database();
        outages.add(ledger.startPhase("PostgreSQL killed"));
        database.kill();
        assertFalse(database.isRunning(), "a PostgreSQL process survived the kill");
        // Down for a moment, as a container's restart is: writes meet it down, not only their dead connections.
        Thread.sleep(2000);
        database.start();
        // The services are not restarted: their connection pools must find the new server themselves.
        afterwards.add(ledger.startPhase("after PostgreSQL restarted"));
        awaitAcknowledged(ledger, afterwards.get(afterwards.size() - 1));
    }

    /** One writer: cases one after the other, each write retried with its request id until acknowledged. */
    private static void write(Writes writes, Synthetic synthetic, AtomicBoolean writing) {
        Case current = synthetic.newCase();
        try {
            while (writing.get()) {
                if (writes.writeNext(current) == null || current.complete()) {
                    // A write never acknowledged is counted and fails the test; the case is not continued
                    // with records that would name one that may not exist.
                    current = synthetic.newCase();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitAcknowledged(Ledger ledger, int phase) throws InterruptedException {
        Instant deadline = Instant.now().plus(PHASE_LIMIT);
        while (ledger.acknowledgedIn(phase) < AT_LEAST) {
            assertTrue(Instant.now().isBefore(deadline), "only " + ledger.acknowledgedIn(phase) + " writes acknowledged "
                    + ledger.phaseName(phase) + " in " + PHASE_LIMIT.toSeconds() + " s");
            Thread.sleep(50);
        }
    }

    /**
     * The gateway's timeline of some persons, complete cases first: exactly their acknowledged detention,
     * custody event and claim, from both services. It may be partial for a while after the restarts (its
     * channels reconnect with backoff); only a whole answer is compared.
     */
    private static int gatewayTimelinesMatch(RunningSuite running, Ledger ledger) throws InterruptedException {
        Map<String, Set<String>> expected = new java.util.LinkedHashMap<>();
        ledger.all(WriteKind.STATEMENT).forEach(s -> expected.put(s.person(), new HashSet<>()));
        ledger.all(WriteKind.PERSON).forEach(p -> expected.putIfAbsent(p.name(), new HashSet<>()));
        for (Acknowledged write : ledger.all()) {
            switch (write.kind()) {
                case DETENTION, CUSTODY_EVENT -> expected.get(write.person()).add("detention-service:" + write.name());
                case STATEMENT -> LedgerAudit.claims(List.of(write))
                        .forEach(claim -> expected.get(write.person()).add("statement-service:" + claim));
                default -> {
                }
            }
        }
        int compared = 0;
        for (var person : expected.entrySet().stream().limit(TIMELINES).toList()) {
            String id = person.getKey().substring(person.getKey().indexOf('/') + 1);
            Instant deadline = Instant.now().plusSeconds(60);
            while (true) {
                var page = running.gateway(Role.RECORDER).queryParam("pageSize", 200).get("/api/v1/persons/{id}/timeline", id);
                page.then().statusCode(200);
                if (!page.jsonPath().getBoolean("partial")) {
                    Set<String> events = new HashSet<>(page.jsonPath().getList("events.id", String.class));
                    assertEquals(person.getValue(), events, person.getKey());
                    assertEquals(events.size(), page.jsonPath().getList("events").size(), "an event twice: " + person.getKey());
                    compared++;
                    break;
                }
                assertTrue(Instant.now().isBefore(deadline), "the gateway is still partial for " + person.getKey());
                Thread.sleep(500);
            }
        }
        return compared;
    }

    private static void report(Ledger ledger, Outcomes outcomes) {
        for (int phase = 1; phase < ledger.phases(); phase++) {
            int p = phase;
            System.out.printf("[crash-test] %-36s %4d s: acknowledged %4d (%s), failed attempts %d%n", ledger.phaseName(phase),
                    ledger.phaseLength(phase).toSeconds(), ledger.acknowledgedIn(phase), java.util.Arrays.stream(WriteKind.values())
                            .map(k -> k.name().toLowerCase() + " " + ledger.acknowledgedIn(p, k))
                            .collect(Collectors.joining(", ")), ledger.failedAttemptsIn(phase));
        }
        outcomes.rows().forEach(row -> System.out.printf("[crash-test] %-26s %-40s %-9s %d%n", row.operation(),
                row.outcome(), row.verdict(), row.count()));
    }
}
