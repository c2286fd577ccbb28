package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * asOf on timelines, profiles and summaries: every backend call of the read carries it as as_of (the
 * fakes keep what each call received and answer as of it), a bad one is a 400 naming it before any
 * backend is called, and cursors serve only the instant they were issued for.
 */
@QuarkusTest
class AsOfTest extends GatewayTest {

    static final String AS_OF = "2024-03-01T00:00:00Z";
    /** After AS_OF: what was recorded then does not show as of AS_OF. */
    static final Instant LATER = Instant.parse("2024-05-01T00:00:00Z");

    static final String PROFILE = "/api/v1/persons/" + id("ibadoglu");
    static final String PERSON_TIMELINE = PROFILE + "/timeline";
    static final String COUNTRY_TIMELINE = "/api/v1/countries/AZ/timeline";
    static final String SUMMARY = "/api/v1/countries/AZ/summary";

    @BeforeEach
    void seed() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(person(personName("other"), "Other Person", PUBLIC));
        Backends.persons.add(person(personName("later"), "Recorded Later", PUBLIC));
        Backends.recordedAt.put(personName("later"), LATER);
        // before LATER the person had another name
        Backends.replacedPersons.put(PERSON, Map.entry(LATER, person(PERSON, "G. Ibadoglu", PUBLIC)));

