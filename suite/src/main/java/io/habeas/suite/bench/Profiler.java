package io.habeas.suite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR on a running JVM (jcmd JFR.start with the "profile" settings, JFR.stop writes the file) and what its
 * execution samples say: the methods on top of the stack (self time), and the packages they belong to.
 */
public final class Profiler {
    private static final String RECORDING = "habeas-bench";

    /** A method or package with its share of the samples. */
    public record Frame(String name, long samples, double share) {
    }

    /** Where one process spent its time. */
    public record Profile(String process, long samples, List<Frame> methods, List<Frame> packages) {
    }

    private Profiler() {
    }

    public static void start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    public static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + RECORDING);
    }

    public static Profile read(String process, Path file, int limit) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                RecordedFrame top = event.getStackTrace().getFrames().get(0);
                methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
                samples++;
            }
        }
        return new Profile(process, samples, top(methods, samples, limit), top(byPackage(methods), samples, limit));
    }

    /** Counts by method summed by the method's package, cut to its first three segments ("org.hibernate.sql"). */
    static Map<String, Long> byPackage(Map<String, Long> methods) {
        Map<String, Long> packages = new HashMap<>();
        methods.forEach((method, count) -> packages.merge(packageOf(method), count, Long::sum));
        return packages;
    }

    static String packageOf(String method) {
        String[] parts = method.split("\\.");
        int segments = 0;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.length - 2 && segments < 3; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                break;
            }
            name.append(segments++ == 0 ? "" : ".").append(parts[i]);
        }
        return segments == 0 ? "(default package)" : name.toString();
    }

    /** The {@code limit} largest counts, largest first (ties by name), with their share of {@code total}. */
    static List<Frame> top(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new Frame(e.getKey(), e.getValue(), total == 0 ? 0 : (double) e.getValue() / total))
                .toList();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.getParent() == null ? Path.of("jcmd") : java.resolveSibling("jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
