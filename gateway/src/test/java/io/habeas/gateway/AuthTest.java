package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.PERSON;
import static io.habeas.gateway.Fixtures.PUBLIC;
import static io.habeas.gateway.Fixtures.id;
import static io.habeas.gateway.Fixtures.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every /api route needs a verified bearer token with a Habeas role, and the gateway passes it on to both backends. */
@QuarkusTest
class AuthTest extends GatewayTest {

    @BeforeEach
    void sendNoTokenUnlessTold() {
        RestAssured.requestSpecification = null;
    }

    /** Every route under /api the OpenAPI document lists, with its path parameters filled in. */
    private List<String> apiRoutes() {
        Map<String, Object> paths = given().accept("application/json").get(management("/q/openapi")).then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> routes = paths.keySet().stream().filter(p -> p.startsWith("/api/"))
                .map(p -> p.replace("{personId}", id("ibadoglu")).replace("{countryCode}", "AZ")
                        .replaceAll("\\{(detentionId|eventId|chargeId|statementId|actorId)}", id("record")))
                .toList();
        assertFalse(routes.isEmpty());
        routes.forEach(route -> assertFalse(route.contains("{"), route));
        return routes;
    }

    private static void isUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", is(401))
                .body("title", is("Unauthorized"));
    }

    @Test
    void everyApiRouteRefusesARequestWithoutAToken() {
        for (String route : apiRoutes()) {
            isUnauthorized(given().get(route).then());
        }
        assertEquals(0, Backends.detentionCalls.get() + Backends.statementCalls.get(), "no backend was called");
    }

    @Test
    void everyApiRouteRefusesATokenThatFailsVerification() {
        for (Map.Entry<String, String> refused : TestTokens.refused().entrySet()) {
            for (String route : apiRoutes()) {
                isUnauthorized(given().header("Authorization", "Bearer " + refused.getValue()).get(route).then()
                        .log().ifValidationFails());
            }
        }
        isUnauthorized(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/persons").then());
    }

    @Test
    void aTokenWithoutAHabeasRoleIsForbidden() {
        String noRole = TestTokens.withGroups("someone@habeas.test", "editors");
        for (String route : apiRoutes()) {
            given().header("Authorization", "Bearer " + noRole).get(route).then().statusCode(403)
                    .contentType("application/problem+json").body("status", is(403));
        }
    }

    @Test
    void everyRoleReadsAndItsTokenReachesBothBackends() {
        // the first call of a run opens the channels, which may take longer than the tests' short deadline; the
        // person exists, so that no call of it is still on its way (as after an early 404) when the roles' calls are counted
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        given().header("Authorization", "Bearer " + token).get("/api/v1/persons/{id}/timeline", id("ibadoglu"));
        for (Role role : Role.values()) {
            Backends.reset();
            Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
            String token = TestTokens.of(role);
            Backends.expectedBearer = "Bearer " + token;

            given().header("Authorization", "Bearer " + token).get("/api/v1/persons/{id}/timeline", id("ibadoglu"))
                    .then().statusCode(200).body("partial", is(false));

            assertFalse(Backends.detentionBearers.isEmpty(), role + ": detention-service was not called");
            assertFalse(Backends.statementBearers.isEmpty(), role + ": statement-service was not called");
            assertTrue(Backends.detentionBearers.stream().allMatch(("Bearer " + token)::equals), Backends.detentionBearers.toString());
            assertTrue(Backends.statementBearers.stream().allMatch(("Bearer " + token)::equals), Backends.statementBearers.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"})
    void healthMetricsAndTheApiDocumentNeedNoTokenOnTheManagementPortOnly(String path) {
        given().get(management(path)).then().statusCode(200);
        given().header("Authorization", "Bearer not-a-jwt").get(management(path)).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get(path).then().statusCode(404);
    }

    @Test
    void theApiDocumentDeclaresBearerAuthentication() {
        Map<String, Map<String, Object>> schemes = given().accept("application/json").get(management("/q/openapi")).then()
                .extract().jsonPath().getMap("components.securitySchemes");
        assertTrue(schemes.values().stream().anyMatch(s -> "bearer".equalsIgnoreCase(String.valueOf(s.get("scheme")))),
                String.valueOf(schemes));
    }
}
