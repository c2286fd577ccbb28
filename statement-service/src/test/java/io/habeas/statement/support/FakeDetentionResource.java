package io.habeas.statement.support;

import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the stand-in detention-service on a free port and points the "detention" gRPC client at
 * it, with statement-service's own token (role viewer) as the one it must send.
 */
public class FakeDetentionResource implements QuarkusTestResourceLifecycleManager {
    private FakeDetention detention;

    @Override
    public Map<String, String> start() {
        detention = new FakeDetention(TestTokens.withGroups("statement-service", Role.VIEWER.claim()));
        detention.start();
        return Map.of(
                "habeas.detention.token", detention.serviceToken(),
                "quarkus.grpc.clients.detention.host", "localhost",
                "quarkus.grpc.clients.detention.port", Integer.toString(detention.port()),
                // in test mode a client otherwise dials the service's own test port
                "quarkus.grpc.clients.detention.test-port", Integer.toString(detention.port()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(detention,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeDetention.class, FakeDetention.class));
    }

    @Override
    public void stop() {
        if (detention != null) {
            detention.stop();
        }
    }
}
