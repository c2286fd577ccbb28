package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void steadyOnlyWhenTheLastTwoRoundsEachGainUnderFivePercentOnTheBestBefore() {
        assertFalse(WarmUp.steady(List.of()));
        assertFalse(WarmUp.steady(List.of(90.0, 91.0)), "two rounds have no best before both");
        assertTrue(WarmUp.steady(List.of(90.0, 91.0, 89.0)));
        assertFalse(WarmUp.steady(List.of(20.0, 40.0, 60.0, 80.0)), "still rising");
        assertFalse(WarmUp.steady(List.of(50.0, 51.0, 60.0)), "the last round gained 18%");
        assertFalse(WarmUp.steady(List.of(50.0, 60.0, 61.0)), "the second to last gained 20%");
        assertTrue(WarmUp.steady(List.of(20.0, 60.0, 62.0, 61.0)));
        assertTrue(WarmUp.steady(List.of(100.0, 60.0, 70.0)), "a slow round after a fast one is not a gain");
    }

    @Test
    void aWarmUpEndsAtItsLimitWhenNeverSteadyAndSaysSo() throws Exception {
        WarmUp.Done done = WarmUp.run(r -> Thread.sleep(5), 2, Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(1500), done.took());
        assertEquals(1, done.rates().size(), "one round, cut to the limit");
        assertFalse(done.steady());
    }
}
