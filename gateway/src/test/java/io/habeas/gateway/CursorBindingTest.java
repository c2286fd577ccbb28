package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursors serve only the caller and clearance they were issued to; backend page sizes are the server's. */
@QuarkusTest
class CursorBindingTest extends GatewayTest {

    static final String TIMELINE = "/api/v1/persons/" + id("ibadoglu") + "/timeline";

    @BeforeEach
    void seed() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(person(personName("freed"), "Freed Person", PUBLIC));
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                true, 300, PUBLIC));
        for (int i = 0; i < 30; i++) {
            Backends.feed.add(custody(custodyEventName("1", "e" + i), PERSON, "AZ", "2023-08",
                    CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, PUBLIC));
            Backends.claims.add(claim(statementName("s" + i), "2023-09", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(),
                    "AZ", PUBLIC));
        }
    }

    private static String cursor(String path) {
        return given().queryParam("pageSize", 1).get(path).then().statusCode(200).extract().path("nextCursor");
    }

    @Test
    void anotherCallersOrAnotherRolesCursorIs400NamingIt() {
        callAs(TestTokens.of(Role.ANALYST));
        String timeline = cursor(TIMELINE);
        String persons = cursor("/api/v1/persons");

        // the same caller with a fresh token goes on
        callAs(TestTokens.withGroups("analyst@habeas.test", Role.ANALYST.claim()));
        given().queryParam("pageSize", 1).queryParam("cursor", timeline).get(TIMELINE).then().statusCode(200);
        given().queryParam("pageSize", 1).queryParam("cursor", persons).get("/api/v1/persons").then().statusCode(200);

        for (String other : List.of(TestTokens.withGroups("someone-else@habeas.test", Role.ANALYST.claim()),
                TestTokens.withGroups("analyst@habeas.test", Role.ADMIN.claim()), TestTokens.of(Role.VIEWER))) {
            callAs(other);
            given().queryParam("pageSize", 1).queryParam("cursor", timeline).get(TIMELINE).then().statusCode(400)
                    .contentType("application/problem+json").body("invalidParams.name", contains("cursor"));
            given().queryParam("pageSize", 1).queryParam("cursor", persons).get("/api/v1/persons").then().statusCode(400)
                    .body("invalidParams.name", contains("cursor"));
        }
    }

    @Test
    void backendPageSizesAreTheServersWhateverTheClientAsks() {
        for (int size : new int[] { 1, 17, 50 }) {
            for (String path : List.of(TIMELINE, "/api/v1/countries/AZ/timeline", "/api/v1/persons",
                    "/api/v1/persons?q=ibadoglu")) {
                String next = given().queryParam("pageSize", size).get(path).then().statusCode(200).extract().path("nextCursor");
                if (next != null) {
                    given().queryParam("pageSize", size).queryParam("cursor", next).get(path).then().statusCode(200);
                }
            }
        }
        given().queryParam("format", "csv").get(TIMELINE).then().statusCode(200);
        // 25 is the test profile's habeas.gateway.timeline.backend-page-size
        Set<String> fixed = Set.of("ListPersonFeed=25", "ListPersonClaims=25", "ListCountryFeed=25", "ListCountryClaims=25",
                "ListCountryStatements=25", "ListClaimsAboutPersons=25", "ListPersons=50", "ListPersons=200",
                "SearchPersons=50", "ListDetentions=200");
        assertFalse(Backends.pageSizes.isEmpty());
        assertTrue(fixed.containsAll(Backends.pageSizes), Backends.pageSizes.toString());
    }
}
