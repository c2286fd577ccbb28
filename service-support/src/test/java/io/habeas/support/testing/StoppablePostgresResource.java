package io.habeas.support.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives the service a {@link StoppablePostgres} and the test a handle on it ({@link InjectStoppablePostgres}). */
public class StoppablePostgresResource implements QuarkusTestResourceLifecycleManager {
    private StoppablePostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = StoppablePostgres.started();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(StoppablePostgres.DATABASE),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.user());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres,
                new TestInjector.AnnotatedAndMatchesType(InjectStoppablePostgres.class, StoppablePostgres.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
