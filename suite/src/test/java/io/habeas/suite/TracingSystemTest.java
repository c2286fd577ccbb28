package io.habeas.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.habeas.kernel.access.Role;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged applications with an OTLP endpoint configured, a receiver of OTLP over HTTP this test runs: one
 * gateway request is one trace that holds the gateway's spans, both services' (statement-service's call to
 * detention-service included) and, under each service's server spans, its JDBC statements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingSystemTest {
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private OtlpReceiver receiver;
    private RunningSuite running;
    private Ports ports;
    private DevTokens tokens;
    private DemoCase.Recorded demo;

    @BeforeAll
    void startTheSuiteWithAnOtlpEndpoint() throws Exception {
        receiver = OtlpReceiver.start();
        running = RunningSuite.start("habeas-tracing-test", Database.Durability.FAST,
                Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"));
        ports = running.ports;
        tokens = running.tokens;
        demo = SuiteMain.loadDemo(ports, tokens.forPerson(Role.ADMIN, Duration.ofHours(1)));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            running.close();
        } finally {
            receiver.stop();
        }
    }

    @Test
    void oneGatewayRequestIsOneTraceThroughBothServicesDownToTheirStatements() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        given().baseUri("http://localhost:" + ports.gateway())
                .header("Authorization", "Bearer " + tokens.forPerson(Role.ANALYST, Duration.ofHours(1)))
                .header("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-01")
                .get("/api/v1/persons/{id}/timeline", demo.person().substring("persons/".length()))
                .then().statusCode(200).body("partial", is(false));

        List<Received> spans = receiver.await(trace, all -> serversOf(all, "gateway").size() == 1
                && !statementsOf(all, "detention-service").isEmpty() && !statementsOf(all, "statement-service").isEmpty()
                && !callsToDetention(all).isEmpty());

        Received gateway = serversOf(spans, "gateway").get(0);
        assertEquals(CALLER_SPAN, gateway.parent(), "the gateway continues the caller's trace");
        for (String service : List.of("detention-service", "statement-service")) {
            List<Received> servers = serversOf(spans, service);
            assertFalse(servers.isEmpty(), service + " served nothing in " + spans);
            servers.forEach(server -> assertTrue(descends(spans, server, gateway::equals) || isCallFromStatement(spans, server),
                    server + " is not under the gateway's request"));
            for (Received statement : statementsOf(spans, service)) {
                assertTrue(descends(spans, statement, span -> span.service().equals(service) && span.kind() == Span.SpanKind.SPAN_KIND_SERVER),
                        statement + " is not under a call " + service + " served");
            }
        }
        for (Received call : callsToDetention(spans)) {
            assertTrue(descends(spans, call, gateway::equals), call + " is not under the gateway's request");
            assertTrue(spans.stream().anyMatch(s -> s.service().equals("detention-service")
                    && s.kind() == Span.SpanKind.SPAN_KIND_SERVER && s.parent().equals(call.id())),
                    "detention-service's side of " + call + " is not in the trace");
        }
    }

    private static List<Received> serversOf(List<Received> spans, String service) {
        return spans.stream().filter(s -> s.service().equals(service) && s.kind() == Span.SpanKind.SPAN_KIND_SERVER).toList();
    }

    /** JDBC statements: spans with database attributes (db.system, or db.system.name in newer conventions). */
    private static List<Received> statementsOf(List<Received> spans, String service) {
        return spans.stream().filter(s -> s.service().equals(service)
                && s.attributes().keySet().stream().anyMatch(k -> k.startsWith("db.system"))).toList();
    }

    /** statement-service asking detention-service which persons the caller may see. */
    private static List<Received> callsToDetention(List<Received> spans) {
        return spans.stream().filter(s -> s.service().equals("statement-service") && s.kind() == Span.SpanKind.SPAN_KIND_CLIENT
                && s.name().startsWith("habeas.detention.v1.")).toList();
    }

    private static boolean isCallFromStatement(List<Received> spans, Received server) {
        return callsToDetention(spans).stream().anyMatch(call -> call.id().equals(server.parent()));
    }

    /** Whether the span, or one of its ancestors in the trace, is one the test looks for. */
    private static boolean descends(List<Received> spans, Received span, Predicate<Received> ancestor) {
        Map<String, Received> byId = spans.stream().collect(Collectors.toMap(Received::id, s -> s, (a, b) -> a));
        for (Received at = span; at != null; at = byId.get(at.parent())) {
            if (ancestor.test(at)) {
                return true;
            }
        }
        return false;
    }

    /** A span as an OTLP collector receives it, with the service.name of the application that sent it. */
    record Received(String service, String trace, String id, String parent, String name, Span.SpanKind kind,
            Map<String, String> attributes) {
    }

    /** OTLP over HTTP (protobuf), as a collector takes it: POST /v1/traces, answered 200. */
    static final class OtlpReceiver {
        private final HttpServer server;
        private final List<Received> spans = new CopyOnWriteArrayList<>();

        private OtlpReceiver(HttpServer server) {
            this.server = server;
        }

        static OtlpReceiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    receiver.take(ExportTraceServiceRequest.parseFrom(body));
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return receiver;
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void take(ExportTraceServiceRequest request) {
            HexFormat hex = HexFormat.of();
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                        .findFirst().orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        spans.add(new Received(service, hex.formatHex(span.getTraceId().toByteArray()),
                                hex.formatHex(span.getSpanId().toByteArray()),
                                hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                                span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey,
                                        a -> a.getValue().toString().strip(), (a, b) -> a))));
                    }
                }
            }
        }

        /** The spans of the trace once they are what the test waits for; batches come every 100 ms. */
        List<Received> await(String trace, Predicate<List<Received>> complete) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                List<Received> ofTrace = spans.stream().filter(s -> s.trace().equals(trace)).toList();
                if (complete.test(ofTrace)) {
                    return ofTrace;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("trace " + trace + " incomplete after 30 s: "
                    + spans.stream().filter(s -> s.trace().equals(trace)).toList());
        }

        void stop() {
            server.stop(0);
        }
    }
}
