package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.habeas.detention.v1.CustodyStatus;
import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A country detaining more persons than one claims list follows says so instead of silently dropping claims. */
@QuarkusTest
@TestProfile(DetaineeLimitTest.OneDetainee.class)
class DetaineeLimitTest extends GatewayTest {

    public static class OneDetainee implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("habeas.gateway.country-timeline.max-detained-persons", "1");
        }
    }

    @Test
    void marksTheTimelinePartialWhenDetaineesExceedTheLimit() {
        for (String label : new String[] {"ibadoglu", "yagublu"}) {
            String person = personName(label);
            Backends.persons.add(person(person, "Detainee " + person, PUBLIC));
            Backends.detentions.add(detention(detentionName(label), person, "AZ", "2023-07-23",
                    CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, true, 300, PUBLIC));
        }

        given().queryParam("role", "detaining").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("partial", is(true))
                .body("missing.reason", hasItem("too_many_detainees"));
        given().queryParam("role", "subject").get("/api/v1/countries/AZ/timeline").then().statusCode(200)
                .body("partial", is(false));
    }
}
