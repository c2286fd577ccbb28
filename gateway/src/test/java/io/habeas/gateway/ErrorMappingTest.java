package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ErrorMappingTest extends GatewayTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/persons/{ibadoglu}/timeline?pageSize=abc|pageSize",
            "/api/v1/persons/{ibadoglu}/timeline?pageSize=0|pageSize",
            "/api/v1/persons/{ibadoglu}/timeline?pageSize=201|pageSize",
            "/api/v1/persons?pageSize=51|pageSize",
            "/api/v1/persons/{ibadoglu}/timeline?from=2023-02-30|from",
            "/api/v1/persons/{ibadoglu}/timeline?to=July|to",
            "/api/v1/persons/{ibadoglu}/timeline?from=2024&to=2023-12|from",
            "/api/v1/persons/{ibadoglu}/timeline?kind=arrest,claim|kind",
            "/api/v1/persons/{ibadoglu}/timeline?cursor=not-a-cursor|cursor",
            "/api/v1/persons/{ibadoglu}/timeline?format=xml|format",
            "/api/v1/countries/AZ/timeline?role=victim|role",
            "/api/v1/countries/AZE/timeline|countryCode",
            "/api/v1/countries/AZ/summary?articles=1000|articles",
            "/api/v1/persons?status=jailed|status",
            "/api/v1/persons?country=Azerbaijan|country",
            "/api/v1/persons/bad%20id|personId" })
    void rejectsBadParametersNamingThem(String path, String param) {
        // {ibadoglu} stands for his id, a UUID, so that only the parameter named is wrong
        given().urlEncodingEnabled(false).get(path.replace("{ibadoglu}", id("ibadoglu"))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("title", notNullValue())
                .body("invalidParams.name", hasItem(param));
    }

    @Test
    void rejectsACursorOfAnotherQuery() {
        String cursor = aTimelineCursor();
        given().queryParam("cursor", cursor).queryParam("kind", "claim").get("/api/v1/persons/" + id("ibadoglu") + "/timeline")
                .then()
                .statusCode(400).body("invalidParams.name", hasItem("cursor"));
    }

    @Test
    void rejectsACursorWithOneCharacterChanged() {
        String cursor = aTimelineCursor();
        int middle = cursor.length() / 2;
        String tampered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);
        given().queryParam("cursor", tampered).get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                .statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", contains("cursor"))
                .body("invalidParams.reason", contains("is not a token this API issued"));
    }

    /** The cursor of the first page of a timeline with more than one page. */
    private static String aTimelineCursor() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        for (int i = 0; i < 3; i++) {
            Backends.claims.add(claim(statementName(Integer.toString(i)), "2024-04-0" + (i + 1),
                    io.habeas.statement.v1.ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", java.util.List.of(), "", PUBLIC));
        }
        return given().queryParam("pageSize", 1).get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                .statusCode(200).extract().path("nextCursor");
    }

    @Test
    void unknownPersonIs404() {
        given().get("/api/v1/persons/" + id("nobody") + "/timeline").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        given().get("/api/v1/persons/" + id("nobody")).then().statusCode(404).contentType("application/problem+json");
    }

    /** Services issue UUIDs only: any other person id is the client's mistake, told without asking a backend. */
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/persons/ibadoglu", "/api/v1/persons/ibadoglu/timeline",
            "/api/v1/persons/ibadoglu/timeline?format=csv", "/api/v1/persons/1-2-3-4-5" })
    void aPersonIdThatIsNotAUuidIs400WithoutABackendCall(String path) {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        given().get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("invalidParams.name", contains("personId"));
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void aPersonIdIsAUuidInAnyCase() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        given().get("/api/v1/persons/" + id("ibadoglu").toUpperCase()).then().statusCode(200).body("id", is(id("ibadoglu")));
    }

    /** A name the contract rules out is the backend's fault: a 502 naming it, never a 400 blaming the client. */
    @Test
    void aMalformedNameFromABackendIs502() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        // a detention-service that issued a readable id instead of a UUID
        Backends.detentions.add(detention("detentions/1", PERSON, "AZ", "2023-07-23",
                CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, true, 300, PUBLIC));
        given().get("/api/v1/persons/" + id("ibadoglu")).then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", is(502))
                .body("service", is("detention-service"))
                .body("missing.reason", contains("bad_answer"))
                .body("invalidParams", nullValue())
                .body(not(containsString("at io.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownCountryCodeIs404() {
        given().get("/api/v1/countries/XX/timeline").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/countries/QQ/summary").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    /** INVALID_ARGUMENT naming no field a parameter fed blames the gateway's request: 502 (HostileInputTest has the 400). */
    @ParameterizedTest
    @CsvSource({ "INVALID_ARGUMENT,502", "NOT_FOUND,404", "ALREADY_EXISTS,409", "FAILED_PRECONDITION,409", "ABORTED,409",
            "UNAUTHENTICATED,401", "PERMISSION_DENIED,403", "RESOURCE_EXHAUSTED,429", "UNAVAILABLE,503",
            "DEADLINE_EXCEEDED,504", "INTERNAL,503" })
    void mapsBackendCodesAsTheConventionsSay(String code, int http) {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.detentionError = Status.Code.valueOf(code);
        given().get("/api/v1/persons/" + id("ibadoglu")).then().statusCode(http)
                .contentType("application/problem+json")
                .body("status", is(http))
                .body(not(containsString("at io.")))
                .body(not(containsString("Exception")));
    }
}
