package io.habeas.gateway.tracing;

import static io.habeas.gateway.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.habeas.gateway.GatewayTest;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.testing.RecordedSpans;
import io.habeas.kernel.testing.Traced;
import io.habeas.gateway.rest.ProblemMappers;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured: a request is a server span, each backend call a client span under it whose
 * context the backend receives (W3C traceparent), and the request's problem body and log lines name its trace.
 */
@QuarkusTest
@TestProfile(Traced.class)
class TracingTest extends GatewayTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    @Inject
    RecordedSpans spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.clear();
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestWhoseBackendCallsContinueIt() {
        String path = "/api/v1/persons/" + id("nobody");
        String traceId = given().get(path).then().statusCode(404).contentType(ProblemMappers.PROBLEM_JSON)
                .extract().path("traceId");

        SpanData server = spans.server(path, traceId);
        List<SpanData> calls = spans.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && s.getName().startsWith("habeas.detention.v1.")).toList();
        assertFalse(calls.isEmpty(), () -> "no call to detention-service in " + spans.ofTrace(traceId));
        for (SpanData call : calls) {
            assertTrue(spans.descendsFrom(call, server), call::toString);
            assertTrue(Backends.traceparents.contains("00-" + traceId + "-" + call.getSpanId() + "-01"),
                    () -> call.getName() + " did not reach the backend as the parent of its side: " + Backends.traceparents);
        }
    }

    @Test
    void aRequestWithATraceparentContinuesThatTrace() {
        String path = "/api/v1/persons/" + id("nobody");
        given().header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01").get(path)
                .then().statusCode(404).body("traceId", org.hamcrest.Matchers.is(TRACE));

        SpanData server = spans.server(path, TRACE);
        assertEquals(CALLER_SPAN, server.getParentSpanId());
        assertFalse(Backends.traceparents.isEmpty());
        assertTrue(Backends.traceparents.stream().allMatch(t -> t.startsWith("00-" + TRACE + "-")), Backends.traceparents::toString);
    }

    /** Problems written before any route (hostile query text, no token) name the request's trace too. */
    @Test
    void problemsAnsweredBeforeAnyRouteNameTheTrace() {
        String path = "/api/v1/persons/" + id("nobody") + "/timeline";
        Response hostile = given().urlEncodingEnabled(false).get(path + "?q=%00");
        hostile.then().statusCode(400).contentType(ProblemMappers.PROBLEM_JSON);
        spans.server(path, hostile.path("traceId"));

        RestAssured.requestSpecification = null;
        Response unauthenticated = given().get(path);
        unauthenticated.then().statusCode(401).contentType(ProblemMappers.PROBLEM_JSON);
        spans.server(path, unauthenticated.path("traceId"));
    }

    @Test
    void aLogLineOfTheRequestCarriesItsTraceId() {
        List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = (ExtLogRecord) record;
                ext.copyMdc();
                logged.add(ext);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try {
            // a rejection naming no parameter of the request: the gateway's own mistake, a 502 it logs
            Backends.detentionError = Status.Code.INVALID_ARGUMENT;
            String traceId = given().get("/api/v1/persons/" + id("nobody")).then().statusCode(502)
                    .extract().path("traceId");

            ExtLogRecord warning = logged.stream().filter(r -> r.getFormattedMessage().contains("refused a request"))
                    .findFirst().orElseThrow(() -> new AssertionError("not logged: " + logged));
            assertEquals(traceId, warning.getMdc("traceId"));
            String line = new PatternFormatter(ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class))
                    .format(warning);
            assertTrue(line.contains("traceId=" + traceId + " "), line);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
