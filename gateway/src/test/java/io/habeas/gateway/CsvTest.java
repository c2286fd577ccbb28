package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.CustodyEventType;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvTest extends GatewayTest {

    @Test
    void downloadsTheWholeTimelineAsCsv() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        String event = custodyEventName("1", "a");
        Backends.feed.add(custody(event, PERSON, "AZ", "2023-07", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC));
        for (int i = 0; i < 250; i++) {
            Backends.claims.add(claim(statementName(Integer.toString(i)), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                    List.of(), "AZ", PUBLIC));
        }
        String csv = given().queryParam("format", "csv").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("person-" + id("ibadoglu") + "-timeline.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("date,precision,date_label,kind,type,title,detail,persons,countries,sources,origin,id", lines.get(0));
        assertEquals(252, lines.size(), "header and every event, across pages");
        // a comma in the title is quoted; the month is a month, never an invented day
        assertEquals("2023-07,month,July 2023,custody,arrest,Arrested,event " + event + "," + id("ibadoglu") + ",AZ:detaining,"
                + "JAMnews: Report on " + event + " <https://jam-news.net/x>,detention-service,"
                + "detention-service:" + event, lines.get(1));
    }

    @Test
    void acceptHeaderAlsoSelectsCsvAndPartialIsInAHeader() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "a"), PERSON, "AZ", "2024-04-22",
                CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, PUBLIC));
        Backends.claims.add(claim(statementName("q"), "2024-04-22", ClaimKind.CLAIM_KIND_WELCOME, PERSON, "US", List.of(), "AZ", PUBLIC));
        Backends.statementMode = Backends.Mode.DOWN;
        String csv = given().accept("text/csv").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .header("X-Habeas-Partial", "statement-service").extract().asString();
        assertEquals(2, csv.lines().count());
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("22 April 2024,custody,house_arrest"));
    }

    @Test
    void withoutDetentionServiceTheDownloadHoldsNoClaim() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.claims.add(claim(statementName("q"), "2024-04-22", ClaimKind.CLAIM_KIND_WELCOME, PERSON, "US", List.of(), "AZ", PUBLIC));
        Backends.detentionMode = Backends.Mode.DOWN;
        String csv = given().accept("text/csv").get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then().statusCode(200)
                .header("X-Habeas-Partial", "detention-service,statement-service").extract().asString();
        assertEquals(1, csv.lines().count(), csv);
    }

    @Test
    void countryTimelineDownloadsToo() {
        Backends.feed.add(custody(custodyEventName("1", "a"), PERSON, "AZ", "2023-07-23", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC));
        given().queryParam("format", "csv").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(containsString("23 July 2023,custody,arrest"));
    }
}
