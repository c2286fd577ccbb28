package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.gateway.fake.Backends;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway's own check, by the caller's clearance: the fakes answer every level, as a backend
 * that failed to filter would, and each role still sees only what it clears.
 */
@QuarkusTest
class AccessByRoleTest extends GatewayTest {

    static final String TIMELINE = "/api/v1/persons/" + id("ibadoglu") + "/timeline";

    @BeforeEach
    void seed() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(person(personName("restricted"), "Restricted Person", RESTRICTED));
        Backends.persons.add(person(personName("secret"), "Secret Person", CONFIDENTIAL));
        Detention d = detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, true,
                300, PUBLIC).toBuilder()
                .addSources(io.habeas.common.v1.Source.newBuilder().setPublisher("Unlevelled wire").setTitle("Goes with its record"))
                .build();
        Backends.detentions.add(d);
        Backends.feed.add(started(d));
        Backends.feed.add(custody(custodyEventName("1", "public"), PERSON, "AZ", "2023-08-01",
                CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, PUBLIC));
        Backends.feed.add(custody(custodyEventName("1", "restricted"), PERSON, "AZ", "2023-08-02",
                CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, RESTRICTED));
        Backends.feed.add(custody(custodyEventName("1", "confidential"), PERSON, "AZ", "2023-08-03",
                CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, CONFIDENTIAL));
        Backends.claims.add(claim(statementName("public"), "2023-09", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "AZ",
                PUBLIC));
        Backends.claims.add(claim(statementName("restricted"), "2023-10", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(),
                "AZ", RESTRICTED));
        Backends.claims.add(claim(statementName("confidential"), "2023-11", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US",
                List.of(), "AZ", CONFIDENTIAL));
    }

    static List<String> timelineSeenBy(Role role) {
        List<String> seen = new ArrayList<>(List.of(detentionName("1"), custodyEventName("1", "public")));
        if (role != Role.VIEWER) {
            seen.add(custodyEventName("1", "restricted"));
        }
        if (role == Role.ADMIN) {
            seen.add(custodyEventName("1", "confidential"));
        }
        seen.add(claimName("public"));
        if (role != Role.VIEWER) {
            seen.add(claimName("restricted"));
        }
        if (role == Role.ADMIN) {
            seen.add(claimName("confidential"));
        }
        return seen;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSeesTheRecordsAndSourcesItClears(Role role) {
        callAs(TestTokens.of(role));
        given().get(TIMELINE).then().statusCode(200)
                .body("partial", is(false))
                .body("events.record", contains(timelineSeenBy(role).toArray()))
                .body(role == Role.ADMIN ? containsString("Secret note") : not(containsString("Secret note")))
                .body(containsString("Unlevelled wire"));

        List<String> persons = role == Role.VIEWER ? List.of(id("ibadoglu"))
                : role == Role.ADMIN ? List.of(id("ibadoglu"), id("restricted"), id("secret"))
                : List.of(id("ibadoglu"), id("restricted"));
        given().get("/api/v1/persons").then().statusCode(200).body("persons.id", contains(persons.toArray()));

        given().get("/api/v1/persons/" + id("restricted")).then().statusCode(role == Role.VIEWER ? 404 : 200);
        given().get("/api/v1/persons/" + id("secret")).then().statusCode(role == Role.ADMIN ? 200 : 404);
        given().get("/api/v1/persons/" + id("secret") + "/timeline").then().statusCode(role == Role.ADMIN ? 200 : 404);
    }
}
