package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.IncidentType;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents on timelines: kind "incident", type the incident's ("travel_ban"), in date order among
 * the detentions' facts and the claims, on the person's timeline and on the timeline of the country
 * whose authorities acted (its "detaining" role), filtered by kind, in JSON and CSV.
 */
@QuarkusTest
class IncidentTimelineTest extends GatewayTest {
    private static final String BAN = incidentName("ibadoglu", "ban");
    private static final String PASSPORT = incidentName("ibadoglu", "passport");

    @BeforeEach
    void recordTheCase() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Detention d = detention(detentionName("1"), PERSON, "AZ", "2023-07-23", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                true, 300, PUBLIC);
        Backends.detentions.add(d);
        Backends.feed.add(started(d));
        Backends.feed.add(incident(BAN, "AZ", "2023-05-12", IncidentType.INCIDENT_TYPE_TRAVEL_BAN, PUBLIC).toBuilder()
                .setIncident(incident(BAN, "AZ", "2023-05-12", IncidentType.INCIDENT_TYPE_TRAVEL_BAN, PUBLIC).getIncident()
                        .toBuilder().setUntilDate(d("2024"))).build());
        Backends.feed.add(incident(PASSPORT, "AZ", "2023-07", IncidentType.INCIDENT_TYPE_PASSPORT_CONFISCATION, PUBLIC));
        Backends.claims.add(claim(statementName("june"), "2023-06", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ",
                PUBLIC));
    }

    @Test
    void aPersonsTimelineShowsIncidentsInDateOrderAmongDetentionsAndClaims() {
        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, claimName("june"), detentionName("1"), PASSPORT))
                .body("events[0].id", is("detention-service:" + BAN))
                .body("events[0].kind", is("incident"))
                .body("events[0].type", is("travel_ban"))
                .body("events[0].title", is("Barred from leaving the country"))
                .body("events[0].detail", is("incident " + BAN + "; until 2024; State Border Service; "
                        + "Heydar Aliyev International Airport"))
                .body("events[0].date.label", is("12 May 2023"))
                .body("events[0].persons[0].id", is(id("ibadoglu")))
                .body("events[0].persons[0].name", is("Gubad Ibadoglu"))
                .body("events[0].countries", hasSize(1))
                .body("events[0].countries[0].code", is("AZ"))
                .body("events[0].countries[0].role", is("acting"))
                .body("events[0].origin", is("detention-service"))
                .body("events[0].sources.title", contains("Report on " + BAN))
                .body("events[3].type", is("passport_confiscation"))
                .body("events[3].title", is("Passport confiscated"))
                .body("events[3].date.label", is("July 2023"))
                .body(not(containsString("Secret note")));
    }

    @Test
    void kindIncidentKeepsOnlyIncidentsAndOtherKindsLeaveThemOut() {
        given().queryParam("kind", "incident").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, PASSPORT));
        given().queryParam("kind", "detention,claim").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                .statusCode(200).body("events.record", contains(claimName("june"), detentionName("1")));
        given().queryParam("kind", "incident").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, PASSPORT));
        given().queryParam("kind", "incidents").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(400)
                .body("invalidParams.name", hasItem("kind"))
                .body("invalidParams.reason", hasItem(containsString("incident, claim")));
    }

    @Test
    void aCountrysTimelineShowsTheIncidentsByItsAuthoritiesUnderItsDetainingRole() {
        String summons = incidentName("ibadoglu", "summons");
        Backends.feed.add(incident(summons, "BY", "2024-02-01", IncidentType.INCIDENT_TYPE_SUMMONS, PUBLIC));

        given().queryParam("role", "detaining").get("/api/v1/countries/BY/timeline").then().statusCode(200)
                .body("events.record", contains(summons))
                .body("events[0].type", is("summons"))
                .body("events[0].title", is("Summoned"))
                .body("events[0].countries[0].code", is("BY"));
        given().queryParam("role", "speaking,subject").get("/api/v1/countries/BY/timeline").then().statusCode(200)
                .body("events", empty());
        given().queryParam("role", "detaining").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, claimName("june"), detentionName("1"), PASSPORT));
    }

    @Test
    void anIncidentAboveTheCallersClearanceIsNotShown() {
        String secret = incidentName("ibadoglu", "secret");
        String restricted = incidentName("ibadoglu", "restricted");
        Backends.feed.add(incident(secret, "AZ", "2023-08-01", IncidentType.INCIDENT_TYPE_HARASSMENT, CONFIDENTIAL));
        Backends.feed.add(incident(restricted, "AZ", "2023-08-02", IncidentType.INCIDENT_TYPE_SEARCH, RESTRICTED));

        given().queryParam("kind", "incident").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, PASSPORT, restricted));
        callAs(TestTokens.of(Role.VIEWER));
        given().queryParam("kind", "incident").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, PASSPORT));
    }

    @Test
    void theCsvDownloadHoldsIncidentsAsRows() {
        String csv = given().queryParam("format", "csv").queryParam("kind", "incident")
                .get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertEquals("2023-05-12,day,12 May 2023,incident,travel_ban,Barred from leaving the country,incident " + BAN
                + "; until 2024; State Border Service; Heydar Aliyev International Airport," + id("ibadoglu")
                + ",AZ:acting,JAMnews: Report on " + BAN + " <https://jam-news.net/x>,detention-service,detention-service:" + BAN,
                lines.get(1));
        given().accept("text/csv").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body(containsString("July 2023,incident,passport_confiscation,Passport confiscated"));
    }

    @Test
    void asOfAnInstantAnIncidentRecordedLaterDoesNotShow() {
        Backends.recordedAt.put(PASSPORT, java.time.Instant.parse("2024-06-01T00:00:00Z"));
        given().queryParam("kind", "incident").queryParam("asOf", "2024-03-01T00:00:00Z")
                .get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(BAN));
        given().queryParam("kind", "incident").queryParam("asOf", "2024-07-01T00:00:00Z")
                .get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(BAN, PASSPORT));
    }
}
