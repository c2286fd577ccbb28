package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.CustodyStatus;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A retracted person (GetPerson still answers it, with state RETRACTED) is absent from every read of
 * the gateway, exactly as an unknown one, even when a backend forgets to leave it out: the fakes list
 * it everywhere.
 */
@QuarkusTest
class RetractedPersonTest extends GatewayTest {

    static final String RETRACTED = personName("retracted");

    @BeforeEach
    void seed() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(retracted(person(RETRACTED, "Ibadoglu Entered In Error", PUBLIC)));
        // retracted on 1 May 2024: before it, the person was active
        Backends.replacedPersons.put(RETRACTED, Map.entry(Instant.parse("2024-05-01T00:00:00Z"),
                person(RETRACTED, "Ibadoglu Entered In Error", PUBLIC)));
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                true, 300, PUBLIC));
        Backends.detentions.add(detention(detentionName("2"), RETRACTED, "AZ", "2023-08",
                CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, true, 200, PUBLIC));
        Backends.claims.add(aboutBoth(claim(statementName("call"), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON,
                "US", List.of("AZ"), "AZ", PUBLIC)));
        Backends.claims.add(claim(statementName("only"), "2024-05", ClaimKind.CLAIM_KIND_CONCERN, RETRACTED, "US", List.of(),
                "", PUBLIC));
        Backends.statements.add(aboutBoth(claim(statementName("said"), "2024-04", ClaimKind.CLAIM_KIND_DENIAL, PERSON, "AZ",
                List.of(), "", PUBLIC)).getStatement());
        Backends.releaseCalls.put(PERSON, GetReleaseCallSummaryResponse.newBuilder().setCallCount(1).build());
        Backends.releaseCalls.put(RETRACTED, GetReleaseCallSummaryResponse.newBuilder().setCallCount(3).build());
    }

    private static ClaimItem aboutBoth(ClaimItem item) {
        return item.toBuilder().setStatement(item.getStatement().toBuilder().setClaims(0,
                item.getStatement().getClaims(0).toBuilder().addSubjectPersons(RETRACTED))).build();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/timeline", "/timeline?format=csv" })
    void aRetractedPersonsProfileAndTimelineAreAnUnknownOnes(String route) {
        String unknown = sameForAnyTrace(given().get("/api/v1/persons/" + id("nobody") + route).then().statusCode(404)
                .contentType("application/problem+json").extract().asString());
        String body = sameForAnyTrace(given().get("/api/v1/persons/" + id("retracted") + route).then().statusCode(404)
                .contentType("application/problem+json").extract().asString());
        assertEquals(unknown.replace(id("nobody"), id("retracted")), body);

        // as the database knew it before the retraction, the person was there
        given().queryParam("asOf", "2024-04-01T00:00:00Z").get("/api/v1/persons/" + id("retracted") + route)
                .then().statusCode(200);
    }

    @Test
    void aRetractedPersonLeavesListsAndSearches() {
        given().get("/api/v1/persons").then().statusCode(200).body("persons.id", contains(id("ibadoglu")));
        given().queryParam("q", "ibadoglu").get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("ibadoglu")));
        given().queryParam("country", "AZ").get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("ibadoglu")));
    }

    @Test
    void claimsNoLongerNameARetractedPerson() {
        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.find { it.kind == 'claim' }.persons.id", contains(id("ibadoglu")))
                .body(not(containsString(id("retracted"))));
        given().get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", hasItems(claimName("call"), statementName("said")))
                // a claim only about the retracted person is not followed as a detainee's
                .body("events.record", not(hasItem(claimName("only"))))
                .body("events.find { it.record == '" + statementName("said") + "' }.persons.id", contains(id("ibadoglu")))
                .body(not(containsString(id("retracted"))));
    }

    @Test
    void aCountrySummaryLeavesARetractedDetaineeOut() {
        given().get("/api/v1/countries/AZ/summary").then().statusCode(200)
                .body("personsWithOutstandingCalls.id", contains(id("ibadoglu")))
                .body(not(containsString(id("retracted"))));
        assertEquals(List.of("BatchGetReleaseCallSummaries:1"), Backends.calls.stream()
                .filter(c -> c.startsWith("BatchGet")).toList());
    }

    @Test
    void personsDetentionServiceCannotVouchForAreNotNamed() {
        // fail closed: without detention-service, a country's claims still show, naming nobody
        Backends.detentionMode = Backends.Mode.DOWN;
        given().queryParam("role", "subject").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(claimName("call")))
                .body("events[0].persons", empty());
    }
}
