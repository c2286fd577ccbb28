package io.habeas.support.grpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A maximum connection age for gRPC served on the HTTP port, which Quarkus has no setting for.
 * Clients balancing per request over a headless Service only see new pods when they reconnect:
 * a connection older than the age is sent GOAWAY, its calls in flight get the grace period to
 * finish, and the client opens a new connection for the next call.
 */
@ApplicationScoped
public class ConnectionAging {
    /** Runs before the routes, so every request can retire its connection. */
    private static final int FILTER_PRIORITY = 1000;

    @ConfigProperty(name = "habeas.grpc.server.max-connection-age")
    Optional<Duration> maxAge;
    @ConfigProperty(name = "habeas.grpc.server.max-connection-age-grace", defaultValue = "30s")
    Duration grace;
    @Inject
    MeterRegistry registry;

    private final Map<HttpConnection, Long> firstSeen = Collections.synchronizedMap(new WeakHashMap<>());
    private Counter retired;

    void install(@Observes Filters filters) {
        if (maxAge.isEmpty()) {
            return;
        }
        retired = Counter.builder("habeas.grpc.connections.retired")
                .description("Connections sent GOAWAY for reaching the maximum connection age").register(registry);
        filters.register(this::retireIfOld, FILTER_PRIORITY);
    }

    private void retireIfOld(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        long now = System.nanoTime();
        long since = firstSeen.computeIfAbsent(connection, c -> now);
        if (now - since >= maxAge.get().toNanos() && firstSeen.remove(connection) != null) {
            retired.increment();
            connection.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        context.next();
    }
}
