package io.habeas.gateway.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Deadlines and circuit breakers of the gRPC backends: habeas.gateway.backends.{detention,statement}.*. */
@ConfigMapping(prefix = "habeas.gateway.backends")
public interface BackendConfig {

    Settings detention();

    Settings statement();

    default Settings of(Backend backend) {
        return backend == Backend.DETENTION ? detention() : statement();
    }

    interface Settings {
        /** gRPC deadline of each call; the fault-tolerance timeout is the same. */
        @WithDefault("2s")
        Duration deadline();

        /** How many recent calls the circuit breaker looks at. */
        @WithDefault("10")
        int circuitBreakerVolume();

        /** The share of those calls that must have failed to open the circuit. */
        @WithDefault("0.5")
        double circuitBreakerFailureRatio();

        /** How long the circuit stays open before a trial call. */
        @WithDefault("10s")
        Duration circuitBreakerDelay();
    }
}
