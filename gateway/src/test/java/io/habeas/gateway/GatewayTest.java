package io.habeas.gateway;

import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeBackendsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Every REST test: fake backends reset to up and empty, circuit breakers closed. */
@QuarkusTestResource(FakeBackendsResource.class)
public abstract class GatewayTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetBackends() {
        Backends.reset();
        breakers.resetAll();
    }
}
