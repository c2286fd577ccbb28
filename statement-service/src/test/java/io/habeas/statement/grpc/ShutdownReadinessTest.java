package io.habeas.statement.grpc;

import io.habeas.kernel.testing.ShutdownReadinessContract;
import io.habeas.statement.support.FakeDetentionResource;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(FakeDetentionResource.class)
class ShutdownReadinessTest extends ShutdownReadinessContract {
}
