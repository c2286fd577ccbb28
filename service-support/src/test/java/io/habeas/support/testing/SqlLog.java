package io.habeas.support.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL the service's sessions (stateless ones too) prepared since the last {@link #clear}, so
 * that a test can EXPLAIN what a call really ran ({@link Database#plan}). Keeps the last few hundred.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlLog implements StatementInspector {
    private static final int KEPT = 500;
    /** Static: Hibernate calls the bean, tests read the log without a qualified injection. */
    private static final List<String> STATEMENTS = new ArrayList<>();

    @Override
    public String inspect(String sql) {
        synchronized (STATEMENTS) {
            STATEMENTS.add(sql);
            if (STATEMENTS.size() > KEPT) {
                STATEMENTS.remove(0);
            }
        }
        return sql;
    }

    public static void clear() {
        synchronized (STATEMENTS) {
            STATEMENTS.clear();
        }
    }

    public static List<String> statements() {
        synchronized (STATEMENTS) {
            return List.copyOf(STATEMENTS);
        }
    }
}
