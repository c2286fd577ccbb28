package io.habeas.detention.grpc;

import io.habeas.kernel.testing.ShutdownReadinessContract;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ShutdownReadinessTest extends ShutdownReadinessContract {
}
