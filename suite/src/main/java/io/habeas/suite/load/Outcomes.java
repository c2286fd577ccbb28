package io.habeas.suite.load;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Requests counted by operation, outcome and verdict, with the first unmarked ones of each kind described. */
public final class Outcomes {
    private static final int KEPT_EXAMPLES = 50;
    private static final int KEPT_PER_OUTCOME = 3;

    /** One line of the count: {@code operation} such as "read person timeline", {@code outcome} such as "200 partial". */
    public record Row(String operation, String outcome, Verdict verdict, long count) {
    }

    private record Key(String operation, String outcome, Verdict verdict) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger examplesKept = new AtomicInteger();
    private final Map<Key, AtomicInteger> examplesPerOutcome = new ConcurrentHashMap<>();

    public void record(String operation, String outcome, Verdict verdict) {
        counts.computeIfAbsent(new Key(operation, outcome, verdict), k -> new LongAdder()).increment();
    }

    /**
     * An unmarked outcome, counted, and described while fewer than {@value #KEPT_PER_OUTCOME} of its kind and
     * {@value #KEPT_EXAMPLES} in all are, so that a rare kind is described beside a frequent one.
     */
    public void unmarked(String operation, String outcome, String detail) {
        record(operation, outcome, Verdict.UNMARKED);
        Key key = new Key(operation, outcome, Verdict.UNMARKED);
        if (examplesPerOutcome.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= KEPT_PER_OUTCOME
                && examplesKept.incrementAndGet() <= KEPT_EXAMPLES) {
            examples.add(Instant.now() + " " + operation + ": " + outcome + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
    }

    public long count(Verdict verdict) {
        return counts.entrySet().stream().filter(e -> e.getKey().verdict() == verdict).mapToLong(e -> e.getValue().sum()).sum();
    }

    public long count(String operationPrefix, Verdict verdict) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().verdict() == verdict && e.getKey().operation().startsWith(operationPrefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    public long count(String operation, String outcome) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().operation().equals(operation) && e.getKey().outcome().equals(outcome))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    public List<Row> rows() {
        return counts.entrySet().stream()
                .map(e -> new Row(e.getKey().operation(), e.getKey().outcome(), e.getKey().verdict(), e.getValue().sum()))
                .sorted(Comparator.comparing(Row::operation).thenComparing(Row::verdict).thenComparing(Row::outcome))
                .toList();
    }

    public List<String> examples() {
        return List.copyOf(examples);
    }
}
