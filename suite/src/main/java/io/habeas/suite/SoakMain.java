package io.habeas.suite;

import io.habeas.kernel.access.Role;
import io.habeas.suite.load.Case;
import io.habeas.suite.load.Clients;
import io.habeas.suite.load.GatewayReads;
import io.habeas.suite.load.Latencies;
import io.habeas.suite.load.Ledger;
import io.habeas.suite.load.LedgerAudit;
import io.habeas.suite.load.Loops;
import io.habeas.suite.load.Machine;
import io.habeas.suite.load.MemoryTimeline;
import io.habeas.suite.load.MixedLoad;
import io.habeas.suite.load.Outcomes;
import io.habeas.suite.load.ProcessMemory;
import io.habeas.suite.load.SoakReport;
import io.habeas.suite.load.Synthetic;
import io.habeas.suite.load.Writes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The soak (bench/soak): the suite on ephemeral ports, its peak measured with a closed loop of mixed reads
 * and writes, then an open loop at a share of that peak for a while, killing a random backend at intervals
 * and starting it again. It reports unmarked errors, acknowledged writes lost, and each process's memory
 * over time, writes a Markdown report and exits 1 when any check fails (2 on bad arguments).
 */
public final class SoakMain {
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final Duration WRITE_BUDGET = Duration.ofSeconds(90);
    private static final int OPEN_LOOP_THREADS = 64;
    /** Set to have the next sample list PostgreSQL's own processes with their memory, for the log. */
    private static volatile boolean describePostgresql = true;

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(SoakOptions.USAGE);
            return;
        }
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SoakOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    static boolean run(SoakOptions options) throws Exception {
        Instant began = Instant.now();
        String loadBefore = Machine.loadAverage();
        Path root = Suite.findRoot();
        Path data = Files.createTempDirectory("habeas-soak");
        Ports ports = Ports.ephemeral();
        DevTokens tokens = DevTokens.inFolder(data);
        Database database = Database.embedded(data.resolve("postgres"), ports.postgres(), options.durability());
        // One token drives all the reads: the gateway's per-client limit would measure itself.
        Suite suite = new Suite(root, data.resolve("logs"), ports, database, tokens, PageTokenKey.inFolder(data),
                Map.of("HABEAS_GATEWAY_RATE_LIMIT_REQUESTS", "0"), options.instances());
        List<String> missing = suite.missingJars();
        if (!missing.isEmpty()) {
            database.close();
            System.err.println("Not built yet: " + missing + ". Run ./mvnw -B -DskipTests package first.");
            return false;
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stopAll = () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    suite.close();
                } catch (Exception e) {
                    System.err.println("Could not stop cleanly: " + e);
                }
            }
        };
        Thread hook = new Thread(stopAll, "habeas-soak-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        MemoryTimeline memory = new MemoryTimeline(began);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> sample(suite, memory), 0, SAMPLE_EVERY.toSeconds(), TimeUnit.SECONDS);
        Duration validity = options.soak().plusHours(2);
        try (Clients clients = new Clients(portsOf(suite.instances(Suite.DETENTION)), portsOf(suite.instances(Suite.STATEMENT)),
                tokens.forPerson(Role.RECORDER, validity))) {
            suite.start(SoakMain::progress);
            progress("Data and logs: " + data);
            Outcomes outcomes = new Outcomes();
            Ledger ledger = new Ledger();
            String run = Long.toString(began.getEpochSecond(), 36);

            Synthetic seed = new Synthetic("seed-" + run, "AZ");
            String actor = Writes.createActor(clients.statement(), seed, WRITE_BUDGET);
            Writes seedWrites = new Writes(clients.detention(), clients.statement(), seed, actor, ledger, outcomes, WRITE_BUDGET);
            progress("Seeding " + options.seedPersons() + " persons, each with a detention, a custody event and a statement");
            for (int i = 0; i < options.seedPersons(); i++) {
                Case c = seed.newCase();
                while (!c.complete()) {
                    if (seedWrites.writeNext(c) == null) {
                        throw new IllegalStateException("a seed write was never acknowledged: " + outcomes.examples());
                    }
                }
            }

            Synthetic soak = new Synthetic("soak-" + run, "GE");
            Writes writes = new Writes(clients.detention(), clients.statement(), soak, actor, ledger, outcomes, WRITE_BUDGET);
            GatewayReads reads = new GatewayReads(ports.gateway(), tokens.forPerson(Role.ANALYST, validity), outcomes);
            progress("Warming up for " + options.loadWarmUp().toSeconds() + " s");
            Loops.closedLoop(new MixedLoad(reads, writes, ledger, new Latencies(), "AZ"), options.peakWorkers(), options.loadWarmUp());
            progress("Measuring the peak: closed loop, " + options.peakWorkers() + " workers, " + options.peakLength().toSeconds() + " s");
            double peak = Loops.closedLoop(new MixedLoad(reads, writes, ledger, new Latencies(), "AZ"), options.peakWorkers(),
                    options.peakLength());
            double rate = peak * options.loadShare();
            progress("Peak %.1f operations/s; soak at %.1f/s for %d min, killing a backend every %d s".formatted(peak, rate,
                    options.soak().toMinutes(), options.killEvery().toSeconds()));

            Duration soakStart = Duration.between(began, Instant.now());
            describePostgresql = true;
            Latencies latencies = new Latencies();
            Killer killer = new Killer(suite, clients, options.killEvery(), began);
            Thread killing = new Thread(killer, "soak-killer");
            killing.start();
            Loops.OpenLoopResult open;
            try {
                open = Loops.openLoop(new MixedLoad(reads, writes, ledger, latencies, "AZ"), rate, options.soak(),
                        WRITE_BUDGET.plusSeconds(30), OPEN_LOOP_THREADS);
            } finally {
                killer.stop();
                killing.join();
            }
            for (ServiceProcess service : backends(suite)) {
                if (!service.isRunning()) {
                    suite.start(service, SoakMain::progress);
                }
            }
            clients.reconnectNow();
            describePostgresql = true;
            progress("Reading back every acknowledged write (" + ledger.acknowledged() + ")");
            LedgerAudit audit = new LedgerAudit(clients.detention(), clients.statement());
            List<LedgerAudit.Findings> checks = List.of(audit.readBack(ledger.all()), audit.listings(ledger));
            checks.forEach(c -> progress(c.toString()));
            sampler.shutdownNow();

            String loadAfter = Machine.loadAverage();
            SoakReport report = new SoakReport(
                    new SoakReport.Settings(options.soak(), database.describe(), options.killEvery(), options.peakWorkers(),
                            options.peakLength(), options.loadWarmUp(), options.loadShare(), options.memoryWarmUp(),
                            options.memoryWindow(), 0.10, WRITE_BUDGET, options.seedPersons(), SAMPLE_EVERY, options.instances()),
                    new SoakReport.Context(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(began.atOffset(ZoneOffset.UTC)
                            .withNano(0)) + " UTC", commit(root), Machine.describe(), loadBefore, loadAfter, options.note()),
                    new SoakReport.Findings(peak, open, soakStart, outcomes, latencies.summaries(), killer.kills(),
                            killer.failures(), ledger, checks, memory));
            String markdown = report.markdown();
            Files.createDirectories(options.report().toAbsolutePath().getParent());
            Files.writeString(options.report(), markdown);
            System.out.println();
            System.out.println(markdown);
            progress("Report written to " + options.report() + "; verdict " + (report.passed() ? "PASS" : "FAIL"));
            if (report.passed() && !options.keepData()) {
                stopAll.run();
                deleteQuietly(data);
            }
            return report.passed();
        } finally {
            sampler.shutdownNow();
            stopAll.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** Every instance of detention-service and of statement-service: what the soak kills. */
    private static List<ServiceProcess> backends(Suite suite) {
        List<ServiceProcess> backends = new ArrayList<>(suite.instances(Suite.DETENTION));
        backends.addAll(suite.instances(Suite.STATEMENT));
        return backends;
    }

    private static List<Integer> portsOf(List<ServiceProcess> instances) {
        return instances.stream().map(instance -> instance.port).toList();
    }

    /** Every process's memory now; a backend between a kill and its restart is skipped. */
    private static void sample(Suite suite, MemoryTimeline memory) {
        Instant now = Instant.now();
        try {
            List<ServiceProcess> applications = new ArrayList<>(backends(suite));
            applications.add(suite.service(Suite.GATEWAY));
            for (ServiceProcess service : applications) {
                if (service.isRunning()) {
                    long pid = service.pid();
                    ProcessMemory m = ProcessMemory.of(pid);
                    if (m != null) {
                        memory.record(service.name, pid, MemoryTimeline.Metric.RSS, m, 1, now);
                    }
                }
            }
            suite.database().postmaster().ifPresent(postmaster -> {
                List<ProcessHandle> own = new ArrayList<>(List.of(postmaster));
                List<ProcessHandle> passing = new ArrayList<>();
                for (ProcessHandle child : postmaster.descendants().toList()) {
                    // A backend's title names its client ("postgres: postgres detention 127.0.0.1(40112) idle"),
                    // an autovacuum worker its database; both come and go. The server's own processes
                    // (checkpointer, WAL writer, ...) live as long as it does.
                    String title = ProcessMemory.commandLine(child);
                    (title.contains("(") || title.contains("autovacuum worker") ? passing : own).add(child);
                }
                if (describePostgresql) {
                    describePostgresql = false;
                    progress("PostgreSQL's own processes, anonymous KiB: " + own.stream().map(p -> ProcessMemory.commandLine(p)
                            .replaceAll(" -.*", "") + " " + Optional.ofNullable(ProcessMemory.of(p.pid()))
                            .map(ProcessMemory::anonymousKib).orElse(-1L)).toList());
                }
                ProcessMemory.Total server = ProcessMemory.of(own);
                ProcessMemory.Total backends = ProcessMemory.of(passing);
                memory.record("postgresql", postmaster.pid(), MemoryTimeline.Metric.ANONYMOUS, true, server.memory(),
                        server.processes(), now);
                memory.record("postgresql backends", postmaster.pid(), MemoryTimeline.Metric.ANONYMOUS, false,
                        backends.memory(), backends.processes(), now);
            });
        } catch (RuntimeException e) {
            System.err.println("[habeas-soak] memory sample failed: " + e);
        }
    }

    /** Kills a random backend at each interval and starts it again, until stopped. */
    private static final class Killer implements Runnable {
        private final Suite suite;
        private final Clients clients;
        private final Duration every;
        private final Instant began;
        private final Random random = new Random();
        private final List<SoakReport.Kill> kills = Collections.synchronizedList(new ArrayList<>());
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopped;

        Killer(Suite suite, Clients clients, Duration every, Instant began) {
            this.suite = suite;
            this.clients = clients;
            this.every = every;
            this.began = began;
        }

        void stop() {
            stopped = true;
        }

        List<SoakReport.Kill> kills() {
            return List.copyOf(kills);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void run() {
            long next = System.nanoTime() + every.toNanos();
            while (!stopped) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                next += every.toNanos();
                List<ServiceProcess> backends = backends(suite);
                ServiceProcess victim = backends.get(random.nextInt(backends.size()));
                Instant killed = Instant.now();
                long pid = victim.pid();
                try {
                    victim.kill();
                    suite.start(victim, message -> { });
                    clients.reconnectNow();
                    kills.add(new SoakReport.Kill(Duration.between(began, killed), victim.name, pid,
                            Duration.between(killed, Instant.now())));
                } catch (Exception e) {
                    failures.add(victim.name + " at " + Duration.between(began, killed).toSeconds() + " s: " + e.getMessage());
                    try {
                        victim.kill();
                        suite.start(victim, message -> { });
                    } catch (Exception again) {
                        failures.add(victim.name + " could not be started again: " + again.getMessage());
                        return;
                    }
                }
                // A restart slower than the interval still leaves the backend a third of one before the next kill.
                next = Math.max(next, System.nanoTime() + every.toNanos() / 3);
            }
        }
    }

    static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty").start();
            String described = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 && !described.isEmpty() ? described : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up
        }
    }

    static void progress(String message) {
        System.out.println("[habeas-soak] " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + message);
    }
}
