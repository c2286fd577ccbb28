package io.habeas.gateway.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: a burst of {@code capacity} requests, earned back evenly over
 * {@code periodNanos}. It remembers at most {@code maxClients} clients, forgetting the least recently
 * seen one first, so that a flood of new clients cannot grow it: a forgotten client starts again
 * with a full bucket, which is what it would have earned back while idle.
 */
public final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long updated;
    }

    private final int capacity;
    private final double tokensPerNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets;

    public RateLimiter(int capacity, long periodNanos, int maxClients, LongSupplier clock) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / periodNanos;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the nanoseconds until it may try again. */
    public synchronized long acquire(String client) {
        long now = clock.getAsLong();
        Bucket b = buckets.get(client);
        if (b == null) {
            b = new Bucket();
            b.tokens = capacity;
            b.updated = now;
            buckets.put(client, b);
        }
        b.tokens = Math.min(capacity, b.tokens + (now - b.updated) * tokensPerNano);
        b.updated = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - b.tokens) / tokensPerNano);
    }

    synchronized int clients() {
        return buckets.size();
    }
}
