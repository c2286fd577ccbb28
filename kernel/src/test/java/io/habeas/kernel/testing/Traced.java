package io.habeas.kernel.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application as deployed with an OTLP endpoint configured: TraceSampling records every span. Nothing is sent to
 * the endpoint, since {@link RecordedSpans} is the exporter; the batch processor hands it spans every 10 ms.
 */
public class Traced implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:4317",
                "quarkus.otel.bsp.schedule.delay", "10ms");
    }
}
