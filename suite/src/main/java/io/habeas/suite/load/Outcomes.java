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

/** Requests counted by operation, outcome and verdict, with the first unmarked ones described. */
public final class Outcomes {
    private static final int KEPT_EXAMPLES = 30;

    /** One line of the count: {@code operation} such as "read person timeline", {@code outcome} such as "200 partial". */
    public record Row(String operation, String outcome, Verdict verdict, long count) {
    }

    private record Key(String operation, String outcome, Verdict verdict) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger examplesKept = new AtomicInteger();

    public void record(String operation, String outcome, Verdict verdict) {
        counts.computeIfAbsent(new Key(operation, outcome, verdict), k -> new LongAdder()).increment();
    }

    /** An unmarked outcome, counted, and described while fewer than {@value #KEPT_EXAMPLES} are. */
    public void unmarked(String operation, String outcome, String detail) {
        record(operation, outcome, Verdict.UNMARKED);
        if (examplesKept.incrementAndGet() <= KEPT_EXAMPLES) {
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
