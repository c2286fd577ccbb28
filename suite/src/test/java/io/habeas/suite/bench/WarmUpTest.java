package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void steadyOnlyWhenTheLastThreeRoundsEachGainUnderFivePercentOnTheBestBefore() {
        assertFalse(WarmUp.steady(List.of()));
        assertFalse(WarmUp.steady(List.of(90.0, 91.0, 89.0)), "three rounds have no best before all three");
        assertTrue(WarmUp.steady(List.of(90.0, 91.0, 89.0, 92.0)));
        assertFalse(WarmUp.steady(List.of(20.0, 40.0, 60.0, 80.0, 100.0)), "still rising");
        assertFalse(WarmUp.steady(List.of(36.6, 41.8, 47.1, 40.3, 45.0)), "one slow round among rising ones");
        assertFalse(WarmUp.steady(List.of(50.0, 51.0, 50.0, 60.0)), "the last round gained 18%");
        assertTrue(WarmUp.steady(List.of(20.0, 60.0, 62.0, 61.0, 60.5)));
        assertTrue(WarmUp.steady(List.of(100.0, 60.0, 70.0, 80.0)), "slow rounds after a fast one are no gain");
        assertTrue(WarmUp.steady(List.of(0.0, 0.0, 0.0, 0.0)), "a scenario that never succeeds is not rising");
    }

    @Test
    void aWarmUpEndsAtItsLimitWhenNeverSteadyAndSaysSo() throws Exception {
        WarmUp.Done done = WarmUp.run(r -> Thread.sleep(5), 2, Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(1500), done.took());
        assertEquals(1, done.rates().size(), "one round, cut to the limit");
        assertFalse(done.steady());
    }

    @Test
    void theReportStatesTheRuleItRan() {
        assertEquals("closed-loop rounds of 10 s at 8 workers until 3 in a row gain under 5% on the best before them,"
                + " at most 300 s", WarmUp.rule(8, Duration.ofSeconds(300)));
    }
}
