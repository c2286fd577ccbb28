package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A misspelt or unknown query parameter is a 400 naming it and listing the known ones, never silently ignored. */
@QuarkusTest
class UnknownParametersTest extends GatewayTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/persons?contry=RU|contry|country, cursor, externalId, pageSize, q, status",
            "/api/v1/persons?pagesize=5|pagesize|country, cursor, externalId, pageSize, q, status",
            "/api/v1/countries/AZ/summary?form=2023|form|articles, asOf, from, to",
            "/api/v1/countries/AZ/timeline?kinds=claim|kinds|asOf, cursor, format, from, kind, pageSize, role, to",
            "/api/v1/persons/{ibadoglu}/timeline?page=2|page|asOf, cursor, format, from, kind, pageSize, to",
            "/api/v1/persons/{ibadoglu}?expand=all|expand|asOf",
            "/api/v1/persons/{ibadoglu}?as_of=2024-03-01T00:00:00Z|as_of|asOf",
            "/api/v1/persons/{ibadoglu}/history?page=2|page|cursor, pageSize",
            "/api/v1/persons/{ibadoglu}/history?asOf=2024-03-01T00:00:00Z|asOf|cursor, pageSize",
            "/api/v1/detentions/{uuid}/history?pagesize=2|pagesize|cursor, pageSize",
            "/api/v1/detentions/{uuid}/custody-events/{uuid}/history?page=2|page|cursor, pageSize",
            "/api/v1/detentions/{uuid}/charges/{uuid}/history?page=2|page|cursor, pageSize",
            "/api/v1/statements/{uuid}/history?page=2|page|cursor, pageSize",
            "/api/v1/actors/{uuid}/history?page=2|page|cursor, pageSize" })
    void namesTheUnknownParameterAndListsTheKnownOnes(String path, String unknown, String known) {
        given().urlEncodingEnabled(false).get(path.replace("{ibadoglu}", id("ibadoglu")).replace("{uuid}", id("record")))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", contains(unknown))
                .body("invalidParams[0].reason", is("is not a parameter of this request; known: " + known))
                .body("detail", containsString(known));
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void namesEveryUnknownParameterOnce() {
        given().queryParam("zeta", "1").queryParam("alpha", "2").queryParam("q", "Ibadoglu")
                .get("/api/v1/persons").then().statusCode(400)
                .body("invalidParams.name", contains("alpha", "zeta"));
    }

    @Test
    void knownParametersStillPass() {
        given().queryParam("q", "Ibadoglu").queryParam("pageSize", 5).get("/api/v1/persons").then().statusCode(200);
    }
}
