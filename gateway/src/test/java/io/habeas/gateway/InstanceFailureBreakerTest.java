package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.GuardedCalls;
import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * detention-service as two instances, one of which refuses every call as an instance going away
 * does, with the gateway's retries off, so that each refusal reaches the circuit breaker: half the
 * calls fail, which would open it (6 calls, half failing), yet it stays closed, since the other
 * instance is connected and takes the next calls.
 */
@QuarkusTest
@TestProfile(InstanceFailureBreakerTest.TwoInstancesWithoutRetries.class)
class InstanceFailureBreakerTest extends GatewayTest {

    public static class TwoInstancesWithoutRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.grpc.clients.detention.retry", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BackendInstancesTest.Instances.class));
        }
    }

    @Test
    void oneInstanceFailingLeavesTheBreakerClosedForTheOther() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        BackendInstancesTest.refused.set(0);
        int answered = 0;
        for (int i = 0; i < 30; i++) {
            int status = given().get(BackendInstancesTest.PROFILE).then().extract().statusCode();
            answered += status == 200 ? 1 : 0;
        }
        assertTrue(BackendInstancesTest.refused.get() >= 10, "the failing instance got " + BackendInstancesTest.refused.get()
                + " calls: the test did not exercise it");
        assertEquals(30 - BackendInstancesTest.refused.get(), answered, "every call the other instance got was answered");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(GuardedCalls.circuitBreakerName(Backend.DETENTION)));
    }
}
