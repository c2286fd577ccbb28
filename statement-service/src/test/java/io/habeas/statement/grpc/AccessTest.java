package io.habeas.statement.grpc;

import io.grpc.ServiceDescriptor;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.statement.support.FakeDetentionResource;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.support.testing.AccessContract;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(FakeDetentionResource.class)
class AccessTest extends AccessContract {
    @Override
    protected List<ServiceDescriptor> services() {
        return List.of(ActorServiceGrpc.getServiceDescriptor(), StatementServiceGrpc.getServiceDescriptor(),
                ReadAuditServiceGrpc.getServiceDescriptor(), ImportServiceGrpc.getServiceDescriptor());
    }
}
