package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.grpc.Status;
import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The circuit breaker counts server faults and timeouts, never a client's mistakes: a stream of bad
 * requests from one client must not take a backend away from everyone (the tests' breaker looks at 6
 * calls and opens at half of them failing).
 */
@QuarkusTest
class BreakerTest extends GatewayTest {

    static final String PROFILE = "/api/v1/persons/" + id("ibadoglu");

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "UNAUTHENTICATED",
            "FAILED_PRECONDITION", "ALREADY_EXISTS", "ABORTED", "OUT_OF_RANGE"})
    void aStreamOfClientMistakesLeavesTheBreakerClosed(Status.Code mistake) {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.detentionError = mistake;
        for (int i = 0; i < 20; i++) {
            given().get(PROFILE).then().statusCode(not(anyOf(is(200), is(503))));
        }
        Backends.detentionError = null;
        given().get(PROFILE).then().statusCode(200).body("id", is(id("ibadoglu")));
    }

    @Test
    void clientMistakesTheGatewayCatchesNeverReachTheBackend() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        for (int i = 0; i < 20; i++) {
            given().urlEncodingEnabled(false).get("/api/v1/persons?q=%00").then().statusCode(400);
        }
        given().get(PROFILE).then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"INTERNAL", "UNKNOWN", "DATA_LOSS", "RESOURCE_EXHAUSTED"})
    void serverFaultsOpenIt(Status.Code fault) {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.detentionError = fault;
        for (int i = 0; i < 6; i++) {
            given().get(PROFILE);
        }
        Backends.detentionError = null;
        given().get(PROFILE).then().statusCode(503).body("missing.reason", contains("circuit_open"));
    }
}
