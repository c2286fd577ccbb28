package io.habeas.gateway;

import io.habeas.gateway.fake.FakeBackendsResource;
import io.habeas.kernel.testing.ShutdownReadinessContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeBackendsResource.class)
class ShutdownReadinessTest extends ShutdownReadinessContract {
}
