package io.habeas.suite.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's memory from Linux's /proc/{pid}/smaps_rollup, in KiB: resident (RSS), proportional
 * (PSS: shared pages divided among the processes sharing them) and anonymous (the process's own heap and
 * stacks, including pages it still shares copy-on-write with its parent; never shared memory such as
 * PostgreSQL's buffers, which a process's "private" pages include once no other process maps them).
 */
public record ProcessMemory(long rssKib, long pssKib, long anonymousKib) {
    public static final ProcessMemory NONE = new ProcessMemory(0, 0, 0);

    /** The process's memory, or null when it is gone or unreadable. */
    public static ProcessMemory of(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
            return new ProcessMemory(field(lines, "Rss:"), field(lines, "Pss:"),
                    field(lines, "Anonymous:"));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** Several processes together, with how many of them could be read. */
    public record Total(ProcessMemory memory, int processes) {
    }

    /** The processes' memory summed; those gone meanwhile are left out. */
    public static Total of(List<ProcessHandle> processes) {
        ProcessMemory total = NONE;
        int read = 0;
        for (ProcessHandle process : processes) {
            ProcessMemory memory = of(process.pid());
            if (memory != null) {
                total = total.plus(memory);
                read++;
            }
        }
        return new Total(total, read);
    }

    /** The process's command line as the system shows it (PostgreSQL puts each process's role there). */
    public static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"))).replace('\0', ' ').strip();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    ProcessMemory plus(ProcessMemory other) {
        return new ProcessMemory(rssKib + other.rssKib, pssKib + other.pssKib, anonymousKib + other.anonymousKib);
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").strip())).orElse(0L);
    }
}
