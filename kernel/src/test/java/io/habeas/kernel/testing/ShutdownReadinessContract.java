package io.habeas.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Readiness holds Quarkus's shutdown check, which answers DOWN from SIGTERM on while calls are still
 * served for the shutdown delay; it is there only when the delay is built in (quarkus.shutdown.delay-enabled).
 * Each application's test extends this as a @QuarkusTest; the shutdown itself is run in suite
 * RollingRestartSystemTest.
 */
public abstract class ShutdownReadinessContract {
    private static final Pattern SHUTDOWN_CHECK_UP = Pattern.compile(
            "\"name\"\\s*:\\s*\"Graceful Shutdown\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\"");

    /** The management interface's root: a path given here would be put under its /q root path. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    @Test
    void readinessHoldsTheCheckThatGoesDownWhenShutdownBegins() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(managementRoot.toURI().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
        assertTrue(SHUTDOWN_CHECK_UP.matcher(ready.body()).find(), ready.body());
    }
}
