package io.habeas.suite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of a Linux process, from /proc/{pid}/stat and /proc/{pid}/status. */
public final class ProcStat {
    /** Clock ticks per second of /proc's times (USER_HZ), 100 on every Linux this runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /**
     * CPU milliseconds from a /proc/{pid}/stat line: utime and stime, plus cutime and cstime (children it has
     * waited for: PostgreSQL's ended backends) when {@code withReapedChildren}. The command name, in parentheses,
     * may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    public static long cpuMillis(String statLine, boolean withReapedChildren) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is the state (field 3 of proc(5)); utime is field 14, stime 15, cutime 16, cstime 17.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** VmRSS in KiB from the lines of /proc/{pid}/status; 0 when absent (a kernel thread, a zombie). */
    public static long rssKib(List<String> statusLines) {
        return statusLines.stream().filter(l -> l.startsWith("VmRSS:")).findFirst()
                .map(l -> Long.parseLong(l.substring("VmRSS:".length()).replace("kB", "").strip())).orElse(0L);
    }

    /** The process's CPU milliseconds, or -1 when it is gone. */
    public static long cpuMillis(long pid, boolean withReapedChildren) {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withReapedChildren);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The process's resident memory in KiB, or -1 when it is gone. */
    public static long rssKib(long pid) {
        try {
            return rssKib(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
