package io.habeas.gateway.fake;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.util.TransmitStatusRuntimeExceptionInterceptor;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts plain grpc-java servers standing in for detention-service and statement-service on free
 * ports, and points the gateway's clients at them with short deadlines and a small circuit breaker.
 * Like the services, they refuse a call that does not carry the test's caller's token.
 */
public class FakeBackendsResource implements QuarkusTestResourceLifecycleManager {

    private Server detention;
    private Server statement;

    @Override
    public Map<String, String> start() {
        try {
            // a handler's thrown StatusRuntimeException goes to the client as its status, not as UNKNOWN
            var transmit = TransmitStatusRuntimeExceptionInterceptor.instance();
            detention = NettyServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new FakeDetention.Persons(), transmit, Backends.bearerCheck(true)))
                    .addService(ServerInterceptors.intercept(new FakeDetention.Detentions(), transmit, Backends.bearerCheck(true)))
                    .addService(ServerInterceptors.intercept(new FakeWatches.Feeds(), transmit, Backends.bearerCheck(true)))
                    .build().start();
            statement = NettyServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new FakeStatement(), transmit, Backends.bearerCheck(false)))
                    .addService(ServerInterceptors.intercept(new FakeStatement.Actors(), transmit, Backends.bearerCheck(false)))
                    .addService(ServerInterceptors.intercept(new FakeStatement.Outcomes(), transmit, Backends.bearerCheck(false)))
                    .addService(ServerInterceptors.intercept(new FakeWatches.Claims(), transmit, Backends.bearerCheck(false)))
                    .build().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.ofEntries(
                Map.entry("quarkus.grpc.clients.detention.port", Integer.toString(detention.getPort())),
                Map.entry("quarkus.grpc.clients.statement.port", Integer.toString(statement.getPort())),
                // in test mode Quarkus reads test-port instead of port
                Map.entry("quarkus.grpc.clients.detention.test-port", Integer.toString(detention.getPort())),
                Map.entry("quarkus.grpc.clients.statement.test-port", Integer.toString(statement.getPort())),
                Map.entry("habeas.gateway.backends.detention.deadline", "1s"),
                Map.entry("habeas.gateway.backends.statement.deadline", "1s"),
                Map.entry("habeas.gateway.backends.detention.circuit-breaker-volume", "6"),
                Map.entry("habeas.gateway.backends.statement.circuit-breaker-volume", "6"),
                Map.entry("habeas.gateway.backends.detention.circuit-breaker-delay", "60s"),
                Map.entry("habeas.gateway.backends.statement.circuit-breaker-delay", "60s"),
                Map.entry("habeas.gateway.timeline.backend-page-size", "25"),
                Map.entry("quarkus.http.cors.origins", "https://dash.example.org"));
    }

    @Override
    public void stop() {
        if (detention != null) {
            detention.shutdownNow();
        }
        if (statement != null) {
            statement.shutdownNow();
        }
    }
}
