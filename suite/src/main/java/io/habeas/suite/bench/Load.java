package io.habeas.suite.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The two loops every scenario runs in: a closed loop (each worker sends its next request when its last one is
 * answered) to find the peak, and an open loop (requests sent on a fixed schedule whether or not earlier ones
 * are answered, each timed from when it was due, so time spent waiting behind a slow answer counts).
 */
public final class Load {
    /** One request of a scenario; throwing is an error, returning an answer. */
    @FunctionalInterface
    public interface Request {
        void send(SplittableRandom random) throws Exception;
    }

    private static volatile String lastError;

    private Load() {
    }

    /** The most recent error since the last call, for the log; null when none failed. */
    public static String takeLastError() {
        String last = lastError;
        lastError = null;
        return last;
    }

    /** A closed loop of {@code workers} for {@code length}: its figures, whose rate is the peak. */
    public static Figures closed(Request request, int workers, Duration length) throws InterruptedException {
        Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        long began = System.nanoTime();
        long end = began + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            SplittableRandom random = new SplittableRandom(i);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    send(request, random, start, micros, errors);
                }
            }, "closed-loop-" + i);
            worker.start();
            threads.add(worker);
        }
        for (Thread worker : threads) {
            worker.join();
        }
        return Figures.of(micros, errors.get(), (System.nanoTime() - began) / 1e9);
    }

    /**
     * Requests due every 1/{@code rate} s for {@code length}, sent by up to {@code threads} at once; those due
     * while all are busy wait for one, and their wait counts. Requests still unanswered {@code drain} after the
     * end are counted as errors.
     */
    public static Figures open(Request request, double rate, Duration length, int threads, Duration drain)
            throws InterruptedException {
        Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long period = Math.max(1, (long) (1e9 / rate));
        long began = System.nanoTime();
        long count = length.toNanos() / period;
        SplittableRandom seeds = new SplittableRandom(42);
        for (long n = 0; n < count; n++) {
            long due = began + n * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            SplittableRandom random = seeds.split();
            pool.execute(() -> send(request, random, due, micros, errors));
        }
        pool.shutdown();
        if (!pool.awaitTermination(drain.toMillis() + length.toMillis(), TimeUnit.MILLISECONDS)) {
            errors.addAndGet(pool.shutdownNow().size());
        }
        long unanswered = count - micros.getTotalCount() - errors.get();
        return Figures.of(micros, errors.get() + Math.max(0, unanswered), length.toNanos() / 1e9);
    }

    private static void send(Request request, SplittableRandom random, long due, Histogram micros, AtomicLong errors) {
        try {
            request.send(random);
            micros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
        } catch (Exception e) {
            errors.incrementAndGet();
            lastError = e.toString();
        }
    }
}
