package io.habeas.suite.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each process's memory over a run, one series per incarnation (a restarted process is a new series), and
 * whether it stayed flat: the mean of the last window against the mean of the first window after the
 * warm-up, judged only for an incarnation that lived through both windows apart.
 */
public final class MemoryTimeline {
    /**
     * What is measured of a process: a JVM's resident memory; PostgreSQL's anonymous memory, summed over its
     * processes (its shared buffers are a cache of fixed size that its processes touch more of as the data
     * grows: counted in RSS and PSS, never a leak).
     */
    public enum Metric {
        RSS {
            @Override
            public long of(Sample sample) {
                return sample.memory().rssKib();
            }
        },
        ANONYMOUS {
            @Override
            public long of(Sample sample) {
                return sample.memory().anonymousKib();
            }
        };

        public abstract long of(Sample sample);
    }

    public record Sample(Duration at, ProcessMemory memory, int processes) {
    }

    /** One incarnation of a process: from its first sample to its last. */
    public static final class Series {
        public final String process;
        public final int incarnation;
        public final long pid;
        public final Metric metric;
        /** False for what is shown but cannot be judged, such as PostgreSQL's backends, which come and go with pools. */
        public final boolean judged;
        private final List<Sample> samples = new ArrayList<>();

        Series(String process, int incarnation, long pid, Metric metric, boolean judged) {
            this.process = process;
            this.incarnation = incarnation;
            this.pid = pid;
            this.metric = metric;
            this.judged = judged;
        }

        public synchronized List<Sample> samples() {
            return List.copyOf(samples);
        }

        public synchronized Duration lifetime() {
            return samples.isEmpty() ? Duration.ZERO : samples.get(samples.size() - 1).at().minus(samples.get(0).at());
        }

        public synchronized long maxKib() {
            return samples.stream().mapToLong(metric::of).max().orElse(0);
        }

        public synchronized long lastKib() {
            return samples.isEmpty() ? 0 : metric.of(samples.get(samples.size() - 1));
        }

        synchronized void add(Sample sample) {
            samples.add(sample);
        }
    }

    public enum Judgement { FLAT, GROWING, TOO_SHORT }

    /** The judgement of one series: the two windows' means (KiB) and the change between them. */
    public record Flatness(Series series, Judgement judgement, double baselineKib, double finalKib) {
        public double change() {
            return baselineKib == 0 ? 0 : finalKib / baselineKib - 1;
        }
    }

    /**
     * Growth this small is never judged a leak, whatever its share: the allocators of small processes (such
     * as PostgreSQL's own, about 10 MiB together) move by a few MiB.
     */
    public static final long NOISE_KIB = 8 * 1024;

    private final Instant start;
    private final Map<String, Series> current = new HashMap<>();
    private final Map<String, Integer> incarnations = new HashMap<>();
    private final List<Series> all = new ArrayList<>();

    public MemoryTimeline(Instant start) {
        this.start = start;
    }

    public Instant start() {
        return start;
    }

    /** A sample of a process as it runs now under {@code pid}; another pid than the last starts a new incarnation. */
    public void record(String process, long pid, Metric metric, ProcessMemory memory, int processes, Instant at) {
        record(process, pid, metric, true, memory, processes, at);
    }

    /** As {@link #record(String, long, Metric, ProcessMemory, int, Instant)}, for a series shown but not judged when not {@code judged}. */
    public synchronized void record(String process, long pid, Metric metric, boolean judged, ProcessMemory memory, int processes,
            Instant at) {
        Series series = current.get(process);
        if (series == null || series.pid != pid) {
            int incarnation = incarnations.merge(process, 1, Integer::sum);
            series = new Series(process, incarnation, pid, metric, judged);
            current.put(process, series);
            all.add(series);
        }
        series.add(new Sample(Duration.between(start, at), memory, processes));
    }

    public synchronized List<Series> series() {
        return List.copyOf(all);
    }

    public synchronized List<Series> series(String process) {
        return all.stream().filter(s -> s.process.equals(process)).toList();
    }

    /**
     * Whether the series stayed flat from {@code from} (since the run's start; the load's start, say) on:
     * the mean over the {@code window} after {@code warmUp} against the mean over its last {@code window},
     * growing by at most {@code tolerance} (0.10: 10%) or {@link #NOISE_KIB}. Too short when it did not live warm-up and two windows.
     */
    public static Flatness flatness(Series series, Duration from, Duration warmUp, Duration window, double tolerance) {
        List<Sample> samples = series.samples().stream().filter(s -> s.at().compareTo(from) >= 0).toList();
        if (samples.isEmpty()) {
            return new Flatness(series, Judgement.TOO_SHORT, 0, 0);
        }
        Duration first = samples.get(0).at();
        Duration last = samples.get(samples.size() - 1).at();
        if (last.minus(first).compareTo(warmUp.plus(window).plus(window)) < 0) {
            return new Flatness(series, Judgement.TOO_SHORT, 0, 0);
        }
        Duration baselineFrom = first.plus(warmUp);
        Duration baselineTo = baselineFrom.plus(window);
        Duration finalFrom = last.minus(window);
        double baseline = mean(series, samples, baselineFrom, baselineTo);
        double end = mean(series, samples, finalFrom, last);
        boolean flat = end <= baseline * (1 + tolerance) || end - baseline <= NOISE_KIB;
        return new Flatness(series, flat ? Judgement.FLAT : Judgement.GROWING, baseline, end);
    }

    private static double mean(Series series, List<Sample> samples, Duration from, Duration to) {
        return samples.stream().filter(s -> s.at().compareTo(from) >= 0 && s.at().compareTo(to) <= 0)
                .mapToLong(series.metric::of).average().orElse(0);
    }
}
