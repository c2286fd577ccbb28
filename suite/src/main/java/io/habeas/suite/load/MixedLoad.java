package io.habeas.suite.load;

import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The soak's load: reads through the gateway (a person's timeline and profile, a country's timeline) and
 * writes through gRPC with request ids, in fixed proportions. Persons read are ones the load wrote; the
 * country read is the seeded one, so that its cost does not grow with the run. Writes continue cases
 * whose last write was acknowledged, and start new ones when none waits.
 */
public final class MixedLoad {
    /** An operation of the mix, with its share in percent. */
    public enum Kind {
        PERSON_TIMELINE(30), PERSON_PROFILE(25), COUNTRY_TIMELINE(5), WRITE(40);

        public final int percent;

        Kind(int percent) {
            this.percent = percent;
        }

        static Kind pick(Random random) {
            int roll = random.nextInt(100);
            for (Kind kind : values()) {
                roll -= kind.percent;
                if (roll < 0) {
                    return kind;
                }
            }
            return WRITE;
        }
    }

    private final GatewayReads reads;
    private final Writes writes;
    private final Ledger ledger;
    private final Latencies latencies;
    private final String readCountry;
    private final Queue<Case> waiting = new ConcurrentLinkedQueue<>();

    public MixedLoad(GatewayReads reads, Writes writes, Ledger ledger, Latencies latencies, String readCountry) {
        this.reads = reads;
        this.writes = writes;
        this.ledger = ledger;
        this.latencies = latencies;
        this.readCountry = readCountry;
    }

    public static String describe() {
        return "%d%% person timelines, %d%% person profiles, %d%% country timelines (gateway), %d%% writes (gRPC)".formatted(
                Kind.PERSON_TIMELINE.percent, Kind.PERSON_PROFILE.percent, Kind.COUNTRY_TIMELINE.percent, Kind.WRITE.percent);
    }

    /** One operation on this thread, a write's pauses between attempts included: a step of a closed loop. */
    public void runHere(Random random) throws InterruptedException {
        Kind kind = Kind.pick(random);
        long due = System.nanoTime();
        if (kind == Kind.WRITE) {
            Case next = nextCase();
            finished(next, writes.writeNext(next), due);
        } else {
            read(kind, random, due);
        }
    }

    /**
     * One operation due at {@code due} (System.nanoTime): a read on the pool, a write whose attempts run on
     * the pool and whose pauses are scheduled, so that no thread waits out a restart. {@code done} runs at its end.
     */
    public void runAsync(Random random, long due, Executor pool, ScheduledExecutorService scheduler, Runnable done) {
        Kind kind = Kind.pick(random);
        if (kind == Kind.WRITE) {
            Case next = nextCase();
            writes.writeNextAsync(next, pool, scheduler, acknowledged -> {
                finished(next, acknowledged, due);
                done.run();
            });
        } else {
            pool.execute(() -> {
                try {
                    read(kind, random, due);
                } finally {
                    done.run();
                }
            });
        }
    }

    private Case nextCase() {
        Case next = waiting.poll();
        return next != null ? next : writes.synthetic().newCase();
    }

    private void finished(Case c, Acknowledged acknowledged, long due) {
        if (acknowledged != null) {
            latencies.record("write " + acknowledged.kind().rpc, elapsedMillis(due));
            if (!c.complete()) {
                waiting.add(c);
            }
        }
    }

    private void read(Kind kind, Random random, long due) {
        GatewayReads.Read read = switch (kind) {
            case PERSON_TIMELINE -> GatewayReads.Read.PERSON_TIMELINE;
            case PERSON_PROFILE -> GatewayReads.Read.PERSON_PROFILE;
            default -> GatewayReads.Read.COUNTRY_TIMELINE;
        };
        String subject = read == GatewayReads.Read.COUNTRY_TIMELINE ? readCountry : ledger.randomPerson(random);
        reads.read(read, subject);
        latencies.record(read.operation, elapsedMillis(due));
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
