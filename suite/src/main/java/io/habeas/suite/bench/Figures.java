package io.habeas.suite.bench;

import org.HdrHistogram.Histogram;

/**
 * What one run of one scenario measured: answers per second over the run, and response time percentiles in
 * milliseconds, from HdrHistogram (recorded in microseconds, three significant digits).
 */
public record Figures(long answered, long errors, double seconds, double perSecond, double p50Ms, double p99Ms, double maxMs) {
    /** A histogram of response times in microseconds; {@code errors} were not recorded in it. */
    public static Figures of(Histogram micros, long errors, double seconds) {
        long answered = micros.getTotalCount();
        return new Figures(answered, errors, seconds, seconds > 0 ? answered / seconds : 0,
                ms(micros, 50), ms(micros, 99), answered == 0 ? 0 : micros.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A new histogram for response times in microseconds, up to an hour. */
    public static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }
}
