package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatTest {
    // A real line's shape, with a command name holding a space and a parenthesis.
    private static final String STAT = "4242 (postgres: x) S 1 4242 4242 0 -1 4194560 1200 300 0 0 "
            + "250 130 40 10 20 0 5 0 1234567 300000000 20000 18446744073709551615";

    @Test
    void cpuIsUserPlusSystemTicksInMillisecondsCountedFromTheLastParenthesis() {
        assertEquals((250 + 130) * 10, ProcStat.cpuMillis(STAT, false));
    }

    @Test
    void reapedChildrenAddTheirTimeWhenAsked() {
        assertEquals((250 + 130 + 40 + 10) * 10, ProcStat.cpuMillis(STAT, true));
    }

    @Test
    void residentMemoryIsVmRss() {
        assertEquals(123456, ProcStat.rssKib(List.of("Name:\tjava", "VmPeak:\t 999999 kB", "VmRSS:\t  123456 kB", "Threads:\t40")));
        assertEquals(0, ProcStat.rssKib(List.of("Name:\tkthreadd")));
    }

    @Test
    void thisProcessReadsAsAliveAndAGoneOneAsMinusOne() {
        long self = ProcessHandle.current().pid();
        assertTrue(ProcStat.rssKib(self) > 0);
        assertTrue(ProcStat.cpuMillis(self, false) >= 0);
        assertEquals(-1, ProcStat.rssKib(Long.MAX_VALUE));
        assertEquals(-1, ProcStat.cpuMillis(Long.MAX_VALUE, false));
    }
}
