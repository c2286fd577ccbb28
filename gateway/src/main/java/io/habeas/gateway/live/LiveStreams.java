package io.habeas.gateway.live;

import io.habeas.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The live streams open on this instance, per caller and in all, within their caps. */
@ApplicationScoped
public class LiveStreams {

    @Inject
    GatewayConfig config;

    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perCaller = new ConcurrentHashMap<>();

    /** A place for one more stream of this caller, given back by {@link Slot#release()}; TooManyStreams past a cap. */
    public Slot open(String caller) {
        if (open.incrementAndGet() > config.live().maxPerInstance()) {
            open.decrementAndGet();
            throw new TooManyStreams("This gateway instance holds as many live streams as it allows; retry later");
        }
        AtomicBoolean refused = new AtomicBoolean();
        perCaller.compute(caller, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= config.live().maxPerCaller()) {
                refused.set(true);
                return n;
            }
            return now + 1;
        });
        if (refused.get()) {
            open.decrementAndGet();
            throw new TooManyStreams("This client holds " + config.live().maxPerCaller()
                    + " live streams, as many as it may; close one first");
        }
        return new Slot(caller);
    }

    /** Streams open now, in all. */
    public int open() {
        return open.get();
    }

    public final class Slot {
        private final String caller;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String caller) {
            this.caller = caller;
        }

        /** Gives the place back; once, however often it is called. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                perCaller.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}
