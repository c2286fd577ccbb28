package io.habeas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habeas.gateway.live.LiveStreams;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;

/** The live timeline tests: small bounds and a quick heartbeat, so that a test reaches them. */
abstract class LiveTest extends GatewayTest {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.gateway.live.heartbeat", "300ms", "habeas.gateway.live.buffer", "16",
                    "habeas.gateway.live.stall-timeout", "1s", "habeas.gateway.live.max-per-caller", "2",
                    "habeas.gateway.live.max-per-instance", "3");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LiveStreams streams;

    /** Streams of an earlier test are gone: their places given back, their watches ended. */
    @BeforeEach
    void noStreamOpen() {
        await(() -> streams.open() == 0, "streams of an earlier test still open");
    }

    static Map<String, Object> data(LiveClient.Event e) {
        try {
            return JSON.readValue(e.data(), new TypeReference<>() {
            });
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void assertEvent(LiveClient.Event e, String name) {
        assertEquals(name, e.event(), "event " + e);
    }
}
