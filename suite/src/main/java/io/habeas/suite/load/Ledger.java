package io.habeas.suite.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every acknowledged write of a run, and how many attempts failed, by phase: what the run must find
 * again at its end. A run marks its phases (before a kill, while a process is down, after its restart)
 * so that it can ask how many writes each saw.
 */
public final class Ledger {
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Acknowledged> givenUp = new ConcurrentLinkedQueue<>();
    private final List<String> persons = new ArrayList<>();
    private final List<String> phases = new ArrayList<>(List.of("start"));
    private final List<Instant> phaseStarts = new ArrayList<>(List.of(Instant.now()));
    private final AtomicInteger phase = new AtomicInteger();
    private final Map<Integer, AtomicLong> acknowledgedByPhase = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> failedByPhase = new ConcurrentHashMap<>();

    /** Starts a new phase and returns its number; writes acknowledged from now on count in it. */
    public synchronized int startPhase(String name) {
        phases.add(name);
        phaseStarts.add(Instant.now());
        phase.set(phases.size() - 1);
        return phase.get();
    }

    public synchronized String phaseName(int number) {
        return phases.get(number);
    }

    /** How long the phase lasted, or has lasted so far. */
    public synchronized Duration phaseLength(int number) {
        return Duration.between(phaseStarts.get(number), number + 1 < phaseStarts.size() ? phaseStarts.get(number + 1) : Instant.now());
    }

    public synchronized int phases() {
        return phases.size();
    }

    int currentPhase() {
        return phase.get();
    }

    void acknowledged(Acknowledged write) {
        acknowledged.add(write);
        acknowledgedByPhase.computeIfAbsent(write.phase(), p -> new AtomicLong()).incrementAndGet();
        if (write.kind() == WriteKind.PERSON) {
            synchronized (persons) {
                persons.add(write.name());
            }
        }
    }

    /** A write never acknowledged within its budget: it may or may not be stored, but at most once. */
    void givenUp(Acknowledged write) {
        givenUp.add(write);
    }

    /** The writes given up, as sent (no answer, no name). */
    public List<Acknowledged> givenUp() {
        return List.copyOf(givenUp);
    }

    void failedAttempt() {
        failedByPhase.computeIfAbsent(phase.get(), p -> new AtomicLong()).incrementAndGet();
    }

    public List<Acknowledged> all() {
        return List.copyOf(acknowledged);
    }

    public List<Acknowledged> all(WriteKind kind) {
        return acknowledged.stream().filter(a -> a.kind() == kind).toList();
    }

    public long acknowledged() {
        return acknowledged.size();
    }

    public long acknowledgedIn(int phase) {
        AtomicLong count = acknowledgedByPhase.get(phase);
        return count == null ? 0 : count.get();
    }

    public long acknowledgedIn(int phase, WriteKind kind) {
        return acknowledged.stream().filter(a -> a.phase() == phase && a.kind() == kind).count();
    }

    public long failedAttemptsIn(int phase) {
        AtomicLong count = failedByPhase.get(phase);
        return count == null ? 0 : count.get();
    }

    /** An acknowledged person, chosen at random; null before the first. */
    public String randomPerson(Random random) {
        synchronized (persons) {
            return persons.isEmpty() ? null : persons.get(random.nextInt(persons.size()));
        }
    }
}
