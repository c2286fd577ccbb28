package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void percentilesAndThroughputComeFromTheRecordedTimes() {
        Histogram micros = Figures.histogram();
        for (int ms = 1; ms <= 100; ms++) {
            micros.recordValue(ms * 1000L);
        }
        Figures figures = Figures.of(micros, 3, 4.0);
        assertEquals(100, figures.answered());
        assertEquals(3, figures.errors());
        assertEquals(25.0, figures.perSecond(), 1e-9);
        assertEquals(50.0, figures.p50Ms(), 0.05);
        assertEquals(99.0, figures.p99Ms(), 0.1);
        assertEquals(100.0, figures.maxMs(), 0.1);
    }

    @Test
    void nothingAnsweredIsZerosNotAnError() {
        Figures figures = Figures.of(Figures.histogram(), 5, 0);
        assertEquals(0, figures.perSecond());
        assertEquals(0, figures.p99Ms());
        assertEquals(5, figures.errors());
    }

    @Test
    void theOpenLoopCountsTheTimeRequestsWaitedBehindSlowOnes() throws Exception {
        // One sender, 20 requests due in 0.2 s, each taking 50 ms: the last is answered about 1 s after it was due.
        Figures figures = Load.open(random -> Thread.sleep(50), 100, Duration.ofMillis(200), 1, Duration.ofSeconds(10));
        assertEquals(20, figures.answered());
        assertTrue(figures.maxMs() >= 800, "the last request's wait counts: max " + figures.maxMs() + " ms");
        assertTrue(figures.p50Ms() >= 400, "p50 " + figures.p50Ms() + " ms");
    }

    @Test
    void aThrowingRequestIsAnErrorAndNotATime() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        Figures figures = Load.closed(random -> {
            if (sent.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("refused");
            }
        }, 1, Duration.ofMillis(50));
        assertEquals(sent.get(), figures.answered() + figures.errors());
        assertTrue(Math.abs(figures.answered() - figures.errors()) <= 1);
    }
}
