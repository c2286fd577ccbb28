package io.habeas.gateway.tracing;

import static io.habeas.gateway.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.gateway.GatewayTest;
import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.rest.ProblemMappers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without an OTLP endpoint nothing is recorded, and still every request has a trace that its problems and calls carry. */
@QuarkusTest
class TraceIdsTest extends GatewayTest {

    @Test
    void eachRequestHasItsOwnTraceWhichItsBackendCallsCarryUnsampled() {
        String path = "/api/v1/persons/" + id("nobody");
        String first = given().get(path).then().statusCode(404).contentType(ProblemMappers.PROBLEM_JSON)
                .extract().path("traceId");
        String second = given().get(path).then().statusCode(404).extract().path("traceId");

        assertTrue(first.matches("[0-9a-f]{32}") && !first.matches("0+"), first);
        assertNotEquals(first, second);
        assertFalse(Backends.traceparents.isEmpty());
        assertTrue(Backends.traceparents.stream().allMatch(t -> t.matches("00-(" + first + "|" + second + ")-[0-9a-f]{16}-00")),
                () -> "not recorded (flags 00), in the requests' traces: " + Backends.traceparents);
    }
}
