package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.DatePrecision;
import io.habeas.common.v1.PartialDate;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.CallerCount;
import io.habeas.statement.v1.GetPersonReleaseOutcomeResponse;
import io.habeas.statement.v1.ReleaseOutcome;
import io.habeas.statement.v1.ReleaseOutcomeScope;
import io.habeas.statement.v1.ReleaseOutcomeStatistics;
import io.habeas.statement.v1.ReleaseOutcomeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What came of the calls for release, as JSON and as CSV, from statement-service's ReleaseOutcomeService. */
@QuarkusTest
class ReleaseOutcomeTest extends GatewayTest {
    static final String PERSON_OUTCOME = "/api/v1/persons/" + id("ibadoglu") + "/release-outcome";
    static final String LIST = "/api/v1/release-outcomes";

    private static PartialDate date(String text) {
        PartialDate d = d(text);
        return d.toBuilder().setPrecision(d.getDay() != 0 ? DatePrecision.DATE_PRECISION_DAY
                : d.getMonth() != 0 ? DatePrecision.DATE_PRECISION_MONTH : DatePrecision.DATE_PRECISION_YEAR).build();
    }

    private static CallerCount caller(String label, String name, String country, int calls, String latest) {
        return CallerCount.newBuilder().setActor(actorName(label)).setDisplayName(name).setCountry(country).setCallCount(calls)
                .setLatestCallDate(date(latest)).build();
    }

    private static ReleaseOutcome released(String person, String detention) {
        return ReleaseOutcome.newBuilder().setPerson(person).setDetention(detentionName(detention)).setDetainingCountry("AZ")
                .setCallCount(3).setFirstCallDate(date("2023-08-02")).setLatestCallDate(date("2023-10-15"))
                .addCallers(caller("blinken", "Antony J. Blinken", "US", 2, "2023-10-15"))
                .addCallers(caller("berlin", "Federal Foreign Office", "DE", 1, "2023-09"))
                .addCallerCountries("DE").addCallerCountries("US")
                .setStatus(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED).setEndDate(date("2024-01-10"))
                .setDaysToRelease(161).build();
    }

    private static ReleaseOutcome held(String person, String detention) {
        return ReleaseOutcome.newBuilder().setPerson(person).setDetention(detentionName(detention)).setDetainingCountry("AZ")
                .setCallCount(1).setFirstCallDate(date("2024-04")).setLatestCallDate(date("2024-04"))
                .addCallers(caller("blinken", "Antony J. Blinken", "US", 1, "2024-04")).addCallerCountries("US")
                .setStatus(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD).setDaysOutstanding(230).build();
    }

    @Test
    void aPersonsOutcomeShowsEveryFieldAsJson() {
        Backends.personOutcomes.put(PERSON, GetPersonReleaseOutcomeResponse.newBuilder()
                .addOutcomes(held(PERSON, "second")).addOutcomes(released(PERSON, "first")).setCallsOutsideDetention(1).build());

        given().queryParam("asOf", "2024-12-01T00:00:00Z").get(PERSON_OUTCOME).then().statusCode(200)
                .body("person", is(id("ibadoglu")))
                .body("callsOutsideDetention", is(1))
                .body("outcomes", hasSize(2))
                .body("outcomes[0].status", is("still_held"))
                .body("outcomes[0].daysOutstanding", is(230))
                .body("outcomes[0].daysToRelease", nullValue())
                .body("outcomes[0].endDate", nullValue())
                .body("outcomes[0].firstCall.label", is("April 2024"))
                .body("outcomes[1].person", is(id("ibadoglu")))
                .body("outcomes[1].detention", is(id(io.habeas.kernel.names.DetentionName.class, "first").toString()))
                .body("outcomes[1].detainingCountry", is("AZ"))
                .body("outcomes[1].status", is("released"))
                .body("outcomes[1].callCount", is(3))
                .body("outcomes[1].firstCall.value", is("2023-08-02"))
                .body("outcomes[1].firstCall.precision", is("day"))
                .body("outcomes[1].firstCall.label", is("2 August 2023"))
                .body("outcomes[1].latestCall.value", is("2023-10-15"))
                .body("outcomes[1].callers.actor", contains(id(io.habeas.kernel.names.ActorName.class, "blinken").toString(),
                        id(io.habeas.kernel.names.ActorName.class, "berlin").toString()))
                .body("outcomes[1].callers.name", contains("Antony J. Blinken", "Federal Foreign Office"))
                .body("outcomes[1].callers.country", contains("US", "DE"))
                .body("outcomes[1].callers.count", contains(2, 1))
                .body("outcomes[1].callers[1].latest.label", is("September 2023"))
                .body("outcomes[1].callerCountries", contains("DE", "US"))
                .body("outcomes[1].endDate.value", is("2024-01-10"))
                .body("outcomes[1].daysToRelease", is(161))
                .body("outcomes[1].daysOutstanding", nullValue());
        assertTrue(Backends.asOfs.contains("GetPersonReleaseOutcome=2024-12-01T00:00:00Z"), Backends.asOfs.toString());
    }

