package io.habeas.suite.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the run ran on, for the report: figures from different machines are not comparable. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        String cpu = lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String memory = lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("unknown");
        return "%d cores (%s), %s memory, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    /** The 1, 5 and 15 minute load averages. */
    public static String loadAverage() {
        List<String> line = lines("/proc/loadavg");
        if (line.isEmpty()) {
            return "unknown";
        }
        String[] parts = line.get(0).split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
