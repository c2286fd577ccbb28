package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineOrderTest extends GatewayTest {

    void demoPerson() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Detention d = detention(detentionName("1"), PERSON, "AZ", "2023-07-23", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                true, 300, PUBLIC);
        Backends.detentions.add(d);
        Backends.feed.add(started(d));
    }

    @Test
    void mergesMixedPrecisionsByLastDayThenFinerFirstThenDetentionBeforeStatement() {
        demoPerson();
        // recorded out of order on purpose: the backends order by date, the gateway merges
        Backends.feed.add(custody(custodyEventName("1", "y"), PERSON, "AZ", "2023", CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "m"), PERSON, "AZ", "2023-07", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "31"), PERSON, "AZ", "2023-07-31", CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, PUBLIC));
        Backends.claims.add(claim(statementName("m"), "2023-07", ClaimKind.CLAIM_KIND_DENIAL, PERSON, "AZ", List.of(), "", PUBLIC));
        Backends.claims.add(claim(statementName("23"), "2023-07-23", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ", PUBLIC));
        Backends.claims.add(claim(statementName("dec"), "2023-12-31", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US", List.of(), "AZ", PUBLIC));
        Backends.claims.add(claim(statementName("aug"), "2023-08", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "", PUBLIC));

        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("partial", is(false))
                .body("nextCursor", nullValue())
                .body("events.record", contains(
                        detentionName("1"),                  // 23 July 2023, detention-service first
                        claimName("23"),                     // 23 July 2023
                        custodyEventName("1", "31"),         // 31 July 2023: a day before its month
                        custodyEventName("1", "m"),          // July 2023, detention-service first
                        claimName("m"),                      // July 2023
                        claimName("aug"),                    // August 2023
                        claimName("dec"),                    // 31 December 2023: a day before its year
                        custodyEventName("1", "y")))         // 2023
                .body("events.sortKey", contains("2023-07-23.0.0", "2023-07-23.0.1", "2023-07-31.0.0", "2023-07-31.1.0",
                        "2023-07-31.1.1", "2023-08-31.1.1", "2023-12-31.0.1", "2023-12-31.2.0"))
                .body("events[3].date.value", is("2023-07"))
                .body("events[3].date.precision", is("month"))
                .body("events[3].date.label", is("July 2023"))
                .body("events[3].kind", is("custody"))
                .body("events[3].type", is("arrest"))
                .body("events[3].origin", is("detention-service"))
                .body("events[3].countries[0].code", is("AZ"))
                .body("events[3].persons[0].id", is(id("ibadoglu")))
                .body("events[3].persons[0].name", is("Gubad Ibadoglu"))
                .body("events[0].date.label", is("23 July 2023"))
                .body("events[7].date.label", is("2023"))
                .body("events[1].origin", is("statement-service"))
                .body("events[1].kind", is("claim"))
                .body("events[1].type", is("concern"))
                .body("events[1].countries.role", hasItems("speaker", "addressee"));
    }

    /** Extended some time in "2024", released on 1 August 2024; a call for release made in September 2024. */
    void extensionKnownOnlyToItsYearThenReleaseThenCall() {
        demoPerson();
        Backends.feed.add(custody(custodyEventName("1", "extended"), PERSON, "AZ", "2024",
                CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, PUBLIC).toBuilder().setPlacedAt(d("2024-08-01")).build());
        Backends.feed.add(custody(custodyEventName("1", "released"), PERSON, "AZ", "2024-08-01",
                CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, PUBLIC));
        Backends.claims.add(claim(statementName("sep"), "2024-09", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                List.of(), "AZ", PUBLIC));
    }

    @Test
    void aCustodyEventPlacedBeforeTheReleaseIsMergedThereAndShowsItsOwnDate() {
        extensionKnownOnlyToItsYearThenReleaseThenCall();

        List<String> inOrder = List.of(detentionName("1"), custodyEventName("1", "extended"),
                custodyEventName("1", "released"), claimName("sep"));
        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", is(inOrder))
                .body("events[1].date.value", is("2024"))
                .body("events[1].date.precision", is("year"))
                .body("events[1].date.label", is("2024"))
                .body("events[1].sortKey", is("2024-08-01.0.0"))
                .body(not(containsString("placed")));
        given().get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", is(inOrder));
    }

    @Test
    void theCsvDownloadKeepsTheLifecycleOrder() {
        extensionKnownOnlyToItsYearThenReleaseThenCall();

        for (String path : List.of("/api/v1/persons/" + id("ibadoglu") + "/timeline", "/api/v1/countries/AZ/timeline")) {
            List<String> lines = given().queryParam("format", "csv").get(path).then().statusCode(200).extract().asString()
                    .lines().skip(1).toList();
            assertEquals(4, lines.size(), path);
            assertThat(path, lines.get(0), startsWith("2023-07-23,day,23 July 2023,detention,"));
            assertThat(path, lines.get(1), startsWith("2024,year,2024,custody,detention_extended,"));
            assertThat(path, lines.get(2), startsWith("2024-08-01,day,1 August 2024,custody,release,"));
            assertThat(path, lines.get(3), startsWith("2024-09,month,September 2024,claim,"));
        }
    }

    @Test
    void anEventPlacedAfterAnImpreciseStartStaysAfterItWithItsOwnDate() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Detention begun = detention(detentionName("1"), PERSON, "AZ", "2023", CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION,
                true, 300, PUBLIC);
        Backends.detentions.add(begun);
        Backends.feed.add(started(begun));
        Backends.feed.add(custody(custodyEventName("1", "aug"), PERSON, "AZ", "2023-08-01",
                CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, PUBLIC).toBuilder().setPlacedAt(d("2023")).build());
        Backends.claims.add(claim(statementName("sep"), "2023-09", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ", PUBLIC));
        Backends.claims.add(claim(statementName("year"), "2023", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ", PUBLIC));

        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", is(List.of(claimName("sep"), detentionName("1"), custodyEventName("1", "aug"),
                        claimName("year"))))
                .body("events[2].date.label", is("1 August 2023"));
    }

    @Test
    void onOneDayTheDetentionsLifecycleComesFirstInTheBackendsOrder() {
        demoPerson();
        Backends.feed.add(custody(custodyEventName("1", "arrest"), PERSON, "AZ", "2023-07-23",
                CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "release"), PERSON, "AZ", "2023-07-23",
                CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, PUBLIC));
        Backends.claims.add(claim(statementName("23"), "2023-07-23", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ", PUBLIC));

        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", is(List.of(detentionName("1"), custodyEventName("1", "arrest"),
                        custodyEventName("1", "release"), claimName("23"))));
    }

    @Test
    void neverServesConfidentialRecordsOrSources() {
        demoPerson();
        Backends.feed.add(custody(custodyEventName("1", "open"), PERSON, "AZ", "2023-08-01", CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "secret"), PERSON, "AZ", "2023-08-02", CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, CONFIDENTIAL));
        Backends.claims.add(claim(statementName("secret"), "2023-08-03", ClaimKind.CLAIM_KIND_ALLEGATION, PERSON, "AZ", List.of(), "", CONFIDENTIAL));
        // a confidential detention hides its events too
        Detention hidden = detention(detentionName("2"), PERSON, "AZ", "2020-01-01", CustodyStatus.CUSTODY_STATUS_RELEASED, false, 5, CONFIDENTIAL);
        Backends.detentions.add(hidden);
        Backends.feed.add(started(hidden));
        Backends.feed.add(custody(custodyEventName("2", "a"), PERSON, "AZ", "2020-01-02", CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, PUBLIC));

        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(detentionName("1"), custodyEventName("1", "open")))
                .body("events[1].sources.title", contains("Report on " + custodyEventName("1", "open")))
                .body(not(containsString("Secret note")))
                .body(not(containsString("Informant")));
    }

    @Test
    void countryTimelinesHideItemsWhoseDetentionOrPersonIsConfidential() {
        demoPerson();
        Backends.feed.add(custody(custodyEventName("1", "open"), PERSON, "AZ", "2023-08-01",
                CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, PUBLIC));
        Backends.feed.add(custody(custodyEventName("3", "of-a-hidden-person"), personName("hidden"), "AZ", "2023-08-02",
                CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, PUBLIC).toBuilder().setAccessLevel(CONFIDENTIAL).build());

        given().queryParam("role", "detaining").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", hasItem(custodyEventName("1", "open")))
                .body("events.record", not(hasItem(custodyEventName("3", "of-a-hidden-person"))));
    }

    @Test
    void hidesConfidentialPersonsAsUnknown() {
        Backends.persons.add(person(PERSON, "Someone", CONFIDENTIAL));
        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/persons/" + id("ibadoglu")).then().statusCode(404);
    }
}