        Detention d = detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, true,
                300, PUBLIC);
        Backends.detentions.add(d);
        Backends.detentions.add(detention(detentionName("later"), personName("later"), "AZ", "2024-04",
                CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY, true, 10, PUBLIC));
        Backends.recordedAt.put(detentionName("later"), LATER);
        Backends.charges.put(d.getName(), List.of(charge(chargeName("1", "204"), "204.3.1", "2023-07"),
                charge(chargeName("1", "167"), "167-3.1", "2023-09")));
        Backends.recordedAt.put(chargeName("1", "167"), LATER);
        Backends.feed.add(started(d));
        Backends.feed.add(custody(custodyEventName("1", "pretrial"), PERSON, "AZ", "2023-08",
                CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "house"), PERSON, "AZ", "2024-04-22",
                CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, PUBLIC));
        Backends.recordedAt.put(custodyEventName("1", "house"), LATER);

        // claims naming a second person, whom the gateway checks with detention-service
        Backends.claims.add(alsoAboutOther(claim(statementName("denial"), "2023-08", ClaimKind.CLAIM_KIND_DENIAL, PERSON, "AZ",
                List.of("AZ"), "", PUBLIC)));
        var call = alsoAboutOther(claim(statementName("call"), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                List.of("AZ"), "AZ", PUBLIC));
        Backends.claims.add(call);
        Backends.recordedAt.put(statementName("call"), LATER);
        Backends.statements.add(call.getStatement().toBuilder().setActorCountry("AZ").build());
        Backends.releaseCalls.put(PERSON, GetReleaseCallSummaryResponse.newBuilder().setCallCount(1)
                .setFirstCallDate(d("2024-04")).setLatestCallDate(d("2024-04")).build());
        Backends.releaseCalls.put(personName("later"), GetReleaseCallSummaryResponse.newBuilder().setCallCount(1)
                .setFirstCallDate(d("2024-04")).setLatestCallDate(d("2024-04")).build());
    }

    private static ClaimItem alsoAboutOther(ClaimItem item) {
        return item.toBuilder().setStatement(item.getStatement().toBuilder().setClaims(0,
                item.getStatement().getClaims(0).toBuilder().addSubjectPersons(personName("other")))).build();
    }

    /** Each read that takes asOf, and the backend methods it calls. */
    static Stream<Arguments> reads() {
        Set<String> person = Set.of("GetPerson", "ListDetentions", "ListPersonFeed", "ListPersonClaims", "ListPersons");
        Set<String> country = Set.of("ListPersons", "ListCountryFeed", "ListCountryStatements", "ListCountryClaims",
                "ListClaimsAboutPersons");
        return Stream.of(
                Arguments.of(PERSON_TIMELINE, person),
                Arguments.of(PERSON_TIMELINE + "?format=csv", person),
                Arguments.of(COUNTRY_TIMELINE, country),
                Arguments.of(COUNTRY_TIMELINE + "?format=csv", country),
                Arguments.of(PROFILE, Set.of("GetPerson", "ListDetentions", "ListCharges", "GetReleaseCallSummary")),
                Arguments.of(SUMMARY, Set.of("GetCountryStatistics", "ListPersons", "ListDetentions",
                        "BatchGetReleaseCallSummaries")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void everyBackendCallOfTheReadCarriesAsOf(String path, Set<String> methods) {
        given().queryParam("asOf", AS_OF).get(path).then().statusCode(200);
        assertEquals(new TreeSet<>(methods), methods(), Backends.asOfs.toString());
        assertTrue(Backends.asOfs.stream().allMatch(a -> a.endsWith("=" + AS_OF)), Backends.asOfs.toString());

        // the same instant with another offset
        Backends.asOfs.clear();
        given().urlEncodingEnabled(false).get(path + (path.contains("?") ? "&" : "?") + "asOf=2024-03-01T02:00:00%2B02:00")
                .then().statusCode(200);
        assertTrue(Backends.asOfs.stream().allMatch(a -> a.endsWith("=" + AS_OF)), Backends.asOfs.toString());

        // without asOf, the current read: no call carries one
        Backends.asOfs.clear();
        given().get(path).then().statusCode(200);
        assertFalse(Backends.asOfs.isEmpty());
        assertTrue(Backends.asOfs.stream().allMatch(a -> a.endsWith("=unset")), Backends.asOfs.toString());
    }

    private static Set<String> methods() {
        return Backends.asOfs.stream().map(a -> a.substring(0, a.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void answersAreThoseOfTheInstant() {
        given().queryParam("asOf", AS_OF).get(PERSON_TIMELINE).then().statusCode(200)
                .body("events.record", contains(detentionName("1"), custodyEventName("1", "pretrial"), claimName("denial")))
                .body("events[0].persons[0].name", is("G. Ibadoglu"));
        given().get(PERSON_TIMELINE).then().statusCode(200)
                .body("events.record", contains(detentionName("1"), custodyEventName("1", "pretrial"), claimName("denial"),
                        custodyEventName("1", "house"), claimName("call")))
                .body("events[0].persons[0].name", is("Gubad Ibadoglu"))
                .body("events[4].persons.id", contains(id("ibadoglu"), id("other")));

        given().queryParam("asOf", AS_OF).get(PROFILE).then().statusCode(200)
                .body("displayName", is("G. Ibadoglu"))
                .body("charges.articleReference", contains("204.3.1"));
        given().get(PROFILE).then().statusCode(200)
                .body("displayName", is("Gubad Ibadoglu"))
                .body("charges.articleReference", contains("204.3.1", "167-3.1"));

        given().queryParam("asOf", AS_OF).get(SUMMARY).then().statusCode(200)
                .body("personsWithOutstandingCalls.id", contains(id("ibadoglu")));
        given().get(SUMMARY).then().statusCode(200)
                .body("personsWithOutstandingCalls.id", containsInAnyOrder(id("ibadoglu"), id("later")));

        given().queryParam("asOf", AS_OF).get(COUNTRY_TIMELINE).then().statusCode(200)
                .body("events.record", not(hasItem(claimName("call"))))
                .body("events.record", not(hasItem(statementName("call"))));
        given().get(COUNTRY_TIMELINE).then().statusCode(200)
                .body("events.record", hasItems(claimName("call"), statementName("call")));
    }

    @Test
    void aPersonRecordedAfterTheInstantIsUnknownAsOfIt() {
        String unknown = sameForAnyTrace(given().queryParam("asOf", AS_OF).get("/api/v1/persons/" + id("nobody")).then()
                .statusCode(404).extract().asString());
        for (String route : List.of("", "/timeline")) {
            String body = sameForAnyTrace(given().queryParam("asOf", AS_OF).get("/api/v1/persons/" + id("later") + route)
                    .then().statusCode(404).contentType("application/problem+json").extract().asString());
            assertEquals(unknown.replace(id("nobody"), id("later")), body);
            given().get("/api/v1/persons/" + id("later") + route).then().statusCode(200);
        }
    }

    static Stream<Arguments> badAsOfs() {
        List<String> values = List.of("2024-03-01", "2024-03-01T00:00:00", "2024-03-01T00:00Z", "2024-03-01T00:00:00.Z",
                "2999-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01T23:59:60Z",
                "2024-03-01T00:00:00%2B19:00", "2024-03-01T00:00:00%2B0200", "0000-12-31T00:00:00Z",
                "0001-01-01T00:30:00%2B01:00", "2024-03-01%2000:00:00Z", "1709251200", "yesterday", "now",
                "%EF%BC%92024-03-01T00:00:00Z", "2024-03-01T00:00:00.1234567890Z", AS_OF + "&asOf=" + AS_OF);
        return Stream.of(PERSON_TIMELINE, PERSON_TIMELINE + "?format=csv", COUNTRY_TIMELINE, COUNTRY_TIMELINE + "?format=csv",
                PROFILE, SUMMARY).flatMap(path -> values.stream().map(v -> Arguments.of(path, v)));
    }

    @ParameterizedTest(name = "{0} asOf={1}")
    @MethodSource("badAsOfs")
    void aBadAsOfIs400NamingItAndCallsNoBackend(String path, String value) {
        // Without its random trace id, which may hold "2999" by chance: what is checked is the value not echoed.
        String body = sameForAnyTrace(given().urlEncodingEnabled(false)
                .get(path + (path.contains("?") ? "&" : "?") + "asOf=" + value)
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", contains("asOf")).extract().asString());
        assertFalse(body.contains("2999") || body.contains("yesterday") || body.contains("1709251200"), body);
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void aBackendRefusingTheInstantIs400NamingAsOf() {
        // a backend whose clock is behind the gateway's finds the instant in its future
        Backends.detentionError = Status.Code.INVALID_ARGUMENT;
        Backends.detentionErrorField = "as_of";
        given().queryParam("asOf", AS_OF).get(PROFILE).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", contains("asOf"))
                .body(not(containsString("as_of"))).body(not(containsString("script")));
    }

    @Test
    void aCursorServesOnlyTheInstantItWasIssuedFor() {
        for (String path : List.of(PERSON_TIMELINE, COUNTRY_TIMELINE)) {
            String cursor = given().queryParam("asOf", AS_OF).queryParam("pageSize", 1).get(path).then().statusCode(200)
                    .extract().path("nextCursor");
            given().queryParam("asOf", AS_OF).queryParam("pageSize", 1).queryParam("cursor", cursor).get(path).then()
                    .statusCode(200).body("events", hasSize(1));
            // the same instant written with another offset is the same read
            given().urlEncodingEnabled(false).get(path + "?pageSize=1&asOf=2024-03-01T01:00:00%2B01:00&cursor=" + cursor)
                    .then().statusCode(200);

            int calls = Backends.calls.size();
            given().queryParam("asOf", "2024-03-02T00:00:00Z").queryParam("cursor", cursor).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("invalidParams.name", contains("cursor"));
            given().queryParam("cursor", cursor).get(path).then().statusCode(400).body("invalidParams.name", contains("cursor"));
            assertEquals(calls, Backends.calls.size(), "a refused cursor reached a backend");

            String current = given().queryParam("pageSize", 1).get(path).then().statusCode(200).extract().path("nextCursor");
            given().queryParam("asOf", AS_OF).queryParam("cursor", current).get(path).then().statusCode(400)
                    .body("invalidParams.name", contains("cursor"));
        }
    }
}
