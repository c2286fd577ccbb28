package io.habeas.support.limits;

import io.agroal.api.AgroalPoolInterceptor;
import io.grpc.Context;
import io.grpc.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Every query a gRPC call makes has a time limit: PostgreSQL's statement_timeout, set on the
 * connection while the call holds it, to the configured limit or what is left of the caller's
 * deadline ({@link CallerDeadline}), whichever is shorter; and when the caller cancels or its
 * deadline passes, the running query is cancelled. Connections used outside a call (Flyway's
 * migrations at start) keep PostgreSQL's own setting.
 */
@ApplicationScoped
public class QueryLimits implements AgroalPoolInterceptor {
    private static final Logger LOG = Logger.getLogger(QueryLimits.class);
    /** Below this PostgreSQL could not even start a query: the caller has given up. */
    private static final long LEAST_MILLIS = 1;

    @ConfigProperty(name = "habeas.database.statement-timeout", defaultValue = "5s")
    Duration statementTimeout;

    private record Watch(Context call, Context.CancellationListener cancel) {
    }

    private final Map<Connection, Watch> watching = new ConcurrentHashMap<>();

    @Override
    public void onConnectionAcquire(Connection connection) {
        Context call = Context.current();
        if (call == Context.ROOT) {
            return;
        }
        long millis = statementTimeout.toMillis();
        Deadline deadline = call.getDeadline();
        if (deadline != null) {
            millis = Math.max(LEAST_MILLIS, Math.min(millis, deadline.timeRemaining(TimeUnit.MILLISECONDS)));
        }
        execute(connection, "SET statement_timeout = " + millis);
        Context.CancellationListener cancel = context -> cancelQuery(connection);
        watching.put(connection, new Watch(call, cancel));
        call.addListener(cancel, Runnable::run);
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        Watch watch = watching.remove(connection);
        if (watch != null) {
            watch.call().removeListener(watch.cancel());
            execute(connection, "RESET statement_timeout");
        }
    }

    private static void cancelQuery(Connection connection) {
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("could not cancel the query of a call given up: %s", e.getClass().getName());
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the query time limit (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
