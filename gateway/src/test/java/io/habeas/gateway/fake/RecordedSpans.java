package io.habeas.gateway.fake;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The spans the gateway exported in a test. Its exporter, a SpanExporter bean, takes the place of Quarkus's OTLP
 * one in every test, so nothing is ever sent anywhere; spans are recorded only under {@link Traced}.
 */
@Singleton
public class RecordedSpans {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanExporter exporter() {
        return exporter;
    }

    public void clear() {
        exporter.reset();
    }

    public List<SpanData> all() {
        return exporter.getFinishedSpanItems();
    }

    public List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /** The server span of a request for this path in this trace, once it has ended; fails if there is none. */
    public SpanData server(String path, String traceId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Optional<SpanData> found = all().stream().filter(s -> s.getKind() == SpanKind.SERVER
                    && s.getTraceId().equals(traceId) && path.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.path"))))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no server span for " + path + " in trace " + traceId + " among " + all());
    }

    /** Whether {@code ancestor} is the span itself or one it descends from, within its trace. */
    public boolean descendsFrom(SpanData span, SpanData ancestor) {
        Map<String, SpanData> byId = ofTrace(span.getTraceId()).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        for (SpanData at = span; at != null; at = byId.get(at.getParentSpanId())) {
            if (at.getSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }
}
