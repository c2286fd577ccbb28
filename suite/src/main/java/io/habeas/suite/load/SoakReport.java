package io.habeas.suite.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The soak's findings as Markdown: the verdict first, then the figures behind it. */
public final class SoakReport {
    /** A backend killed (SIGKILL) at {@code at} since the run's start, ready again {@code toReady} later. */
    public record Kill(Duration at, String backend, long pid, Duration toReady) {
    }

    /** How the run was set up. */
    public record Settings(Duration soak, String database, Duration killEvery, int peakWorkers, Duration peakLength,
            Duration loadWarmUp, double loadShare, Duration memoryWarmUp, Duration memoryWindow, double memoryTolerance,
            Duration writeBudget, int seedPersons, Duration sampleEvery, int instances) {
    }

    /** Where and when it ran. */
    public record Context(String started, String commit, String machine, String loadBefore, String loadAfter, String note) {
    }

    /** What the load did and what it found. */
    public record Findings(double peakPerSecond, Loops.OpenLoopResult openLoop, Duration soakStart, Outcomes outcomes,
            Map<String, Latencies.Summary> latencies, List<Kill> kills, List<String> restartFailures, Ledger ledger,
            List<LedgerAudit.Findings> audit, MemoryTimeline memory) {
    }

    private final Settings settings;
    private final Context context;
    private final Findings findings;
    private final List<MemoryTimeline.Flatness> judged = new ArrayList<>();

    public SoakReport(Settings settings, Context context, Findings findings) {
        this.settings = settings;
        this.context = context;
        this.findings = findings;
        for (MemoryTimeline.Series series : findings.memory().series()) {
            if (!series.judged) {
                continue;
            }
            judged.add(MemoryTimeline.flatness(series, findings.soakStart(), settings.memoryWarmUp(), settings.memoryWindow(),
                    settings.memoryTolerance()));
        }
    }

    public long unmarked() {
        return findings.outcomes().count(Verdict.UNMARKED);
    }

    /** Acknowledged writes not found as they were sent, and records stored twice or never acknowledged. */
    public long lost() {
        return findings.audit().stream().mapToLong(a -> a.problems().size()).sum();
    }

    /** Flat when every incarnation long enough to judge is, and the gateway and PostgreSQL were long enough. */
    public boolean memoryFlat() {
        boolean growing = judged.stream().anyMatch(f -> f.judgement() == MemoryTimeline.Judgement.GROWING);
        return !growing && judgedLongEnough("gateway") && judgedLongEnough("postgresql");
    }

    public boolean passed() {
        return unmarked() == 0 && lost() == 0 && memoryFlat() && findings.restartFailures().isEmpty()
                && findings.openLoop().drained();
    }

