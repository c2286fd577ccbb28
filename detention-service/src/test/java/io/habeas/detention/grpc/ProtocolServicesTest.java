package io.habeas.detention.grpc;

import io.habeas.support.testing.ProtocolServicesContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class ProtocolServicesTest extends ProtocolServicesContract {
    @Override
    protected List<String> servedServices() {
        return List.of("habeas.detention.v1.PersonService", "habeas.detention.v1.DetentionService",
                "habeas.audit.v1.ReadAuditService");
    }
}
