package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A person the caller may not see gets, byte for byte (but for its own traceId), the answer of an id nobody knows. */
@QuarkusTest
class HiddenIsUnknownTest extends GatewayTest {

    private static String notFound(String path) {
        return sameForAnyTrace(given().get(path).then().statusCode(404).contentType("application/problem+json")
                .extract().asString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/timeline", "/timeline?format=csv" })
    void aHiddenPersonsAnswerIsAnUnknownOnes(String route) {
        callAs(TestTokens.of(Role.VIEWER));
        String path = "/api/v1/persons/" + id("hidden") + route;
        String unknown = notFound(path);

        // the same id, known but above the viewer's clearance, from a backend that did not filter it
        Backends.persons.add(person(personName("hidden"), "Hidden Person", RESTRICTED));
        assertEquals(unknown, notFound(path));

        // as the services answer it: NOT_FOUND, in their own words
        Backends.detentionError = Status.Code.NOT_FOUND;
        assertEquals(unknown, notFound(path));
    }
}
