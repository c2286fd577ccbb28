package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfTest {

    @Test
    void sharesFollowTheExponentAndSumToOne() {
        Zipf zipf = new Zipf(100, 1.0);
        double total = 0;
        for (int rank = 0; rank < 100; rank++) {
            total += zipf.share(rank);
        }
        assertEquals(1.0, total, 1e-9);
        assertEquals(2.0, zipf.share(0) / zipf.share(1), 1e-9);
        assertEquals(10.0, zipf.share(0) / zipf.share(9), 1e-9);
    }

    @Test
    void drawsLandOnEachRankAboutAsOftenAsItsShare() {
        Zipf zipf = new Zipf(40, 1.3);
        int[] counts = new int[40];
        SplittableRandom random = new SplittableRandom(1);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts[zipf.sample(random)]++;
        }
        for (int rank : new int[] {0, 1, 5, 39}) {
            double expected = zipf.share(rank) * draws;
            assertTrue(Math.abs(counts[rank] - expected) < 5 * Math.sqrt(expected) + 5, "rank " + rank + ": " + counts[rank]
                    + " drawn, " + expected + " expected");
        }
    }

    @Test
    void theSameRandomDrawsTheSameRanks() {
        Zipf zipf = new Zipf(1000, 0.8);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            assertEquals(zipf.sample(a), zipf.sample(b));
        }
    }

    @Test
    void noRanksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Zipf(0, 1));
    }
}
