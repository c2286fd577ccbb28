package io.habeas.suite.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markdown report of one scale's run, and its place in the report file: each scale has one section
 * between markers, replaced by the next run at that scale, the others kept.
 */
public record ScaleReport(String scale, Context context, Data data, Import imports, StatementImport statementImports,
        List<ScenarioResult> scenarios,
        List<Profiler.Profile> profiles, String profiledScenario, Map<String, Double> smallestScaleP50) {

    /** When, on what, with which settings. */
    public record Context(String date, String commit, String machine, String settings) {
    }

    /** What the databases held during the run, and how it got there. */
    public record Data(long persons, long detentionRows, long statements, String loaded) {
    }

    /**
     * The import-rate scenario: {@code persons} records ({@code sentRows} rows as sent) through ImportRecords, which
     * wrote {@code writtenRows} rows in all (history, feeds, revisions, request log included), and COPY of those.
     */
    public record Import(long persons, long sentRows, double importSeconds, long writtenRows, double copySeconds) {
        public double importRowsPerSecond() {
            return importSeconds > 0 ? writtenRows / importSeconds : 0;
        }

        public double copyRowsPerSecond() {
            return copySeconds > 0 ? writtenRows / copySeconds : 0;
        }

        /** The import's rows per second over COPY's, the same rows. */
        public double ratio() {
            return ScenarioResult.ratio(copySeconds, importSeconds);
        }
    }

    /**
     * The statement import's rate: {@code statements} new statements (with their claims, about the persons of the
     * import above) through ImportStatementRecords, which wrote {@code writtenRows} rows in all, and COPY of those.
     */
    public record StatementImport(long statements, double importSeconds, long writtenRows, double copySeconds) {
        public double statementsPerSecond() {
            return importSeconds > 0 ? statements / importSeconds : 0;
        }

        public double importRowsPerSecond() {
            return importSeconds > 0 ? writtenRows / importSeconds : 0;
        }

        public double copyRowsPerSecond() {
            return copySeconds > 0 ? writtenRows / copySeconds : 0;
        }

        public double ratio() {
            return ScenarioResult.ratio(copySeconds, importSeconds);
        }
    }

    public String section() {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(scale).append(" persons\n\n");
        md.append("Run ").append(context.date()).append(", commit ").append(context.commit()).append(", ")
                .append(context.machine()).append(". ").append(context.settings()).append("\n\n");
        md.append("Data: ").append(count(data.persons())).append(" persons (")
                .append(count(data.detentionRows())).append(" rows in persons, detentions, custody events and charges), ")
                .append(count(data.statements())).append(" statements. ").append(data.loaded()).append("\n\n");
        md.append("| scenario | through | warm-up s | Habeas peak/s | baseline peak/s | throughput ratio | Habeas open loop/s | p50 ms | p99 ms | errors | baseline open loop/s | p50 ms | p99 ms | p99 ratio |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult s : scenarios) {
            md.append("| ").append(s.name()).append(" | ").append(s.through()).append(" | ").append(warmUp(s.habeasWarmUp()))
                    .append(" | ").append(rate(s.habeasPeak().perSecond()))
                    .append(" | ").append(rate(s.baselinePeak().perSecond())).append(" | ").append(Targets.fmt(s.throughputRatio()))
                    .append(" | ").append(rate(s.habeas().perSecond())).append(" | ").append(ms(s.habeas().p50Ms()))
                    .append(" | ").append(ms(s.habeas().p99Ms())).append(" | ").append(s.habeas().errors() + s.habeasPeak().errors())
                    .append(" | ").append(rate(s.baseline().perSecond())).append(" | ").append(ms(s.baseline().p50Ms()))
                    .append(" | ").append(ms(s.baseline().p99Ms())).append(" | ").append(Targets.fmt(s.p99Ratio())).append(" |\n");
        }
        md.append("\n**Import** of ").append(count(imports.persons())).append(" new persons (").append(count(imports.sentRows()))
                .append(" rows as sent) through `ImportRecords`, which wrote ").append(count(imports.writtenRows()))
                .append(" rows in all (history, feeds, revisions and request log included) in ")
                .append(String.format(Locale.ROOT, "%.1f", imports.importSeconds())).append(" s: ")
                .append(rate(imports.importRowsPerSecond())).append(" rows/s. COPY of those rows into empty copies of the tables: ")
                .append(rate(imports.copyRowsPerSecond())).append(" rows/s. Ratio ").append(Targets.fmt(imports.ratio())).append(".\n\n");
        md.append("**Statement import** of ").append(count(statementImports.statements()))
                .append(" new statements about those persons through `ImportStatementRecords`, which wrote ")
                .append(count(statementImports.writtenRows())).append(" rows in all in ")
                .append(String.format(Locale.ROOT, "%.1f", statementImports.importSeconds())).append(" s: ")
                .append(rate(statementImports.statementsPerSecond())).append(" statements/s, ")
                .append(rate(statementImports.importRowsPerSecond())).append(" rows/s. COPY of those rows: ")
                .append(rate(statementImports.copyRowsPerSecond())).append(" rows/s. Ratio ")
                .append(Targets.fmt(statementImports.ratio())).append(".\n\n");
        md.append("**Per process** during each Habeas open loop: CPU ms per request, resident MB peak / end ")
                .append("(PostgreSQL: all its processes, proportional set size).\n\n");
        List<String> processes = scenarios.isEmpty() ? List.of() : scenarios.get(0).usage().stream().map(Processes.Usage::name).toList();
        md.append("| scenario |");
        processes.forEach(p -> md.append(" ").append(p).append(" |"));
        md.append("\n|---|");
        processes.forEach(p -> md.append("---|"));
        md.append("\n");
        for (ScenarioResult s : scenarios) {
            md.append("| ").append(s.name()).append(" |");
            for (Processes.Usage u : s.usage()) {
                md.append(String.format(Locale.ROOT, " %.2f ms, %d / %d MB |", s.cpuMillisPerRequest(u), u.peakRssKib() / 1024,
                        u.endRssKib() / 1024));
            }
            md.append("\n");
        }
        md.append("\n**Targets** (issue 15):\n\n| target | measured | met | miss |\n|---|---|---|---|\n");
        for (Targets.Check c : Targets.check(scenarios, imports.ratio(), smallestScaleP50)) {
            md.append("| ").append(c.target()).append(" | ").append(c.measured()).append(" | ").append(c.met() ? "yes" : "**no**")
                    .append(" | ").append(c.miss()).append(" |\n");
        }
        if (smallestScaleP50.isEmpty()) {
            md.append("\nThe p50 growth target compares with a 10k run's figures (bench/scale-10k.tsv); none were there to compare.\n");
        }
        if (!profiles.isEmpty()) {
            md.append("\n**Where the time goes** (JFR execution samples during the ").append(profiledScenario)
                    .append(" open loop; self time: the method on top of the stack):\n");
            for (Profiler.Profile p : profiles) {
                md.append("\n").append(p.process()).append(", ").append(p.samples()).append(" samples. By package: ");
                md.append(String.join(", ", p.packages().stream().map(f -> f.name() + " " + percent(f.share())).toList()));
                md.append(".\n\n| method | samples | share |\n|---|---|---|\n");
                for (Profiler.Frame f : p.methods()) {
                    md.append("| `").append(f.name()).append("` | ").append(f.samples()).append(" | ").append(percent(f.share())).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    /** The report file's text with this scale's section put in place of its earlier one, or added. */
    public String spliceInto(String existing) {
        String begin = "<!-- scale " + scale + " -->";
        String end = "<!-- /scale " + scale + " -->";
        String block = begin + "\n" + section() + end + "\n";
        String text = existing == null || existing.isBlank() ? HEADER : existing;
        Matcher m = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end) + "\n?", Pattern.DOTALL).matcher(text);
        if (m.find()) {
            return text.substring(0, m.start()) + block + text.substring(m.end());
        }
        return text + (text.endsWith("\n\n") ? "" : "\n") + block;
    }

    /** Scenario, p50 and p99 in ms, one per line: what a later run at a larger scale compares its p50 with. */
    public String p50Table() {
        StringBuilder tsv = new StringBuilder();
        for (ScenarioResult s : scenarios) {
            tsv.append(s.name()).append('\t').append(s.habeas().p50Ms()).append('\t').append(s.habeas().p99Ms()).append('\n');
        }
        return tsv.toString();
    }

    public static Map<String, Double> parseP50Table(String tsv) {
        Map<String, Double> p50 = new java.util.LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                p50.put(fields[0], Double.parseDouble(fields[1]));
            }
        }
        return p50;
    }

    static final String HEADER = """
            # Scale benchmark report

            Written by `bench/scale` (see [README.md](README.md#scale-benchmark)): one section per scale, each from one run
            on one machine; the ratios compare figures of the same run. Throughput ratio: Habeas's closed-loop peak over the
            baseline's (the same rows by prepared SQL straight against the databases). p50 and p99: the open loop at the stated
            share of each one's own peak, timed from when each request was due.

            """;

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond) : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** Seconds, marked when the rate was still rising at the limit. */
    private static String warmUp(WarmUp.Done done) {
        return done.took().toSeconds() + (done.steady() ? "" : " (still rising)");
    }

    private static String ms(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