    private boolean judgedLongEnough(String process) {
        return judged.stream().anyMatch(f -> f.series().process.equals(process) && f.judgement() != MemoryTimeline.Judgement.TOO_SHORT);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Soak report\n\n");
        md.append("%s, commit %s. %s%n%n".formatted(context.started(), context.commit(),
                context.note().isBlank() ? "" : context.note()));
        verdict(md);
        setup(md);
        throughput(md);
        outcomes(md);
        kills(md);
        memory(md);
        if (!findings.outcomes().examples().isEmpty()) {
            md.append("## Unmarked answers (first ").append(findings.outcomes().examples().size()).append(")\n\n");
            findings.outcomes().examples().forEach(e -> md.append("- ").append(e).append('\n'));
            md.append('\n');
        }
        List<String> problems = findings.audit().stream().flatMap(a -> a.problems().stream()).limit(30).toList();
        if (!problems.isEmpty()) {
            md.append("## Lost or duplicated writes (first ").append(problems.size()).append(")\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private void verdict(StringBuilder md) {
        md.append("## Verdict: ").append(passed() ? "PASS" : "FAIL").append("\n\n");
        md.append("| check | result | |\n|---|---|---|\n");
        md.append("| unmarked errors | %,d of %,d requests | %s |%n".formatted(unmarked(), total(), unmarked() == 0 ? "pass" : "FAIL"));
        md.append("| acknowledged writes lost or stored twice | %,d of %,d (each read back; the lists and feeds compared) | %s |%n".formatted(lost(),
                findings.ledger().acknowledged(), lost() == 0 ? "pass" : "FAIL"));
        String flat = judged.stream().filter(f -> f.judgement() != MemoryTimeline.Judgement.TOO_SHORT)
                .map(f -> "%s %+.1f%%".formatted(label(f.series()), 100 * f.change())).reduce((a, b) -> a + ", " + b)
                .orElse("nothing lived long enough to judge");
        md.append("| memory flat | %s | %s |%n".formatted(flat, memoryFlat() ? "pass" : "FAIL"));
        md.append("| backends restarted | %d kills, %d restart failures | %s |%n".formatted(findings.kills().size(),
                findings.restartFailures().size(), findings.restartFailures().isEmpty() ? "pass" : "FAIL"));
        md.append("| load drained | %s | %s |%n%n".formatted(findings.openLoop().drained() ? "every operation ended"
                : "operations still in flight after the drain time", findings.openLoop().drained() ? "pass" : "FAIL"));
        md.append("""
                Unmarked: anything but a success or a marked degradation. Marked: the gateway's partial answer \
                (`partial: true`, `X-Habeas-Partial`) or its problem+json 503/504 naming the backend that could not \
                answer; on a write, UNAVAILABLE, DEADLINE_EXCEEDED or a lost connection (grpc-java's UNKNOWN \
                "channel closed" when a killed backend reset it), then sent again with the same request id (and \
                ABORTED on such a retry, when it met the first attempt still committing). Unmarked: any other status \
                or code (500, INTERNAL, any other UNKNOWN), a malformed body, a failed connection to the gateway, no answer \
                within %d s, a write never acknowledged within %d s.

                Memory flat: for each process that lived through the warm-up and two windows after the load \
                started, the mean over the last %s is at most %.0f%% (or %d MiB) above the mean over the %s after a \
                %s warm-up. \
                JVMs are judged by resident memory (RSS). PostgreSQL is judged by the anonymous memory (heap, not \
                shared buffers) of its own processes (postmaster, checkpointer, WAL writer, ...): its shared buffers \
                are a fixed-size cache that fills as the data grows, and its backends come and go with the services' \
                connection pools, which every kill empties and every restart refills; their memory and number are \
                shown over time.

                """.formatted(GatewayReads.READ_TIMEOUT.toSeconds(), settings.writeBudget().toSeconds(),
                minutes(settings.memoryWindow()), 100 * settings.memoryTolerance(), MemoryTimeline.NOISE_KIB / 1024,
                minutes(settings.memoryWindow()), minutes(settings.memoryWarmUp())));
    }

    private void setup(StringBuilder md) {
        md.append("## Settings and machine\n\n");
        md.append("- Soak: %s of open-loop load at %.0f%% of the peak, %d instance%s each of detention-service and statement-service, "
                .formatted(minutes(settings.soak()), 100 * settings.loadShare(), settings.instances(),
                        settings.instances() == 1 ? "" : "s"))
                .append("a random one of them killed with SIGKILL every %d s and started again; ".formatted(settings.killEvery().toSeconds()))
                .append("the clients (the load, the gateway, statement-service) call every instance, round robin over those that are up; ")
                .append("the gateway and PostgreSQL run throughout.\n");
        md.append("- Mix: ").append(MixedLoad.describe()).append("; writes are persons, detentions, custody events and ")
                .append("statements with a claim, each with a request id, retried after a pause of 0.1 s doubling to 5 s (with jitter) for up to ")
                .append(settings.writeBudget().toSeconds()).append(" s.\n");
        md.append("- Peak: closed loop, %d workers, %d s after a %d s warm-up; %d seeded persons (AZ) besides what the load writes (GE).%n"
                .formatted(settings.peakWorkers(), settings.peakLength().toSeconds(), settings.loadWarmUp().toSeconds(),
                        settings.seedPersons()));
        md.append("- Database: ").append(settings.database()).append("; every process on ephemeral ports on loopback.\n");
        md.append("- Memory sampled every %d s.%n".formatted(settings.sampleEvery().toSeconds()));
        md.append("- Machine: ").append(context.machine()).append("; load average before ").append(context.loadBefore())
                .append(", after ").append(context.loadAfter()).append(". The load generator runs on the same machine.\n\n");
    }

    private void throughput(StringBuilder md) {
        Loops.OpenLoopResult open = findings.openLoop();
        md.append("## Throughput\n\n");
        md.append("Peak (closed loop): **%.1f operations/s**. Open loop: %.1f/s asked, %,d operations started (%.1f/s), at most %,d in flight.%n%n"
                .formatted(findings.peakPerSecond(), findings.peakPerSecond() * settings.loadShare(), open.started(),
                        open.ratePerSecond(), open.maxInFlight()));
        md.append("Open-loop response times, from when each operation was due (a write: until acknowledged, retries included):\n\n");
        md.append("| operation | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        findings.latencies().forEach((operation, s) -> md.append("| %s | %,d | %d | %d | %d | %d |%n".formatted(operation,
                s.count(), s.p50(), s.p95(), s.p99(), s.max())));
        md.append('\n');
    }

