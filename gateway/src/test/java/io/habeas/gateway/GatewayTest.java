package io.habeas.gateway;

import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeBackendsResource;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
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

    @BeforeEach
    void resetBackends() {
        Backends.reset();
        breakers.resetAll();
        token = TestTokens.of(Role.ANALYST);
        Backends.expectedBearer = "Bearer " + token;
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    @AfterEach
    void forgetToken() {
        RestAssured.requestSpecification = null;
    }
}