    @Test
    void aPersonNobodyCalledForHasNoOutcomes() {
        given().get(PERSON_OUTCOME).then().statusCode(200).body("outcomes", hasSize(0)).body("callsOutsideDetention", is(0));
        assertEquals(List.of("GetPersonReleaseOutcome=unset"), Backends.asOfs);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/persons/not-a-uuid/release-outcome|personId",
            "/api/v1/persons/{ibadoglu}/release-outcome?asOf=2024-03-01|asOf",
            "/api/v1/persons/{ibadoglu}/release-outcome?asOf=2999-01-01T00:00:00Z|asOf",
            "/api/v1/persons/{ibadoglu}/release-outcome?as_of=2024-03-01T00:00:00Z|as_of",
            "/api/v1/release-outcomes?detainingCountry=XX|detainingCountry",
            "/api/v1/release-outcomes?detainingCountry=AZE|detainingCountry",
            "/api/v1/release-outcomes?callerCountry=usa|callerCountry",
            "/api/v1/release-outcomes?callerActor=blinken|callerActor",
            "/api/v1/release-outcomes?callerActor=actors/{uuid}|callerActor",
            "/api/v1/release-outcomes?detainingCountry=AZ&pageSize=0|pageSize",
            "/api/v1/release-outcomes?detainingCountry=AZ&pageSize=201|pageSize",
            "/api/v1/release-outcomes?detainingCountry=AZ&cursor=not-a-cursor|cursor",
            "/api/v1/release-outcomes?detainingCountry=AZ&format=xml|format",
            "/api/v1/release-outcomes?detainingCountry=AZ&asOf=yesterday|asOf",
            "/api/v1/release-outcomes?detainingCountry=AZ&country=AZ|country",
            "/api/v1/release-outcomes?detainingCountry=AZ&detainingCountry=RU|detainingCountry",
            "/api/v1/release-outcomes?callerCountry=XX&format=csv|callerCountry" })
    void aBadParameterIs400NamingIt(String path, String parameter) {
        given().urlEncodingEnabled(false).get(path.replace("{ibadoglu}", id("ibadoglu")).replace("{uuid}", id("record")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", contains(parameter));
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void aScopeIsExactlyOneOfThreeParameters() {
        given().get(LIST).then().statusCode(400)
                .body("invalidParams.name", contains("detainingCountry", "callerActor", "callerCountry"))
                .body("invalidParams[0].reason", is("give exactly one of detainingCountry, callerActor, callerCountry"));
        given().queryParam("detainingCountry", "AZ").queryParam("callerCountry", "US").get(LIST).then().statusCode(400)
                .body("invalidParams.name", contains("detainingCountry", "callerCountry"));
        given().queryParam("detainingCountry", "AZ").queryParam("callerActor", id("record"))
                .queryParam("callerCountry", "US").queryParam("format", "csv").get(LIST).then().statusCode(400)
                .body("invalidParams.name", contains("detainingCountry", "callerActor", "callerCountry"));
        assertEquals(List.of(), Backends.calls);
    }

    @Test
    void theFirstPageHoldsTheStatisticsAndTheCursorWalksTheRest() {
        for (int i = 0; i < 3; i++) {
            Backends.outcomes.add(released(personName("p" + i), "d" + i));
        }
        Backends.outcomes.add(held(personName("ru"), "ru").toBuilder().setDetainingCountry("RU").build());
        Backends.outcomeStatistics = ReleaseOutcomeStatistics.newBuilder().setPersonsWithCalls(3).setCallCount(9)
                .setReleasedAfterCalls(3).setMedianDaysToRelease(161.0).setLongestDaysToRelease(161).build();

        String cursor = given().queryParam("detainingCountry", "az").queryParam("pageSize", 2).get(LIST).then().statusCode(200)
                .body("scope.detainingCountry", is("AZ"))
                .body("scope.callerActor", nullValue())
                .body("statistics.personsWithCalls", is(3))
                .body("statistics.callCount", is(9))
                .body("statistics.releasedAfterCalls", is(3))
                .body("statistics.stillHeld", is(0))
                .body("statistics.otherEnd", is(0))
                .body("statistics.medianDaysToRelease", is(161.0f))
                .body("statistics.longestDaysToRelease", is(161))
                .body("statistics.longestDaysOutstanding", is(0))
                .body("statistics.longestOutstandingPerson", nullValue())
                .body("outcomes.person", contains(id("p0"), id("p1")))
                .extract().path("nextCursor");

        given().queryParam("detainingCountry", "AZ").queryParam("pageSize", 2).queryParam("cursor", cursor).get(LIST).then()
                .statusCode(200)
                .body("statistics", nullValue())
                .body("outcomes.person", contains(id("p2")))
                .body("nextCursor", nullValue());
        assertEquals(List.of(ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ").build()),
                Backends.outcomeScopes.stream().distinct().toList());
        assertEquals(1, Backends.calls.stream().filter(c -> c.equals("GetReleaseOutcomeStatistics")).count(),
                "statistics once, with the first page");

        // the cursor is bound to its scope, and to its caller
        given().queryParam("detainingCountry", "RU").queryParam("cursor", cursor).get(LIST).then().statusCode(400)
                .body("invalidParams.name", contains("cursor"));
        callAs(TestTokens.withGroups("someone-else@habeas.test", Role.ANALYST.claim()));
        given().queryParam("detainingCountry", "AZ").queryParam("cursor", cursor).get(LIST).then().statusCode(400)
                .body("invalidParams.name", contains("cursor"));
    }

    @Test
    void aCallerIsAskedForByItsActorNameAndACallersCountryByItsCode() {
        Backends.outcomes.add(released(personName("p0"), "d0"));
        given().queryParam("callerActor", id(io.habeas.kernel.names.ActorName.class, "berlin").toString()).get(LIST).then()
                .statusCode(200).body("outcomes", hasSize(1))
                .body("scope.callerActor", is(id(io.habeas.kernel.names.ActorName.class, "berlin").toString()));
        given().queryParam("callerCountry", "de").queryParam("asOf", "2024-12-01T00:00:00Z").get(LIST).then().statusCode(200)
                .body("outcomes", hasSize(1)).body("scope.callerCountry", is("DE"));
        given().queryParam("callerCountry", "FR").get(LIST).then().statusCode(200).body("outcomes", hasSize(0));

        assertEquals(List.of(actorName("berlin"), actorName("berlin"), "", "", "", ""),
                Backends.outcomeScopes.stream().map(ReleaseOutcomeScope::getCaller).toList());
        assertEquals(List.of("", "", "DE", "DE", "FR", "FR"),
                Backends.outcomeScopes.stream().map(ReleaseOutcomeScope::getCallerCountry).toList());
        assertTrue(Backends.asOfs.contains("ListReleaseOutcomes=2024-12-01T00:00:00Z"));
        assertTrue(Backends.asOfs.contains("GetReleaseOutcomeStatistics=2024-12-01T00:00:00Z"));
    }

    @Test
    void csvDownloadsEveryOutcomeOfTheScopeAcrossPages() {
        for (int i = 0; i < 250; i++) {
            Backends.outcomes.add(released(personName("p" + i), "d" + i));
        }
        Backends.outcomes.add(held(personName("held"), "held"));
        String csv = given().queryParam("detainingCountry", "AZ").queryParam("format", "csv").get(LIST).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("release-outcomes-AZ.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("person,detention,detaining_country,status,call_count,first_call_date,latest_call_date,callers,"
                + "caller_countries,end_date,days_to_release,days_outstanding", lines.get(0));
        assertEquals(252, lines.size(), "the header and every outcome, across pages of 200");
        assertEquals(id("p0") + "," + id(io.habeas.kernel.names.DetentionName.class, "d0") + ",AZ,released,3,2023-08-02,"
                + "2023-10-15,Antony J. Blinken (2) | Federal Foreign Office (1),DE US,2024-01-10,161,", lines.get(1));
        assertEquals(id("held") + "," + id(io.habeas.kernel.names.DetentionName.class, "held") + ",AZ,still_held,1,2024-04,"
                + "2024-04,Antony J. Blinken (1),US,,,230", lines.get(251));
        assertEquals(0, Backends.calls.stream().filter(c -> c.equals("GetReleaseOutcomeStatistics")).count());
    }

    @Test
    void acceptTextCsvAlsoDownloads() {
        Backends.outcomes.add(held(personName("held"), "held"));
        given().accept("text/csv").queryParam("callerCountry", "US").get(LIST).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("release-outcomes-caller-US.csv"))
                .body(containsString(",still_held,"));
    }

    @Test
    void withoutStatementServiceThereIsNoAnswer() {
        Backends.statementMode = Backends.Mode.DOWN;
        given().get(PERSON_OUTCOME).then().statusCode(503).contentType("application/problem+json")
                .body("missing.service", contains("statement-service"));
        given().queryParam("detainingCountry", "AZ").get(LIST).then().statusCode(503);
        given().queryParam("detainingCountry", "AZ").queryParam("format", "csv").get(LIST).then().statusCode(503);
    }

    @Test
    void aCallerWithoutATokenIsRefused() {
        RestAssured.requestSpecification = null;
        given().get(PERSON_OUTCOME).then().statusCode(401);
        given().queryParam("detainingCountry", "AZ").get(LIST).then().statusCode(401);
        assertEquals(List.of(), Backends.calls);
    }
}
