package io.habeas.suite.bench;

import io.habeas.suite.load.ProcessMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * CPU and memory of the suite's processes over one scenario: CPU time used (utime+stime, delta), and resident
 * memory sampled twice a second (peak and at the end). An application is one process (VmRSS); PostgreSQL is the
 * postmaster and its children (CPU of ended backends included, memory as PSS, so its shared buffers count once).
 */
public final class Processes {
    /** One process, or PostgreSQL's tree of them when {@code postgresql}. */
    public record Watched(String name, Supplier<List<ProcessHandle>> processes, boolean postgresql) {
    }

    /** What a process used during a scenario. */
    public record Usage(String name, long cpuMillis, long peakRssKib, long endRssKib) {
    }

    private final List<Watched> watched;

    public Processes(List<Watched> watched) {
        this.watched = List.copyOf(watched);
    }

    /** Starts measuring; {@link Meter#stop()} gives each process's usage since. */
    public Meter start() {
        return new Meter();
    }

    public final class Meter {
        private final Map<String, Long> cpuBefore = new LinkedHashMap<>();
        private final Map<String, Long> peak = new LinkedHashMap<>();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        Meter() {
            for (Watched w : watched) {
                cpuBefore.put(w.name(), cpu(w));
                peak.put(w.name(), 0L);
            }
            sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
        }

        private synchronized void sample() {
            for (Watched w : watched) {
                peak.merge(w.name(), memory(w), Math::max);
            }
        }

        public List<Usage> stop() throws InterruptedException {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            List<Usage> usage = new ArrayList<>();
            synchronized (this) {
                for (Watched w : watched) {
                    long end = memory(w);
                    usage.add(new Usage(w.name(), cpu(w) - cpuBefore.get(w.name()), Math.max(peak.get(w.name()), end), end));
                }
            }
            return usage;
        }
    }

    private static long cpu(Watched w) {
        long total = 0;
        List<ProcessHandle> processes = w.processes().get();
        for (int i = 0; i < processes.size(); i++) {
            // The first of PostgreSQL's is the postmaster, which has reaped the backends that ended.
            total += Math.max(0, ProcStat.cpuMillis(processes.get(i).pid(), w.postgresql() && i == 0));
        }
        return total;
    }

    private static long memory(Watched w) {
        List<ProcessHandle> processes = w.processes().get();
        if (w.postgresql()) {
            return ProcessMemory.of(processes).memory().pssKib();
        }
        return processes.isEmpty() ? 0 : Math.max(0, ProcStat.rssKib(processes.get(0).pid()));
    }
}
