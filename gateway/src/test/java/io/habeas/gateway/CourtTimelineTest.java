package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CourtDecision;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Court events on person and country timelines, JSON and CSV, and the sentence a conviction takes from its verdict. */
@QuarkusTest
class CourtTimelineTest extends GatewayTest {
    private static final SentenceTerm TEN_YEARS = SentenceTerm.newBuilder().setYears(10).build();

    private final String verdict = courtEventName("1", "verdict");
    private final String hearing = courtEventName("1", "hearing");
    private final String counterfeit = chargeName("1", "counterfeit");

    @BeforeEach
    void recordTheTrial() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Detention d = detention(detentionName("1"), PERSON, "AZ", "2023-07-23", CustodyStatus.CUSTODY_STATUS_SERVING_SENTENCE,
                true, 500, PUBLIC);
        Backends.detentions.add(d);
        Backends.feed.add(started(d));
        Backends.feed.add(court(courtEvent(hearing, CourtEventType.COURT_EVENT_TYPE_CLOSED_HEARING, "2024-06-03", PUBLIC)
                .setClosedToPublic(true).build(), PERSON, "AZ"));
        Backends.feed.add(court(courtEvent(verdict, CourtEventType.COURT_EVENT_TYPE_VERDICT, "2024-09", PUBLIC)
                .setDecision(CourtDecision.COURT_DECISION_CONVICTED).setSentence(TEN_YEARS)
                .addCharges(counterfeit).addCharges(chargeName("1", "extremism"))
                .setDescription("Found guilty of both charges").setPlace("Baku").build(), PERSON, "AZ"));
    }

    @Test
    void aPersonsTimelineShowsCourtEventsWithTheCourtTheDecisionAndTheTotalSentence() {
        given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(detentionName("1"), hearing, verdict))
                .body("events[1].kind", is("court"))
                .body("events[1].type", is("closed_hearing"))
                .body("events[1].title", is("Closed hearing at Baku Grave Crimes Court"))
                .body("events[1].detail", is("closed to the public"))
                .body("events[2].kind", is("court"))
                .body("events[2].type", is("verdict"))
                .body("events[2].date.label", is("September 2024"))
                .body("events[2].title", is("Verdict at Baku Grave Crimes Court: convicted"))
                .body("events[2].detail", is("sentence: 10 years, over 2 charges; Found guilty of both charges; Baku"))
                .body("events[2].id", is("detention-service:" + verdict))
                .body("events[2].persons[0].name", is("Gubad Ibadoglu"))
                .body("events[2].countries[0].code", is("AZ"))
                .body("events[2].sources.title", contains("Court report on " + verdict))
                .body(not(containsString("Secret note")));
    }

    @Test
    void kindCourtKeepsOnlyTheProceedingsOnPersonAndCountryTimelines() {
        Backends.claims.add(claim(statementName("call"), "2024-09-30", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                List.of(), "AZ", PUBLIC));
        given().queryParam("kind", "court").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .body("events.record", contains(hearing, verdict));
        given().queryParam("kind", "court,claim").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                .statusCode(200).body("events.kind", contains("court", "claim", "court"));
        given().queryParam("kind", "court").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(hearing, verdict));
        given().queryParam("kind", "trial").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(400)
                .body(containsString("court"));
    }

    @Test
    void aCourtEventAboveTheCallersClearanceIsLeftOut() {
        Backends.feed.add(court(courtEvent(courtEventName("1", "secret"), CourtEventType.COURT_EVENT_TYPE_HEARING, "2024-07-01",
                CONFIDENTIAL).build(), PERSON, "AZ"));
        given().get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("events.record", contains(detentionName("1"), hearing, verdict));
    }

    @Test
    void aConvictionFollowingTheVerdictShowsTheSentenceTheBackendGivesIt() {
        var convicted = charge(counterfeit, "204.3.1", "2023-07-23").toBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .addStatusHistory(ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                        .setEffectiveOn(d("2024-09")).setSentenceTerm(TEN_YEARS).setCourtEvent(verdict)
                        .addSources(source("Verdict report")))
                .build();
        Backends.feed.add(FeedItem.newBuilder().setKind(FeedItemKind.FEED_ITEM_KIND_CHARGE_STATUS_CHANGED).setDate(d("2024-09"))
                .setPerson(PERSON).setDetainingCountry("AZ").setDetentionName(detentionName("1")).setCharge(convicted)
                .setStatusChangeIndex(0).setAccessLevel(PUBLIC).build());

        given().queryParam("kind", "charge_status").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                .statusCode(200)
                .body("events.record", contains(counterfeit))
                .body("events[0].type", is("convicted"))
                .body("events[0].detail", is("sentence: 10 years"));
    }

    @Test
    void theCsvDownloadHoldsCourtEventsToo() {
        String csv = given().queryParam("format", "csv").queryParam("kind", "court")
                .get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertEquals("2024-09,month,September 2024,court,verdict,Verdict at Baku Grave Crimes Court: convicted,"
                + "\"sentence: 10 years, over 2 charges; Found guilty of both charges; Baku\"," + id("ibadoglu")
                + ",AZ:detaining,JAMnews: Court report on " + verdict + " <https://jam-news.net/x>,detention-service,"
                + "detention-service:" + verdict, lines.get(2));
        given().queryParam("format", "csv").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body(containsString(",court,closed_hearing,Closed hearing at Baku Grave Crimes Court,"));
    }
}
