package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-client rate limits and the CSV cap, with small limits so that a test can reach them. */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
class LimitsTest extends GatewayTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.gateway.rate-limit.requests", "3", "habeas.gateway.rate-limit.period", "1h",
                    "habeas.gateway.csv.max-events", "450");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersAreServed() {
        callAs(TestTokens.withGroups("rate-alice", "analyst"));
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/countries/AZ/summary").then().statusCode(200);
        }
        Response refused = given().get("/api/v1/countries/AZ/summary");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", is(429))
                .body("traceId", matchesPattern("[0-9a-f]{32}"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 1200, "Retry-After " + retryAfter);
        int calls = Backends.calls.size();
        given().get("/api/v1/countries/AZ/summary").then().statusCode(429);
        assertEquals(calls, Backends.calls.size(), "a refused request reached a backend");

        callAs(TestTokens.withGroups("rate-bob", "analyst"));
        given().get("/api/v1/countries/AZ/summary").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        RestAssured.requestSpecification = null;
        for (int i = 0; i < 10; i++) {
            given().get(management("/q/health/live")).then().statusCode(200);
            given().get(management("/q/metrics")).then().statusCode(200);
        }
    }

    /** Past the cap the download stops, complete and well-formed, and says so; it is streamed in chunks. */
    @Test
    void aLargeCsvIsStreamedAndCutAtTheCap() {
        callAs(TestTokens.withGroups("csv-reader", "analyst"));
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        for (int i = 0; i < 1000; i++) {
            Backends.claims.add(claim(statementName(Integer.toString(i)), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE,
                    PERSON, "US", List.of(), "AZ", PUBLIC));
        }
        Response csv = given().queryParam("format", "csv").get("/api/v1/persons/" + id("ibadoglu") + "/timeline");
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("X-Habeas-Truncated", "true")
                .header("Transfer-Encoding", "chunked")
                .header("Content-Length", nullValue());
        String body = csv.asString();
        List<String> lines = body.lines().toList();
        assertEquals(451, lines.size(), "the header and the first 450 events");
        assertTrue(body.endsWith("\r\n"), "the last row is complete");
        assertTrue(lines.get(450).contains(claimName("449")), lines.get(450));
    }

    @Test
    void aCsvAtTheCapIsNotTruncated() {
        callAs(TestTokens.withGroups("csv-reader-2", "analyst"));
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        for (int i = 0; i < 450; i++) {
            Backends.claims.add(claim(statementName(Integer.toString(i)), "2024-04", ClaimKind.CLAIM_KIND_CONCERN,
                    PERSON, "US", List.of(), "AZ", PUBLIC));
        }
        Response csv = given().queryParam("format", "csv").get("/api/v1/persons/" + id("ibadoglu") + "/timeline");
        csv.then().statusCode(200).header("X-Habeas-Truncated", nullValue());
        assertEquals(451, csv.asString().lines().count());
    }
}
