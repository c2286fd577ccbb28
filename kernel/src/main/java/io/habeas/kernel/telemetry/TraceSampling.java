package io.habeas.kernel.telemetry;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * Spans are recorded only when an OTLP endpoint is configured (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT, or
 * ..._TRACES_ENDPOINT). Quarkus would otherwise send them to its default endpoint, localhost:4317, and log a
 * warning for every batch it cannot deliver; its exporter can be turned off only when the application is built.
 * Spans that are not recorded still carry trace ids, which every log line, error detail and problem body shows and every call
 * passes on (W3C traceparent).
 */
@Singleton
public class TraceSampling {
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    private static final Logger LOG = Logger.getLogger(TraceSampling.class);

    @Produces
    @Singleton
    Sampler sampler() {
        if (endpointConfigured(ConfigProvider.getConfig().getConfigValue(ENDPOINT))) {
            LOG.info("Traces are sent to the configured OTLP endpoint");
            return Sampler.parentBased(Sampler.alwaysOn());
        }
        return Sampler.alwaysOff();
    }

    /** Set by the deployment, not Quarkus's default (which ranks below every configuration source). */
    static boolean endpointConfigured(ConfigValue endpoint) {
        return endpoint.getValue() != null && !endpoint.getValue().isBlank()
                && endpoint.getSourceOrdinal() > Integer.MIN_VALUE;
    }
}
