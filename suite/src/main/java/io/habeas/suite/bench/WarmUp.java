package io.habeas.suite.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms a scenario up until its throughput stops rising: closed-loop rounds until three in a row gain less than
 * {@link #GAIN} on the best round before them, or until a time limit. A fixed warm-up was not enough: on two
 * cores the JIT compilers of three JVMs took a third of the CPU for minutes, so a scenario that started slow
 * (colder data, as at a million persons) was measured further from its steady state than a fast one. Two flat
 * rounds were not enough: at a million persons one slow round among rising ones ended a warm-up at half the
 * steady rate. A scenario that never succeeds (rate 0) is flat, not rising.
 */
public final class WarmUp {
    public static final Duration ROUND = Duration.ofSeconds(10);
    static final double GAIN = 1.05;
    static final int FLAT_ROUNDS = 3;

    /** How long a warm-up ran and the rate of each of its rounds. */
    public record Done(Duration took, List<Double> rates) {
        public boolean steady() {
            return WarmUp.steady(rates);
        }
    }

    private WarmUp() {
    }

    /** The rule as the report states it. */
    public static String rule(int workers, Duration limit) {
        return "closed-loop rounds of %d s at %d workers until %d in a row gain under %.0f%% on the best before them, at most %d s"
                .formatted(ROUND.toSeconds(), workers, FLAT_ROUNDS, (GAIN - 1) * 100, limit.toSeconds());
    }

    /** Closed-loop rounds of {@code workers} until the rates are steady or {@code limit} has passed. */
    public static Done run(Load.Request request, int workers, Duration limit) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        Duration took = Duration.ZERO;
        while (took.compareTo(limit) < 0 && !steady(rates)) {
            Duration round = limit.minus(took).compareTo(ROUND) < 0 ? limit.minus(took) : ROUND;
            rates.add(Load.closed(request, workers, round).perSecond());
            took = took.plus(round);
        }
        return new Done(took, List.copyOf(rates));
    }

    /** Whether the last {@link #FLAT_ROUNDS} rounds each gained less than {@link #GAIN} on the best round before them. */
    static boolean steady(List<Double> rates) {
        if (rates.size() <= FLAT_ROUNDS) {
            return false;
        }
        for (int i = rates.size() - FLAT_ROUNDS; i < rates.size(); i++) {
            double best = rates.subList(0, i).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            if (rates.get(i) > best * GAIN) {
                return false;
            }
        }
        return true;
    }
}
