package io.habeas.gateway;

import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeBackendsResource;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every REST test: fake backends reset to up and empty, circuit breakers closed, and every request
 * sent with an analyst's bearer token, which the fake backends require on every call they get.
 */
@QuarkusTestResource(FakeBackendsResource.class)
public abstract class GatewayTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    /** The token of this test's requests. */
    protected String token;

    /** The ports of the gateways (one per Quarkus application a run starts) whose gRPC channels are open. */
    private static final Set<Integer> OPENED = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void resetBackends() {
        if (OPENED.add(RestAssured.port)) {
            openChannels();
        }
        Backends.reset();
        breakers.resetAll();
        callAs(TestTokens.of(Role.ANALYST));
    }

    /**
     * The first call of an application opens its channels to both backends, which may take longer
     * than the tests' short deadline: made once before its first test, as a caller of its own (its own
     * rate-limit bucket), so that no test's answer depends on which test runs first.
     */
    private void openChannels() {
        Backends.reset();
        callAs(TestTokens.withGroups("channels@habeas.test", Role.ANALYST.claim()));
        RestAssured.given().get("/api/v1/countries/AZ/timeline");
    }

    /** From here on, requests carry this token, and the fake backends require it. */
    protected void callAs(String bearerToken) {
        token = bearerToken;
        // a new RequestSpecBuilder starts from the current global specification: forget it first
        RestAssured.requestSpecification = null;
        Backends.expectedBearer = "Bearer " + token;
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    /** The management interface (health, metrics, the OpenAPI document), on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    protected String management(String path) {
        return URI.create(managementRoot.toString()).resolve(path).toString();
    }

    @AfterEach
    void forgetToken() {
        RestAssured.requestSpecification = null;
    }
}
