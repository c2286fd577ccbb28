package io.habeas.kernel.testing;

import io.opentelemetry.api.common.AttributeKey;
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
 * The spans the application exported in a test. Its exporter, a SpanExporter bean, takes the place of Quarkus's OTLP
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

    /** The server span of this gRPC method ("habeas.detention.v1.PersonService/CreatePerson"), once it has ended. */
    public SpanData server(String method) {
        return await(method + " served", () -> all().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().equals(method)).findFirst());
    }

    /** The server span of an HTTP request for this path in this trace, once it has ended. */
    public SpanData server(String path, String traceId) {
        return await("a server span for " + path + " in trace " + traceId, () -> all().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)
                        && path.equals(text(s, "url.path")))
                .findFirst());
    }

    public List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /** JDBC statements: the spans with database attributes (db.system or db.system.name, by semantic conventions version). */
    public static boolean isStatement(SpanData span) {
        return span.getAttributes().asMap().keySet().stream().anyMatch(key -> key.getKey().startsWith("db.system"));
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

    /** Every attribute value of the span, as text, each with its key: what an OTLP collector would receive. */
    public static List<String> attributeTexts(SpanData span) {
        return span.getAttributes().asMap().entrySet().stream()
                .map(a -> a.getKey().getKey() + "=" + a.getValue()).toList();
    }

    public static String text(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    /** The batch processor exports within its delay (10 ms under Traced); a span not there in 10 s never comes. */
    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> found) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = found.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no span: " + what);
    }
}
