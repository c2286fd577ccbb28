package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.detention.v1.CustodyEventType;
import io.habeas.gateway.fake.Backends.Mode;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
class PartialAnswersTest extends GatewayTest {

    static final String TIMELINE = "/api/v1/persons/" + id("ibadoglu") + "/timeline";
    static final String PROFILE = "/api/v1/persons/" + id("ibadoglu");

    void seed() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "a"), PERSON, "AZ", "2023-07-23", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC));
        Backends.claims.add(claim(statementName("1"), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US", List.of(), "AZ", PUBLIC));
    }

    @Test
    void servesDetentionEventsWhenStatementServiceIsDown() {
        seed();
        Backends.statementMode = Mode.DOWN;
        given().get(TIMELINE).then().statusCode(200)
                .body("partial", is(true))
                .body("missing.service", contains("statement-service"))
                .body("missing.reason", contains("unavailable"))
                .body("events.record", contains(custodyEventName("1", "a")));
    }

    /** Without detention-service nobody can say whether the person may be shown: nothing of theirs is, claims included. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"DOWN", "SLOW"})
    void failsClosedWhenDetentionServiceCannotAnswer(Mode mode) {
        seed();
        Backends.detentionMode = mode;
        given().get(TIMELINE).then().statusCode(200)
                .body("partial", is(true))
                .body("events", empty())
                .body("nextCursor", nullValue())
                .body("missing.service", contains("detention-service", "statement-service"))
                .body("missing.reason", contains(mode == Mode.DOWN ? "unavailable" : "timeout", "person_unverified"))
                .body(not(containsString(claimName("1"))));
        assertEquals(0, Backends.statementCalls.get(), "claims were asked for before the person was known");
    }

    @Test
    void servesWhatCameInTimeWhenOneServiceIsSlow() {
        seed();
        Backends.statementMode = Mode.SLOW;
        long start = System.nanoTime();
        given().get(TIMELINE).then().statusCode(200)
                .body("partial", is(true))
                .body("missing[0].service", is("statement-service"))
                .body("missing[0].reason", is("timeout"))
                .body("events.record", contains(custodyEventName("1", "a")));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "waited for the slow backend");
    }

    @Test
    void countryTimelineIsPartialToo() {
        seed();
        Backends.statementMode = Mode.DOWN;
        given().get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("partial", is(true)).body("missing.service", contains("statement-service"))
                .body("events.record", contains(custodyEventName("1", "a")));
    }

    /**
     * A malformed name in statement-service's answer is its fault: it is missing from the timeline,
     * as if down, and detention-service's events are still served.
     */
    @Test
    void aMalformedNameLeavesItsBackendOutOfATimeline() {
        seed();
        // statement-service names a second person by a readable id instead of a UUID
        ClaimItem item = claim(statementName("bad"), "2024-05", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ",
                PUBLIC);
        Claim claim = item.getStatement().getClaims(0).toBuilder().addSubjectPersons("persons/yagublu").build();
        Backends.claims.add(item.toBuilder().setStatement(item.getStatement().toBuilder().setClaims(0, claim)).build());
        given().get(TIMELINE).then().statusCode(200)
                .body("partial", is(true))
                .body("missing.service", contains("statement-service"))
                .body("missing.reason", contains("bad_answer"))
                .body("events.record", contains(custodyEventName("1", "a")));
    }

    @Test
    void answers503WhenBothAreDown() {
        seed();
        Backends.statementMode = Mode.DOWN;
        Backends.detentionMode = Mode.DOWN;
        given().get("/api/v1/countries/AZ/timeline").then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", is(503))
                .body("missing.service", containsInAnyOrder("detention-service", "statement-service"))
                .body(not(containsString("at io.")));
    }

    @Test
    void answers504WhenBothAreSlow() {
        seed();
        Backends.statementMode = Mode.SLOW;
        Backends.detentionMode = Mode.SLOW;
        given().get("/api/v1/countries/AZ/timeline").then().statusCode(504)
                .contentType("application/problem+json").body("status", is(504));
    }

    @Test
    void aWalkStaysPartialOnceASourceWentMissing() {
        seed();
        for (int i = 0; i < 5; i++) {
            Backends.feed.add(custody(custodyEventName("1", "x" + i), PERSON, "AZ", "2024-0" + (i + 1),
                    CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, PUBLIC));
        }
        Backends.statementMode = Mode.DOWN;
        String cursor = given().queryParam("pageSize", 2).get(TIMELINE).then().statusCode(200)
                .body("partial", is(true)).extract().path("nextCursor");
        Backends.statementMode = Mode.UP;
        int before = Backends.statementCalls.get();
        given().queryParam("pageSize", 2).queryParam("cursor", cursor).get(TIMELINE).then()
                .statusCode(200).body("partial", is(true)).body("missing.service", contains("statement-service"))
                .body("events.record", contains(custodyEventName("1", "x1"), custodyEventName("1", "x2")));
        assertEquals(before, Backends.statementCalls.get(), "a missing source came back mid-walk, out of order");
    }

    @Test
    void profileIsPartialWithoutStatementServiceAnd503WithoutDetentionService() {
        seed();
        Backends.statementMode = Mode.DOWN;
        given().get(PROFILE).then().statusCode(200)
                .body("partial", is(true)).body("releaseCalls", nullValue()).body("callOutstanding", nullValue())
                .body("missing.service", contains("statement-service"));
        Backends.detentionMode = Mode.DOWN;
        given().get(PROFILE).then().statusCode(503).contentType("application/problem+json");
        Backends.detentionMode = Mode.SLOW;
        given().get(PROFILE).then().statusCode(504).contentType("application/problem+json");
    }

    @Test
    void circuitBreakerStopsCallingADeadBackend() {
        seed();
        Backends.statementMode = Mode.DOWN;
        for (int i = 0; i < 6; i++) {
            given().get(TIMELINE).then().statusCode(200).body("partial", is(true));
        }
        int callsWhenOpen = Backends.statementCalls.get();
        for (int i = 0; i < 5; i++) {
            given().get(TIMELINE).then().statusCode(200)
                    .body("partial", is(true))
                    .body("missing[0].reason", is("circuit_open"))
                    .body("events.record", contains(custodyEventName("1", "a")));
        }
        assertEquals(callsWhenOpen, Backends.statementCalls.get(), "the open circuit still let calls through");
        // the detention backend has its own breaker, still closed
        assertTrue(Backends.detentionCalls.get() >= 11 * 3);
    }

    @Test
    void rejectionsDoNotOpenTheCircuit() {
        for (int i = 0; i < 10; i++) {
            given().get("/api/v1/persons/" + id("nobody") + "/timeline").then().statusCode(404);
        }
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        given().get(TIMELINE).then().statusCode(200).body("partial", is(false));
    }
}
