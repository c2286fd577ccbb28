package io.habeas.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(3, TimeUnit.SECONDS.toNanos(60), 100, now::get);

    @Test
    void allowsABurstThenSaysWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("alice"));
        }
        long wait = limiter.acquire("alice");
        assertEquals(TimeUnit.SECONDS.toNanos(20), wait, 1_000);
        assertEquals(0, limiter.acquire("bob"), "another client has its own bucket");
    }

    @Test
    void earnsRequestsBackOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertEquals(0, limiter.acquire("alice"));
        assertTrue(limiter.acquire("alice") > 0);
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("alice"), "never more than the burst");
        }
        assertTrue(limiter.acquire("alice") > 0);
    }

    @Test
    void remembersAtMostMaxClients() {
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("client-" + i);
        }
        assertEquals(100, limiter.clients());
    }
}
