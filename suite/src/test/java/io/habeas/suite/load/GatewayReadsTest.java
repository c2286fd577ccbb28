package io.habeas.suite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a gateway answer is judged, against a stand-in gateway that answers as told. */
class GatewayReadsTest {
    private HttpServer server;
    private volatile int status;
    private volatile String type;
    private volatile String body;
    private volatile Map<String, String> headers = Map.of();
    private final Outcomes outcomes = new Outcomes();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Verdict answering(int status, String type, String body) {
        this.status = status;
        this.type = type;
        this.body = body;
        return new GatewayReads(server.getAddress().getPort(), "token", outcomes).read(GatewayReads.Read.PERSON_TIMELINE, "persons/p1");
    }

    @Test
    void aWholeAnswerIsASuccess() {
        assertEquals(Verdict.SUCCESS, answering(200, "application/json", "{\"events\":[],\"partial\":false,\"missing\":[]}"));
        assertEquals(1, outcomes.count("read person timeline", "200"));
    }

    @Test
    void aPartialAnswerIsMarked() {
        assertEquals(Verdict.MARKED, answering(200, "application/json;charset=UTF-8", "{\"events\":[],\"partial\":true}"));
        headers = Map.of("X-Habeas-Partial", "statement-service");
        assertEquals(Verdict.MARKED, answering(200, "application/json", "{\"partial\":false}"));
        assertEquals(2, outcomes.count("read person timeline", "200 partial"));
    }

    @Test
    void aProblemSayingABackendIsUnavailableOrSlowIsMarked() {
        assertEquals(Verdict.MARKED, answering(503, "application/problem+json", "{\"title\":\"Backend unavailable\",\"status\":503}"));
        assertEquals(Verdict.MARKED, answering(504, "application/problem+json", "{\"status\":504}"));
    }

    @Test
    void aMarkedAnswerIsCountedWithWhatItSaysIsMissingAndWhy() {
        answering(200, "application/json", "{\"partial\":true,\"missing\":[{\"service\":\"statement-service\",\"reason\":"
                + "\"circuit_open\"},{\"service\":\"detention-service\",\"reason\":\"timeout\"}]}");
        answering(503, "application/problem+json", "{\"status\":503,\"missing\":[{\"service\":\"detention-service\","
                + "\"reason\":\"unavailable\"}]}");
        assertEquals(1, outcomes.count("read person timeline", "200 partial (detention-service timeout, statement-service circuit_open)"));
        assertEquals(1, outcomes.count("read person timeline", "503 problem+json (detention-service unavailable)"));
    }

    @Test
    void anythingElseIsUnmarkedAndDescribed() {
        assertEquals(Verdict.UNMARKED, answering(500, "application/problem+json", "{\"status\":500}"));
        assertEquals(Verdict.UNMARKED, answering(503, "text/plain", "Service Unavailable"));
        assertEquals(Verdict.UNMARKED, answering(503, "application/problem+json", "{\"status\":500}"));
        assertEquals(Verdict.UNMARKED, answering(200, "application/json", "{\"events\":[]"));
        assertEquals(Verdict.UNMARKED, answering(200, "application/json", "{\"events\":[]}"));
        assertEquals(Verdict.UNMARKED, answering(200, "text/html", "{\"partial\":false}"));
        assertEquals(Verdict.UNMARKED, answering(429, "application/problem+json", "{\"status\":429}"));
        assertEquals(7, outcomes.count(Verdict.UNMARKED));
        assertEquals(7, outcomes.examples().size());
        assertTrue(outcomes.examples().get(0).contains("500"), outcomes.examples().get(0));
    }

    @Test
    void aRefusedConnectionIsUnmarked() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Verdict verdict = new GatewayReads(closed, "token", outcomes).read(GatewayReads.Read.PERSON_PROFILE, "persons/p1");
        assertEquals(Verdict.UNMARKED, verdict);
        assertEquals(1, outcomes.count("read person profile", Verdict.UNMARKED));
    }
}
