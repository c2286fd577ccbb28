package io.habeas.support.watch;

import com.google.rpc.Code;
import io.habeas.support.grpc.GrpcErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bounds of this instance's watches, whatever they watch: how many one caller and the instance
 * may hold (RESOURCE_EXHAUSTED, reason TOO_MANY_WATCHES, beyond), how many changes a watch keeps
 * for a client that has not taken them, and how long a client may leave its stream full.
 */
@ApplicationScoped
public class WatchLimits {
    @ConfigProperty(name = "habeas.watch.max-per-caller", defaultValue = "8")
    int perCaller;
    @ConfigProperty(name = "habeas.watch.max-per-instance", defaultValue = "1000")
    int perInstance;
    @ConfigProperty(name = "habeas.watch.buffer", defaultValue = "256")
    int buffer;
    @ConfigProperty(name = "habeas.watch.stall-timeout", defaultValue = "30s")
    Duration stallTimeout;

    private final Map<String, Integer> held = new HashMap<>();
    private int total;

    /** Counts a new watch of this caller, or refuses it beyond a cap. */
    synchronized void admit(String principal) {
        if (total >= perInstance) {
            throw GrpcErrors.withReason(Code.RESOURCE_EXHAUSTED, "TOO_MANY_WATCHES",
                    "this instance holds its most watches (" + perInstance + "); try again later or on another instance",
                    Map.of("limit", Integer.toString(perInstance), "scope", "instance"));
        }
        int mine = held.getOrDefault(principal, 0);
        if (mine >= perCaller) {
            throw GrpcErrors.withReason(Code.RESOURCE_EXHAUSTED, "TOO_MANY_WATCHES",
                    "a caller may hold " + perCaller + " watches at once on an instance; end one first",
                    Map.of("limit", Integer.toString(perCaller), "scope", "caller"));
        }
        held.put(principal, mine + 1);
        total++;
    }

    synchronized void release(String principal) {
        held.computeIfPresent(principal, (who, count) -> count <= 1 ? null : count - 1);
        total--;
    }

    int buffer() {
        return buffer;
    }

    Duration stallTimeout() {
        return stallTimeout;
    }
}
