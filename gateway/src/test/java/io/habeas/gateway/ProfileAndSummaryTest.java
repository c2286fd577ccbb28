package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.habeas.detention.v1.ArticleCount;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.MonthlyCount;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.CallerCount;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileAndSummaryTest extends GatewayTest {

    void demoCase() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(person(personName("freed"), "Freed Person", PUBLIC));
        Backends.persons.add(person(personName("secret"), "Secret Person", CONFIDENTIAL));
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07-23", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, true, 300, PUBLIC));
        Backends.detentions.add(detention(detentionName("2"), personName("freed"), "AZ", "2022-01", CustodyStatus.CUSTODY_STATUS_RELEASED, false, 40, PUBLIC));
        Backends.detentions.add(detention(detentionName("3"), personName("secret"), "AZ", "2022-01", CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, true, 40, PUBLIC));
        Backends.charges.put(detentionName("1"), java.util.List.of(charge(chargeName("1", "1"), "204.3.1", "2023-07-24"),
                charge(chargeName("1", "2"), "167-3.1", "2023-12")));
        Backends.releaseCalls.put(PERSON, GetReleaseCallSummaryResponse.newBuilder().setCallCount(2)
                .setFirstCallDate(d("2023-08")).setLatestCallDate(d("2024-04-28"))
                .addCallers(CallerCount.newBuilder().setActor(actorName("blinken")).setDisplayName("Antony J. Blinken")
                        .setCountry("US").setCallCount(2).setLatestCallDate(d("2024-04-28")))
                .build());
        Backends.releaseCalls.put(personName("freed"), GetReleaseCallSummaryResponse.newBuilder().setCallCount(1)
                .addCallers(CallerCount.newBuilder().setActor(actorName("pace")).setCountry("").setCallCount(1)).build());
        Backends.statistics = GetCountryStatisticsResponse.newBuilder().setHeldNow(2)
                .addMonthly(MonthlyCount.newBuilder().setYear(2023).setMonth(7).setNewDetentions(1))
                .addMonthly(MonthlyCount.newBuilder().setYear(2023).setMonth(0).setReleases(1))
                .addArticles(ArticleCount.newBuilder().setJurisdiction("AZ").setLegalCode("Criminal Code").setArticle("204")
                        .setChargeCount(3).setPersonCount(2))
                .build();
    }

    @Test
    void profileDerivesStatusDaysChargesAndOutstandingCall() {
        demoCase();
        given().get("/api/v1/persons/" + id("ibadoglu")).then().statusCode(200)
                .body("id", is(id("ibadoglu")))
                .body("displayName", is("Gubad Ibadoglu"))
                .body("aliases[0].name", is("Qubad İbadoğlu"))
                .body("currentStatus", is("house_arrest"))
                .body("held", is(true))
                .body("daysInCustody", is(300))
                .body("charges.articleReference", contains("204.3.1", "167-3.1"))
                .body("charges[0].article.article", is("204"))
                .body("charges[0].article.part", is("3"))
                .body("charges[1].filedOn.label", is("December 2023"))
                .body("detentions[0].start.label", is("23 July 2023"))
                .body("releaseCalls.count", is(2))
                .body("releaseCalls.first.label", is("August 2023"))
                .body("releaseCalls.latest.value", is("2024-04-28"))
                .body("releaseCalls.byWhom[0].name", is("Antony J. Blinken"))
                .body("releaseCalls.byWhom[0].country", is("US"))
                .body("callOutstanding", is(true))
                .body("partial", is(false));
        given().get("/api/v1/persons/" + id("freed")).then().statusCode(200)
                .body("currentStatus", is("released")).body("held", is(false)).body("callOutstanding", is(false));
    }

    @Test
    void countrySummaryCombinesStatisticsAndReleaseCalls() {
        demoCase();
        given().get("/api/v1/countries/az/summary").then().statusCode(200)
                .body("country", is("AZ"))
                .body("heldNow", is(2))
                .body("monthly.month", contains("2023-07", "2023"))
                .body("monthly[0].label", is("July 2023"))
                .body("topArticles[0].article", is("204"))
                .body("releaseCallsBySpeakerCountry.country", contains("US", ""))
                .body("releaseCallsBySpeakerCountry.calls", contains(2, 1))
                .body("personsWithOutstandingCalls.id", contains(id("ibadoglu")))
                .body("personsWithOutstandingCalls[0].currentStatus", is("house_arrest"))
                .body(not(containsString("Secret Person")))
                .body("partial", is(false));
        // one batch for all detainees, not a call per person
        org.junit.jupiter.api.Assertions.assertEquals(1, Backends.calls.stream()
                .filter(c -> c.startsWith("BatchGetReleaseCallSummaries")).count(), Backends.calls.toString());
        org.junit.jupiter.api.Assertions.assertFalse(Backends.calls.contains("GetReleaseCallSummary"), Backends.calls.toString());
        Backends.statementMode = Backends.Mode.DOWN;
        given().get("/api/v1/countries/AZ/summary").then().statusCode(200)
                .body("partial", is(true)).body("heldNow", is(2)).body("releaseCallsBySpeakerCountry", nullValue());
    }

    @Test
    void listsAndSearchesPersonsWithFiltersAndCursor() {
        demoCase();
        given().get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("ibadoglu"), id("freed")))
                .body("persons[0].currentStatus", is("house_arrest"))
                .body("persons[0].detainingCountries", contains("AZ"))
                .body("nextCursor", nullValue());
        // one list call for the page's detentions, not one per person
        org.junit.jupiter.api.Assertions.assertEquals(1, Backends.calls.stream().filter(c -> c.equals("ListDetentions")).count(),
                Backends.calls.toString());
        given().queryParam("status", "held").get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("ibadoglu")));
        given().queryParam("q", "qubad").queryParam("country", "az").get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("ibadoglu"), id("freed")));
        given().queryParam("country", "AM").get("/api/v1/persons").then().statusCode(200).body("persons", empty());
        String cursor = given().queryParam("pageSize", 1).get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("ibadoglu"))).extract().path("nextCursor");
        given().queryParam("pageSize", 1).queryParam("cursor", cursor).get("/api/v1/persons").then().statusCode(200)
                .body("persons.id", contains(id("freed")));
    }

    @Test
    void servesOpenApiSwaggerUiAndCorsForDashboards() {
        given().get(management("/q/openapi?format=json")).then().statusCode(200)
                .body(containsString("/api/v1/persons/{personId}/timeline"))
                .body(containsString("/api/v1/countries/{countryCode}/summary"));
        given().get(management("/q/swagger-ui/")).then().statusCode(200);
        given().header("Origin", "https://dash.example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/persons").then()
                .header("Access-Control-Allow-Origin", "https://dash.example.org");
        given().get(management("/q/health/ready")).then().statusCode(200);
    }
}
