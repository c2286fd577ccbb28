package io.habeas.statement.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the stand-in detention-service on a free port and points the "detention" gRPC client at it. */
public class FakeDetentionResource implements QuarkusTestResourceLifecycleManager {
    private FakeDetention detention;

    @Override
    public Map<String, String> start() {
        detention = new FakeDetention();
        detention.start();
        return Map.of(
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
