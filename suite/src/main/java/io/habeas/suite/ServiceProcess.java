package io.habeas.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus application running as a child process, with its log in a file. */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Each application's memory, sized to stay within 300 MB resident under load; k8s/base sets the
     * same (k8s/README.md, "Memory"). The serial collector: one core's worth of work per application,
     * without G1's per-region bookkeeping.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx160m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-XX:TrimNativeHeapInterval=10000",
            "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-XX:+ExitOnOutOfMemoryError");

    /**
     * glibc's malloc keeps an arena per thread that allocates natively (JIT compilers, the JVM's own
     * structures) and returns little of it: two arenas hold tens of MB less, for no measured cost.
     */
    static final String MALLOC_ARENAS = "2";

    /** Longer than the applications' shutdown delay and timeout together (5 s + 20 s). */
    private static final int STOP_TIMEOUT_SECONDS = 40;

    final String name;
    final int port;
    /** Quarkus's management interface: health and metrics, never on the API port. */
    final int managementPort;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, Path jar, int port, int managementPort, Path log, Map<String, String> environment) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.environment = environment;
    }

    boolean isPackaged() {
        return Files.isRegularFile(jar);
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        process = builder.start();
    }

    /** Waits until /q/health/ready on the management port answers UP; fails early if the process dies. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + "s; see " + log);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or an OOM kill: no shutdown hook runs, calls in flight are cut. */
    void kill() throws InterruptedException {
        if (isRunning()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Resident memory in KiB (VmRSS of /proc), or -1 when the process is not running or the value is unreadable. */
    long residentMemoryKib() {
        if (!isRunning()) {
            return -1;
        }
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /**
     * SIGTERM, without waiting: Quarkus answers readiness DOWN and still serves for its shutdown delay,
     * then lets calls in flight finish within its shutdown timeout, and exits.
     */
    void terminate() {
        if (isRunning()) {
            process.destroy();
        }
    }

    /** Waits for the process to exit; true when it has (or never started). */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process == null || process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code of the process that ran last, once it has exited. */
    int exitValue() {
        return process.exitValue();
    }

    /** {@link #terminate()} and wait for the exit; a process that hangs past the delay and timeout together is killed. */
    @Override
    public void close() throws InterruptedException {
        terminate();
        stopped();
    }

    /** After {@link #terminate()}: waits for the exit, killing a process that outlives its shutdown delay and timeout. */
    void stopped() throws InterruptedException {
        if (!awaitExit(Duration.ofSeconds(STOP_TIMEOUT_SECONDS))) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
