package io.habeas.suite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class MemoryTimelineTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration WARM_UP = Duration.ofMinutes(5);
    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** A sample every 10 s for {@code minutes}, of {@code kib(second)}. */
    private static MemoryTimeline.Series sampled(int minutes, LongUnaryOperator kib) {
        MemoryTimeline timeline = new MemoryTimeline(START);
        for (long s = 0; s <= minutes * 60L; s += 10) {
            timeline.record("gateway", 7, MemoryTimeline.Metric.RSS, new ProcessMemory(kib.applyAsLong(s), 0, 0), 1,
                    START.plusSeconds(s));
        }
        return timeline.series().get(0);
    }

    private static MemoryTimeline.Flatness judged(MemoryTimeline.Series series) {
        return MemoryTimeline.flatness(series, Duration.ZERO, WARM_UP, WINDOW, 0.10);
    }

    @Test
    void steadyMemoryAfterTheWarmUpIsFlatWhateverItDidDuringIt() {
        var flatness = judged(sampled(30, s -> s < 300 ? 100_000 + s * 300 : 200_000 + (s % 20)));
        assertEquals(MemoryTimeline.Judgement.FLAT, flatness.judgement());
        assertEquals(0.0, flatness.change(), 0.001);
    }

    @Test
    void growthOfMoreThanTheToleranceIsGrowing() {
        var flatness = judged(sampled(30, s -> 200_000 + s * 20));
        assertEquals(MemoryTimeline.Judgement.GROWING, flatness.judgement());
        assertEquals((200_000 + 1650 * 20.0) / (200_000 + 450 * 20.0) - 1, flatness.change(), 0.001);
    }

    @Test
    void growthWithinTheToleranceIsFlat() {
        assertEquals(MemoryTimeline.Judgement.FLAT, judged(sampled(30, s -> 200_000 + s * 5)).judgement());
    }

    @Test
    void growthOfAFewMibIsNoiseWhateverItsShare() {
        var small = judged(sampled(30, s -> 10_000 + s * 3));
        assertEquals(MemoryTimeline.Judgement.FLAT, small.judgement());
        assertEquals(true, small.change() > 0.10, "grew " + small.change());
        assertEquals(MemoryTimeline.Judgement.GROWING, judged(sampled(30, s -> 10_000 + s * 10)).judgement());
    }

    @Test
    void aProcessThatDidNotLiveThroughTheWarmUpAndTwoWindowsIsNotJudged() {
        assertEquals(MemoryTimeline.Judgement.TOO_SHORT, judged(sampled(14, s -> 200_000 + s * 1000)).judgement());
        assertEquals(MemoryTimeline.Judgement.GROWING, judged(sampled(15, s -> 200_000 + s * 1000)).judgement());
    }

    @Test
    void onlyWhatFollowsTheGivenStartIsJudged() {
        var series = sampled(30, s -> s < 600 ? 100_000 + s * 100 : 200_000);
        assertEquals(MemoryTimeline.Judgement.GROWING, judged(series).judgement());
        var fromTenMinutes = MemoryTimeline.flatness(series, Duration.ofMinutes(10), WARM_UP, WINDOW, 0.10);
        assertEquals(MemoryTimeline.Judgement.FLAT, fromTenMinutes.judgement());
        assertEquals(0.0, fromTenMinutes.change(), 0.001);
    }

    @Test
    void aNewPidStartsANewIncarnation() {
        MemoryTimeline timeline = new MemoryTimeline(START);
        timeline.record("detention-service", 10, MemoryTimeline.Metric.RSS, new ProcessMemory(1, 0, 0), 1, START);
        timeline.record("detention-service", 10, MemoryTimeline.Metric.RSS, new ProcessMemory(2, 0, 0), 1, START.plusSeconds(10));
        timeline.record("detention-service", 11, MemoryTimeline.Metric.RSS, new ProcessMemory(3, 0, 0), 1, START.plusSeconds(20));
        timeline.record("gateway", 12, MemoryTimeline.Metric.RSS, new ProcessMemory(4, 0, 0), 1, START.plusSeconds(20));

        var incarnations = timeline.series("detention-service");
        assertEquals(2, incarnations.size());
        assertEquals(1, incarnations.get(0).incarnation);
        assertEquals(2, incarnations.get(0).samples().size());
        assertEquals(Duration.ofSeconds(10), incarnations.get(0).lifetime());
        assertEquals(2, incarnations.get(1).incarnation);
        assertEquals(3, incarnations.get(1).lastKib());
    }

    @Test
    void aSeriesRecordedAsNotJudgedSaysSo() {
        MemoryTimeline timeline = new MemoryTimeline(START);
        timeline.record("postgresql backends", 5, MemoryTimeline.Metric.ANONYMOUS, false, new ProcessMemory(900, 400, 120), 12,
                START);
        var series = timeline.series().get(0);
        assertEquals(false, series.judged);
        assertEquals(120, series.lastKib());
        assertEquals(12, series.samples().get(0).processes());
    }
}
