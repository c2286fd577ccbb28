package io.habeas.suite.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Response times by operation, from when a request was due to when its answer came (so queueing counts). */
public final class Latencies {
    /** Percentiles in milliseconds. */
    public record Summary(int count, long p50, long p95, long p99, long max) {
    }

    private final Map<String, Samples> byOperation = new ConcurrentHashMap<>();

    public void record(String operation, long millis) {
        byOperation.computeIfAbsent(operation, o -> new Samples()).add(millis);
    }

    public Map<String, Summary> summaries() {
        Map<String, Summary> all = new TreeMap<>();
        byOperation.forEach((operation, samples) -> all.put(operation, samples.summary()));
        return all;
    }

    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized Summary summary() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return new Summary(size, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), size == 0 ? 0 : sorted[size - 1]);
        }

        private static long at(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        }
    }
}
