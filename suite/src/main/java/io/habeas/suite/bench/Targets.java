package io.habeas.suite.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Issue 15's targets checked against one run's figures; each miss says by how much. */
public final class Targets {
    static final double MIN_THROUGHPUT_RATIO = 0.6;
    static final double MAX_P99_RATIO = 3;
    static final double MIN_IMPORT_RATIO = 0.3;
    /** "The same order of time as a person timeline", read as a p50 at most this many times the timeline's. */
    static final double MAX_COUNTRY_TO_TIMELINE = 3;
    static final double MAX_P50_GROWTH = 1.2;
    static final long MAX_RSS_KIB = 300 * 1024;
    /** The scenarios whose throughput and p99 are held to the baseline's. */
    static final List<String> AGAINST_BASELINE = List.of(Scenarios.PERSON_TIMELINE, Scenarios.PROFILE, Scenarios.GET_PERSON);
    static final List<String> LIKE_A_TIMELINE = List.of(Scenarios.COUNTRY_SUMMARY, Scenarios.COUNTRY_FIRST_PAGE);
    static final List<String> APPLICATIONS = List.of("gateway", "detention-service", "statement-service");

    /** One target: what it asks, what was measured, whether it was met, and if not by how much it was missed. */
    public record Check(String target, String measured, boolean met, String miss) {
    }

    private Targets() {
    }

    /**
     * @param importRatio the import's rows per second over COPY's
     * @param smallestScaleP50 p50 in ms by scenario at 10k persons, from an earlier run; empty when there is none
     *                         or this is that run
     */
    public static List<Check> check(List<ScenarioResult> scenarios, double importRatio, Map<String, Double> smallestScaleP50) {
        List<Check> checks = new ArrayList<>();
        for (ScenarioResult s : scenarios) {
            if (AGAINST_BASELINE.contains(s.name())) {
                double t = s.throughputRatio();
                checks.add(new Check(s.name() + ": throughput ≥ " + MIN_THROUGHPUT_RATIO + " × baseline", fmt(t) + " ×",
                        t >= MIN_THROUGHPUT_RATIO, t >= MIN_THROUGHPUT_RATIO ? "" : shortBy(MIN_THROUGHPUT_RATIO, t)));
                double p = s.p99Ratio();
                checks.add(new Check(s.name() + ": p99 ≤ " + fmt(MAX_P99_RATIO) + " × baseline", fmt(p) + " ×",
                        p <= MAX_P99_RATIO, p <= MAX_P99_RATIO ? "" : fmt(p / MAX_P99_RATIO) + " times too long"));
            }
        }
        checks.add(new Check("import: ≥ " + MIN_IMPORT_RATIO + " × COPY's rows/s", fmt(importRatio) + " ×",
                importRatio >= MIN_IMPORT_RATIO, importRatio >= MIN_IMPORT_RATIO ? "" : shortBy(MIN_IMPORT_RATIO, importRatio)));
        ScenarioResult timeline = scenarios.stream().filter(s -> s.name().equals(Scenarios.PERSON_TIMELINE)).findFirst().orElse(null);
        if (timeline != null) {
            for (ScenarioResult s : scenarios) {
                if (LIKE_A_TIMELINE.contains(s.name())) {
                    checks.add(p50Within(s.name() + ": p50 ≤ " + fmt(MAX_COUNTRY_TO_TIMELINE) + " × person timeline's", s,
                            timeline.habeas().p50Ms(), MAX_COUNTRY_TO_TIMELINE));
                }
            }
        }
        for (ScenarioResult s : scenarios) {
            Double small = smallestScaleP50.get(s.name());
            if (small != null) {
                checks.add(p50Within(s.name() + ": p50 ≤ " + MAX_P50_GROWTH + " × p50 at 10k", s, small, MAX_P50_GROWTH));
            }
        }
        for (String application : APPLICATIONS) {
            long peak = scenarios.stream().flatMap(s -> s.usage().stream()).filter(u -> u.name().equals(application))
                    .mapToLong(Processes.Usage::peakRssKib).max().orElse(0);
            if (peak > 0) {
                checks.add(new Check(application + ": resident ≤ 300 MB under load", peak / 1024 + " MB", peak <= MAX_RSS_KIB,
                        peak <= MAX_RSS_KIB ? "" : (peak - MAX_RSS_KIB) / 1024 + " MB over"));
            }
        }
        return checks;
    }

    /** A p50 held to a multiple of another; a scenario that answered nothing has no p50 and misses. */
    private static Check p50Within(String target, ScenarioResult s, double reference, double max) {
        if (s.habeas().answered() == 0) {
            return new Check(target, "no answer", false, "nothing answered");
        }
        double r = ScenarioResult.ratio(s.habeas().p50Ms(), reference);
        return new Check(target, fmt(r) + " ×", r <= max, r <= max ? "" : fmt(r / max) + " times too long");
    }

    static String fmt(double value) {
        if (value >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
        if (value >= 0.1 || value == 0) {
            return String.format(java.util.Locale.ROOT, "%.2f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** How many times a ratio falls short of a minimum; nothing answered is said as such. */
    private static String shortBy(double minimum, double ratio) {
        return ratio == 0 ? "nothing answered" : fmt(minimum / ratio) + " times too slow";
    }
}
