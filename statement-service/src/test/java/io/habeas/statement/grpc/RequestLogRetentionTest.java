package io.habeas.statement.grpc;

import io.habeas.support.testing.EmbeddedPostgresResource;
import io.habeas.support.testing.RequestLogRetentionContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RequestLogRetentionTest extends RequestLogRetentionContract {
}
