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

    /**
     * By the driver's connection: the pool hands each callback a wrapper of its own, so the one a
     * connection comes back in is never the one it went out in.
     */
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
        Connection driver;
        try {
            driver = connection.unwrap(Connection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the query time limit (SQLState " + e.getSQLState() + ")", e);
        }
        execute(connection, "SET statement_timeout = " + millis);
        Context.CancellationListener cancel = context -> cancelQuery(driver);
        watching.put(driver, new Watch(call, cancel));
        call.addListener(cancel, Runnable::run);
    }

    /**
     * The call lets go of the connection: its end no longer cancels what the next holder runs. This
     * never fails: the pool would leave the connection checked out for good. A connection closed in
     * the call (its server went away) cannot even be unwrapped; the pool drops it, and so does this.
     */
    @Override
    public void onConnectionReturn(Connection connection) {
        Connection driver;
        try {
            driver = connection.unwrap(Connection.class);
        } catch (SQLException closed) {
            watching.entrySet().removeIf(entry -> isClosed(entry.getKey()) && forget(entry.getValue()));
            return;
        }
        Watch watch = watching.remove(driver);
        if (watch != null) {
            forget(watch);
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET statement_timeout");
            } catch (SQLException e) {
                LOG.debugf("could not reset the query time limit of a returned connection (SQLState %s)", e.getSQLState());
            }
        }
    }

    private static boolean forget(Watch watch) {
        watch.call().removeListener(watch.cancel());
        return true;
    }

    private static boolean isClosed(Connection driver) {
        try {
            return driver.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void cancelQuery(Connection driver) {
        try {
            driver.unwrap(PGConnection.class).cancelQuery();
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
