package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakOptionsTest {

    @Test
    void withoutOptionsItIsTheThirtyMinuteSoak() {
        SoakOptions options = SoakOptions.parse(new String[0]);
        assertEquals(Duration.ofMinutes(30), options.soak());
        assertEquals(Database.Durability.CRASH_SAFE, options.durability());
        assertEquals(Duration.ofSeconds(30), options.killEvery());
        assertEquals(0.8, options.loadShare());
        assertEquals(Duration.ofMinutes(5), options.memoryWarmUp());
        assertEquals(Duration.ofMinutes(5), options.memoryWindow());
        assertFalse(options.keepData());
        assertEquals(2, options.instances());
    }

    @Test
    void everyOptionIsRead() {
        SoakOptions options = SoakOptions.parse(new String[] {"--minutes", "3", "--database", "durable", "--kill-every", "45s",
                "--peak", "20s", "--workers", "8", "--warm-up", "1m", "--share", "0.5", "--memory-warm-up", "30s",
                "--memory-window", "60s", "--seed", "10", "--report", "out/r.md", "--note", "shared machine", "--keep-data",
                "--instances", "3"});
        assertEquals(Duration.ofMinutes(3), options.soak());
        assertEquals(Database.Durability.DURABLE, options.durability());
        assertEquals(Duration.ofSeconds(45), options.killEvery());
        assertEquals(Duration.ofSeconds(20), options.peakLength());
        assertEquals(8, options.peakWorkers());
        assertEquals(Duration.ofMinutes(1), options.loadWarmUp());
        assertEquals(0.5, options.loadShare());
        assertEquals(Duration.ofSeconds(30), options.memoryWarmUp());
        assertEquals(Duration.ofSeconds(60), options.memoryWindow());
        assertEquals(10, options.seedPersons());
        assertEquals(Path.of("out/r.md"), options.report());
        assertEquals("shared machine", options.note());
        assertTrue(options.keepData());
        assertEquals(3, options.instances());
    }

    @Test
    void durationsTakeSecondsMinutesOrHours() {
        assertEquals(Duration.ofSeconds(90), SoakOptions.duration("--peak", "90s"));
        assertEquals(Duration.ofMinutes(5), SoakOptions.duration("--peak", "5M"));
        assertEquals(Duration.ofHours(1), SoakOptions.duration("--peak", "1h"));
        assertEquals(Duration.ofSeconds(90), SoakOptions.parse(new String[] {"--minutes", "1.5"}).soak());
    }

    @Test
    void aWrongOptionSaysWhatIsWrong() {
        for (String[] wrong : new String[][] {{"--peak", "90"}, {"--peak", "0s"}, {"--peak", "-5s"}, {"--peak", "s"},
                {"--workers", "0"}, {"--workers", "many"}, {"--instances", "0"}, {"--minutes", "soon"}, {"--minutes", "0"}, {"--share", "most"},
                {"--database", "fast"}, {"--share", "1.5"}, {"--share", "0"}, {"--minutes"}, {"--frobnicate", "1"}}) {
            var failure = assertThrows(IllegalArgumentException.class, () -> SoakOptions.parse(wrong), String.join(" ", wrong));
            assertTrue(failure.getMessage().contains(wrong[0]), failure.getMessage());
        }
    }
}
