package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScaleOptionsTest {
    private static final Path ROOT = Path.of("/checkout");

    @Test
    void eachScaleHasItsPersonsAndItsOwnDataFolder() {
        assertEquals(10_000, ScaleOptions.parse(new String[] {"10k"}, ROOT).persons());
        assertEquals(100_000, ScaleOptions.parse(new String[] {"100K"}, ROOT).persons());
        ScaleOptions million = ScaleOptions.parse(new String[] {"1m"}, ROOT);
        assertEquals(1_000_000, million.persons());
        assertEquals(ROOT.resolve(".habeas-scale/1m"), million.data());
        assertEquals(ROOT.resolve("bench/scale-report.md"), million.report());
    }

    @Test
    void aSmallerTrialHasItsOwnLabelAndFolder() {
        ScaleOptions trial = ScaleOptions.parse(new String[] {"10k", "--persons", "300"}, ROOT);
        assertEquals(300, trial.persons());
        assertEquals("300", trial.scale());
        assertEquals(ROOT.resolve(".habeas-scale/300"), trial.data());
        assertEquals(600, trial.statements());
    }

    @Test
    void statementsAreTwoPerPersonAtEveryScale() {
        assertEquals(20_000, ScaleOptions.parse(new String[] {"10k"}, ROOT).statements());
        assertEquals(2_000_000, ScaleOptions.parse(new String[] {"1m"}, ROOT).statements());
        assertEquals(20, ScaleOptions.parse(new String[] {"10k", "--statements", "20"}, ROOT).statements());
    }

    @Test
    void optionsSetWhatTheyName() {
        ScaleOptions o = ScaleOptions.parse(new String[] {"10k", "--duration", "7", "--peak", "3", "--warm-up", "0", "--share",
                "0.5", "--workers", "4", "--seed", "9", "--profile", "--fresh", "--load-only", "--data", "/d"}, ROOT);
        assertEquals(Duration.ofSeconds(7), o.open());
        assertEquals(Duration.ofSeconds(3), o.peak());
        assertEquals(Duration.ZERO, o.warmUp());
        assertEquals(0.5, o.share());
        assertEquals(4, o.workers());
        assertEquals(9, o.seed());
        assertTrue(o.profile() && o.fresh() && o.loadOnly());
        assertFalse(ScaleOptions.parse(new String[] {"10k"}, ROOT).loadOnly());
        assertEquals(Path.of("/d"), o.data());
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        assertEquals("name a scale: 10k, 100k or 1m",
                assertThrows(IllegalArgumentException.class, () -> ScaleOptions.parse(new String[] {}, ROOT)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScaleOptions.parse(new String[] {"5k"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> ScaleOptions.parse(new String[] {"10k", "--share", "1.5"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> ScaleOptions.parse(new String[] {"10k", "--duration", "0"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> ScaleOptions.parse(new String[] {"10k", "--duration"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> ScaleOptions.parse(new String[] {"10k", "--loud"}, ROOT));
    }
}
