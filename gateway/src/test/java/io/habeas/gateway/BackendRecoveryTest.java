package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Status;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeBackendsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A backend that answered UNAVAILABLE for a while (its database was down) has its circuit opened;
 * once it answers again, the breaker's trial call lets it back in, also on routes that call it
 * twice at once, where the breaker refuses the second call while the first is its trial.
 */
@QuarkusTest
@TestProfile(BackendRecoveryTest.ShortBreakerDelay.class)
class BackendRecoveryTest extends GatewayTest {
    static final String TIMELINE = "/api/v1/persons/" + id("ibadoglu") + "/timeline";
    static final String LIST = "/api/v1/persons";
    static final long DELAY_MILLIS = 1000;

    /** The fake backends, with a breaker that tries detention-service again after a second. */
    public static class ShortBreakerDelay implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ShortDelayBackends.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    public static class ShortDelayBackends extends FakeBackendsResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("habeas.gateway.backends.detention.circuit-breaker-delay", DELAY_MILLIS + "ms");
            return config;
        }
    }

    @Inject
    GatewayConfig config;

    @Test
    void aTimelineIsWholeAgainSoonAfterDetentionServiceAnswersAgain() throws InterruptedException {
        Backends.feed.add(custody(custodyEventName("1", "a"), PERSON, "AZ", "2023-07-23",
                CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC));
        openDetentionsBreaker(TIMELINE);
        given().get(TIMELINE).then().statusCode(200).body("missing.reason", hasItem("circuit_open"));

        answersAgain(TIMELINE, r -> r.statusCode() == 200 && !r.jsonPath().getBoolean("partial"));
    }

    @Test
    void aListIsServedAgainSoonAfterDetentionServiceAnswersAgain() throws InterruptedException {
        openDetentionsBreaker(LIST);
        given().get(LIST).then().statusCode(503).body("missing.reason", contains("circuit_open"));

        answersAgain(LIST, r -> r.statusCode() == 200);
    }

    private void openDetentionsBreaker(String path) {
        assertEquals(DELAY_MILLIS, config.backends().detention().circuitBreakerDelay().toMillis());
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.detentionError = Status.Code.UNAVAILABLE;
        for (int i = 0; i < 6; i++) {
            given().get(path);
        }
        Backends.detentionError = null;
    }

    /** After the breaker's delay, the route answers as whole within a few requests. */
    private static void answersAgain(String path, Predicate<Response> whole) throws InterruptedException {
        Thread.sleep(DELAY_MILLIS);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response response = given().get(path);
            if (whole.test(response)) {
                return;
            }
            answers.add(response.statusCode() + " " + response.asString());
            Thread.sleep(100);
        }
        fail("still cut off from detention-service: " + answers);
    }
}