    private void outcomes(StringBuilder md) {
        md.append("## Requests by outcome\n\n");
        md.append("Every request of the run (seeding, warm-up, peak and soak). A write's failed attempts count each.\n\n");
        md.append("| operation | outcome | verdict | count |\n|---|---|---|---|\n");
        for (Outcomes.Row row : findings.outcomes().rows()) {
            md.append("| %s | %s | %s | %,d |%n".formatted(row.operation(), row.outcome(), row.verdict().name().toLowerCase(),
                    row.count()));
        }
        md.append("\nAcknowledged writes: ");
        for (WriteKind kind : WriteKind.values()) {
            md.append("%s %,d; ".formatted(kind.rpc, findings.ledger().all(kind).size()));
        }
        md.append("checked at the end: ");
        findings.audit().forEach(a -> md.append(a.check()).append(" (").append(a.checked()).append(", ")
                .append(a.problems().size()).append(" problems").append(a.storedUnacknowledged() == 0 ? ""
                        : ", %d records of writes given up, each stored once".formatted(a.storedUnacknowledged()))
                .append("); "));
        md.setLength(md.length() - 2);
        md.append(".\n\n");
    }

    private void kills(StringBuilder md) {
        md.append("## Kills\n\n");
        for (String backend : backendNames()) {
            List<Kill> of = findings.kills().stream().filter(k -> k.backend().equals(backend)).toList();
            List<Long> ready = of.stream().map(k -> k.toReady().toMillis()).sorted().toList();
            md.append("- %s: killed %d times; ready again after %s s (min, median, max).%n".formatted(backend, of.size(),
                    ready.isEmpty() ? "-" : "%.1f, %.1f, %.1f".formatted(ready.get(0) / 1e3, ready.get(ready.size() / 2) / 1e3,
                            ready.get(ready.size() - 1) / 1e3)));
        }
        findings.restartFailures().forEach(f -> md.append("- Restart failed: ").append(f).append('\n'));
        md.append('\n');
    }

