package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.util.TransmitStatusRuntimeExceptionInterceptor;
import io.habeas.gateway.client.GuardedCalls;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeDetention;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * detention-service as two instances, listed to the gateway (name resolver "static"), one of which
 * answers every call UNAVAILABLE as an instance going away does: each call it gets is sent again to
 * the other, so no answer is lost and its circuit breaker (6 calls, half failing) stays closed.
 */
@QuarkusTest
@TestProfile(BackendInstancesTest.TwoDetentionInstances.class)
class BackendInstancesTest extends GatewayTest {
    static final String PROFILE = "/api/v1/persons/" + id("ibadoglu");
    static final AtomicInteger refused = new AtomicInteger();

    public static class TwoDetentionInstances implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Instances.class));
        }
    }

    /** A second fake detention-service answering as the first, and an instance shutting down. */
    public static class Instances implements QuarkusTestResourceLifecycleManager {
        private Server answering;
        private Server goingAway;

        @Override
        public Map<String, String> start() {
            var transmit = TransmitStatusRuntimeExceptionInterceptor.instance();
            ServerInterceptor refuse = new ServerInterceptor() {
                @Override
                public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                        ServerCallHandler<Q, R> next) {
                    refused.incrementAndGet();
                    call.close(Status.UNAVAILABLE.withDescription("shutting down"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
            };
            try {
                answering = NettyServerBuilder.forPort(0)
                        .addService(ServerInterceptors.intercept(new FakeDetention.Persons(), transmit))
                        .addService(ServerInterceptors.intercept(new FakeDetention.Detentions(), transmit))
                        .build().start();
                goingAway = NettyServerBuilder.forPort(0)
                        .addService(ServerInterceptors.intercept(new FakeDetention.Persons(), refuse))
                        .addService(ServerInterceptors.intercept(new FakeDetention.Detentions(), refuse))
                        .build().start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.grpc.clients.detention.name-resolver", "static",
                    "habeas.grpc.clients.detention.addresses",
                    "127.0.0.1:" + answering.getPort() + ",127.0.0.1:" + goingAway.getPort());
        }

        @Override
        public void stop() {
            if (answering != null) {
                answering.shutdownNow();
                goingAway.shutdownNow();
            }
        }
    }

    @Test
    void anInstanceAnsweringUnavailableCostsNoAnswerAndLeavesTheBreakerClosed() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        refused.set(0);
        for (int i = 0; i < 30; i++) {
            given().get(PROFILE).then().statusCode(200).body("partial", is(false)).body("id", is(id("ibadoglu")));
        }
        assertTrue(refused.get() >= 10, "the instance going away got " + refused.get() + " calls: nothing was retried");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(GuardedCalls.circuitBreakerName(Backend.DETENTION)));
    }
}
