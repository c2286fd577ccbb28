package io.habeas.detention.grpc;

import io.grpc.ServiceDescriptor;
import io.habeas.audit.v1.ReadAuditServiceGrpc;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.ExportServiceGrpc;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.ImportServiceGrpc;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.support.testing.AccessContract;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccessTest extends AccessContract {
    @Override
    protected List<ServiceDescriptor> services() {
        return List.of(PersonServiceGrpc.getServiceDescriptor(), DetentionServiceGrpc.getServiceDescriptor(),
                IncidentServiceGrpc.getServiceDescriptor(), ImportServiceGrpc.getServiceDescriptor(),
                ExportServiceGrpc.getServiceDescriptor(), FeedWatchServiceGrpc.getServiceDescriptor(),
                ReadAuditServiceGrpc.getServiceDescriptor());
    }
}