    private void memory(StringBuilder md) {
        MemoryTimeline memory = findings.memory();
        md.append("## Memory\n\n");
        md.append("MiB over time (t from the suite's start; the soak starts at %s). Backends: the incarnation alive then (#n).\n\n"
                .formatted(clock(findings.soakStart())));
        List<String> backends = backendNames();
        md.append("| t | gateway RSS | PostgreSQL's own processes: anonymous (PSS) | its backends: anonymous (processes) | ")
                .append(String.join(" | ", backends.stream().map(b -> b + " RSS").toList())).append(" |\n");
        md.append("|---|---|---|---|").append("---|".repeat(backends.size())).append('\n');
        Duration end = memory.series().stream().flatMap(s -> s.samples().stream()).map(MemoryTimeline.Sample::at)
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        long step = Math.max(60, (end.toSeconds() / 12 + 59) / 60 * 60);
        for (long t = 0; t <= end.toSeconds() + step - 1; t += step) {
            Duration at = Duration.ofSeconds(Math.min(t, end.toSeconds()));
            List<String> cells = new ArrayList<>(List.of(cell(memory, "gateway", at), cell(memory, "postgresql", at),
                    cell(memory, "postgresql backends", at)));
            backends.forEach(backend -> cells.add(cell(memory, backend, at)));
            if (cells.stream().anyMatch(c -> !c.equals("-"))) {
                md.append("| ").append(clock(at)).append(" | ").append(String.join(" | ", cells)).append(" |\n");
            }
            if (at.equals(end)) {
                break;
            }
        }
        md.append("\nFlatness (load from %s on):\n\n".formatted(clock(findings.soakStart())));
        md.append("| process | lived under load | first window mean | last window mean | change | verdict |\n|---|---|---|---|---|---|\n");
        for (MemoryTimeline.Flatness f : judged) {
            if (f.judgement() == MemoryTimeline.Judgement.TOO_SHORT && !f.series().process.equals("gateway")
                    && !f.series().process.equals("postgresql")) {
                continue;
            }
            md.append("| %s | %s | %s | %s | %s | %s |%n".formatted(label(f.series()),
                    minutes(f.series().lifetime()), mib(f.baselineKib()), mib(f.finalKib()),
                    f.judgement() == MemoryTimeline.Judgement.TOO_SHORT ? "-" : "%+.1f%%".formatted(100 * f.change()),
                    f.judgement().name().toLowerCase().replace('_', ' ')));
        }
        md.append("\nBackend incarnations (each kill starts a new one; too short-lived to judge one by one, so compared with each other):\n\n");
        md.append("| backend | incarnations | lifetime median, max | RSS at its last sample: min, median, max | mean peak RSS, first 5 / last 5 |\n");
        md.append("|---|---|---|---|---|\n");
        for (String backend : backends) {
            List<MemoryTimeline.Series> all = memory.series(backend);
            if (all.isEmpty()) {
                continue;
            }
            List<Long> lifetimes = all.stream().map(s -> s.lifetime().toSeconds()).sorted().toList();
            List<Long> last = all.stream().map(MemoryTimeline.Series::lastKib).sorted().toList();
            md.append("| %s | %d | %d s, %d s | %s, %s, %s | %s / %s |%n".formatted(backend, all.size(),
                    lifetimes.get(lifetimes.size() / 2), lifetimes.get(lifetimes.size() - 1), mib(last.get(0)),
                    mib(last.get(last.size() / 2)), mib(last.get(last.size() - 1)),
                    mib(all.stream().limit(5).mapToLong(MemoryTimeline.Series::maxKib).average().orElse(0)),
                    mib(all.stream().skip(Math.max(0, all.size() - 5)).mapToLong(MemoryTimeline.Series::maxKib).average().orElse(0))));
        }
        md.append('\n');
    }

    /** The backend instances, by name ("detention-service", "detention-service-2", ...), as killed or sampled. */
    private List<String> backendNames() {
        Set<String> names = new TreeSet<>();
        findings.memory().series().stream().map(series -> series.process).filter(SoakReport::isBackend).forEach(names::add);
        findings.kills().forEach(kill -> names.add(kill.backend()));
        return List.copyOf(names);
    }

    private static boolean isBackend(String process) {
        return process.startsWith("detention-service") || process.startsWith("statement-service");
    }

    private static String cell(MemoryTimeline memory, String process, Duration at) {
        Optional<Map.Entry<MemoryTimeline.Series, MemoryTimeline.Sample>> nearest = memory.series(process).stream()
                .flatMap(s -> s.samples().stream().map(sample -> Map.entry(s, sample)))
                .filter(e -> e.getValue().at().compareTo(at) <= 0 && at.minus(e.getValue().at()).toSeconds() <= 15)
                .max(Comparator.comparing(e -> e.getValue().at()));
        if (nearest.isEmpty()) {
            return "-";
        }
        MemoryTimeline.Series series = nearest.get().getKey();
        MemoryTimeline.Sample sample = nearest.get().getValue();
        ProcessMemory m = sample.memory();
        return switch (process) {
            case "postgresql" -> "%s (%s)".formatted(mib(m.anonymousKib()), mib(m.pssKib()));
            case "postgresql backends" -> "%s (%d)".formatted(mib(m.anonymousKib()), sample.processes());
            default -> "%s (#%d)".formatted(mib(m.rssKib()), series.incarnation);
        };
    }

    private static String label(MemoryTimeline.Series series) {
        return series.process + (isBackend(series.process) ? " #" + series.incarnation : "")
                + (series.process.equals("postgresql") ? " (own processes)" : "");
    }

    private long total() {
        return findings.outcomes().rows().stream().mapToLong(Outcomes.Row::count).sum();
    }

    private static String mib(double kib) {
        return kib == 0 ? "-" : kib < 10 * 1024 ? "%.1f".formatted(kib / 1024) : "%.0f".formatted(kib / 1024);
    }

    private static String clock(Duration d) {
        return "%d:%02d".formatted(d.toMinutes(), d.toSecondsPart());
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
