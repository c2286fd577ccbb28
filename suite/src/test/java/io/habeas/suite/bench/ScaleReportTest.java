package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleReportTest {

    static final WarmUp.Done STEADY = new WarmUp.Done(Duration.ofSeconds(40), List.of(90.0, 91.0, 90.5, 90.8));

    static Figures figures(double perSecond, double p50, double p99) {
        return new Figures((long) (perSecond * 10), 0, 10, perSecond, p50, p99, p99 * 2);
    }

    static ScenarioResult scenario(String name, double habeasPeak, double habeasP50, double habeasP99, double baselinePeak,
            double baselineP99, long gatewayPeakKib) {
        return new ScenarioResult(name, "somewhere", STEADY, figures(habeasPeak, 1, 1), figures(habeasPeak * 0.7, habeasP50, habeasP99),
                figures(baselinePeak, 1, 1), figures(baselinePeak * 0.7, 0.5, baselineP99),
                List.of(new Processes.Usage("gateway", 700, gatewayPeakKib, gatewayPeakKib / 2),
                        new Processes.Usage("postgresql", 70, 50_000, 40_000)));
    }

    static ScaleReport report(String scale, Map<String, Double> smallest) {
        List<ScenarioResult> scenarios = List.of(scenario(Scenarios.PERSON_TIMELINE, 100, 40, 120, 2000, 10, 350 * 1024),
                scenario(Scenarios.COUNTRY_SUMMARY, 10, 400, 900, 50, 100, 200 * 1024));
        List<Profiler.Profile> profiles = List.of(new Profiler.Profile("gateway", 200,
                List.of(new Profiler.Frame("io.netty.Channel.write", 50, 0.25)), List.of(new Profiler.Frame("io.netty", 80, 0.4))));
        return new ScaleReport(scale, new ScaleReport.Context("2026-11-29T07:00:00 UTC", "abc123", "2 cores", "Settings."),
                new ScaleReport.Data(10_000, 110_000, 5_000, "Loaded earlier."),
                new ScaleReport.Import(500, 5_500, 40, 20_000, 0.5),
                new ScaleReport.StatementImport(1_000, 20, 12_000, 0.4), scenarios, profiles, Scenarios.PERSON_TIMELINE, smallest);
    }

    @Test
    void theSectionHasEachScenarioWithItsRatiosAndCpuPerRequest() {
        String md = report("10k", Map.of()).section();
        assertTrue(md.startsWith("## 10k persons\n"), md);
        assertTrue(md.contains("| person timeline | somewhere | 40 | 100 | 2,000 | 0.05 | 70.0 | 40.0 | 120 | 0 | 1,400 | 0.5 | 10.0 | 12.0 |"), md);
        // 700 ms of CPU over 700 answered requests
        assertTrue(md.contains("| person timeline | 1.00 ms, 350 / 175 MB | 0.10 ms, 48 / 39 MB |"), md);
        assertTrue(md.contains("which wrote 20,000 rows in all (history, feeds, revisions and request log included) in 40.0 s: 500 rows/s. "
                + "COPY of those rows into empty copies of the tables: 40,000 rows/s. Ratio 0.013."), md);
        assertTrue(md.contains("**Statement import** of 1,000 new statements about those persons through `ImportStatementRecords`, "
                + "which wrote 12,000 rows in all in 20.0 s: 50.0 statements/s, 600 rows/s. COPY of those rows: 30,000 rows/s. "
                + "Ratio 0.02."), md);
        assertTrue(md.contains("| `io.netty.Channel.write` | 50 | 25.0% |"), md);
        assertTrue(md.contains("By package: io.netty 40.0%."), md);
    }

    @Test
    void eachMissedTargetSaysByHowMuch() {
        String md = report("10k", Map.of()).section();
        assertTrue(md.contains("| person timeline: throughput ≥ 0.6 × baseline | 0.05 × | **no** | 12.0 times too slow |"), md);
        assertTrue(md.contains("| person timeline: p99 ≤ 3.00 × baseline | 12.0 × | **no** | 4.00 times too long |"), md);
        // 500 rows/s against 40,000: the same rows in 40 s and in 0.5 s
        assertTrue(md.contains("| import: ≥ 0.3 × COPY's rows/s | 0.013 × | **no** | 24.0 times too slow |"), md);
        assertTrue(md.contains("| country summary: p50 ≤ 3.00 × person timeline's | 10.0 × | **no** | 3.33 times too long |"), md);
        assertTrue(md.contains("| gateway: resident ≤ 300 MB under load | 350 MB | **no** | 50 MB over |"), md);
        assertFalse(md.contains("p50 at 10k |"), md);
    }

    @Test
    void aLargerScaleComparesItsP50WithTheSmallestScales() {
        String md = report("1m", Map.of(Scenarios.PERSON_TIMELINE, 20.0, Scenarios.COUNTRY_SUMMARY, 400.0)).section();
        assertTrue(md.contains("| person timeline: p50 ≤ 1.2 × p50 at 10k | 2.00 × | **no** | 1.67 times too long |"), md);
        assertTrue(md.contains("| country summary: p50 ≤ 1.2 × p50 at 10k | 1.00 × | yes |  |"), md);
    }

    @Test
    void aScalesSectionReplacesItsEarlierOneAndKeepsTheOthers() {
        String first = report("10k", Map.of()).spliceInto(null);
        assertTrue(first.startsWith("# Scale benchmark report"));
        String both = report("1m", Map.of()).spliceInto(first);
        String again = report("10k", Map.of()).spliceInto(both.replace("Loaded earlier.", "Loaded earlier, edited."));
        assertEquals(1, occurrences(again, "<!-- scale 10k -->"));
        assertEquals(1, occurrences(again, "<!-- scale 1m -->"));
        assertTrue(again.indexOf("<!-- scale 10k -->") < again.indexOf("<!-- scale 1m -->"), "order kept");
        assertEquals(1, occurrences(again, "edited"), "the 1m section is kept as it was, the 10k one rewritten");
    }

    @Test
    void theP50TableReadsBackAsWritten() {
        ScaleReport report = report("10k", Map.of());
        assertEquals(Map.of(Scenarios.PERSON_TIMELINE, 40.0, Scenarios.COUNTRY_SUMMARY, 400.0),
                ScaleReport.parseP50Table(report.p50Table()));
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
