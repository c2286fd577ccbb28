package io.habeas.statement.grpc;

import io.habeas.support.testing.ProtocolServicesContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class ProtocolServicesTest extends ProtocolServicesContract {
    @Override
    protected List<String> servedServices() {
        return List.of("habeas.statement.v1.ActorService", "habeas.statement.v1.StatementService",
                "habeas.statement.v1.ReleaseOutcomeService", "habeas.audit.v1.ReadAuditService");
    }

    /** Only its clients to detention-service are generated here. */
    @Override
    protected List<String> unservedServices() {
        return List.of("habeas.detention.v1.PersonService", "habeas.detention.v1.DetentionService");
    }
}
