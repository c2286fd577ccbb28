package io.habeas.suite.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The two ways the soak drives its load: a closed loop to find the peak, an open loop at a set rate. */
public final class Loops {
    private Loops() {
    }

    /** What an open loop did: operations started, their rate, and the most in flight at once. */
    public record OpenLoopResult(long started, double ratePerSecond, long maxInFlight, boolean drained) {
    }

    /**
     * {@code workers} threads, each starting its next operation when the last one ends, for {@code length}:
     * operations completed per second.
     */
    public static double closedLoop(MixedLoad load, int workers, Duration length) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < workers; i++) {
            Random random = new Random(i);
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        load.runHere(random);
                        completed.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "closed-loop-" + i);
            worker.start();
            threads.add(worker);
        }
        for (Thread worker : threads) {
            worker.join();
        }
        return completed.get() / ((System.nanoTime() - began) / 1e9);
    }

    /**
     * Operations started at {@code ratePerSecond}, evenly spaced, whether or not earlier ones have ended, for
     * {@code length}; then waits up to {@code drain} for those in flight (writes still being retried).
     */
    public static OpenLoopResult openLoop(MixedLoad load, double ratePerSecond, Duration length, Duration drain, int threads)
            throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        AtomicLong started = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong maxInFlight = new AtomicLong();
        Random random = new Random(42);
        long period = (long) (1e9 / ratePerSecond);
        long began = System.nanoTime();
        long end = began + length.toNanos();
        try {
            scheduler.scheduleAtFixedRate(() -> {
                long n = started.get();
                long due = began + n * period;
                if (due >= end) {
                    return;
                }
                started.incrementAndGet();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                load.runAsync(random, due, pool, scheduler, inFlight::decrementAndGet);
            }, 0, period, TimeUnit.NANOSECONDS);
            long remaining;
            while ((remaining = end - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)));
            }
            long drainEnd = System.nanoTime() + drain.toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < drainEnd) {
                Thread.sleep(100);
            }
            return new OpenLoopResult(started.get(), started.get() / (length.toNanos() / 1e9), maxInFlight.get(),
                    inFlight.get() == 0);
        } finally {
            scheduler.shutdownNow();
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
