package io.habeas.support.database;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a failure says about the connection to the database: whether the database could not be
 * reached or the connection was lost (the call may be retried), and whether that happened while a
 * commit was under way (then nobody knows whether it committed). Reads the whole cause chain and
 * what each exception suppressed: a failed commit reaches the caller as the transaction manager's
 * RollbackException, with the driver's failure only among its suppressed exceptions.
 */
public final class DatabaseFailures {
    /**
     * SQLStates of a server that ended the session or refused a new one: administrator or crash
     * shutdown, starting up or in recovery, an idle session ended, too many connections. Class 08,
     * connection exceptions, covers the rest: refused, reset, I/O error, closed, timed out.
     */
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03", "57P05", "53300");
    /** Where the pool throws when it has no connection to give (acquisition timeout, closing). */
    private static final String POOL = "io.agroal.pool.ConnectionPool";

    private DatabaseFailures() {
    }

    /** The database could not be reached, or the connection to it was lost. */
    public static boolean unreachable(Throwable failure) {
        return causes(failure).stream().anyMatch(DatabaseFailures::isConnectionFailure);
    }

    /**
     * The connection failed during the commit itself (the pool's transaction resource failed to
     * commit): the server may have committed before the answer was lost.
     */
    public static boolean whileCommitting(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof javax.transaction.xa.XAException
                || cause instanceof jakarta.transaction.HeuristicMixedException
                || cause instanceof jakarta.transaction.HeuristicRollbackException);
    }

    /** The classes and SQLStates involved, for a log line: never a message, which may quote a row or a password. */
    public static String describe(Throwable failure) {
        return causes(failure).stream().map(cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                ? cause.getClass().getName() + " (SQLState " + sql.getSQLState() + ")" : cause.getClass().getName())
                .collect(Collectors.joining(" < "));
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || SESSION_ENDED.contains(state);
        }
        StackTraceElement[] frames = sql.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals(POOL);
    }

    /** The failure, its causes and what any of them suppressed, each once. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(failure, all, seen);
        return all;
    }

    private static void collect(Throwable failure, List<Throwable> all, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            all.add(cause);
            for (Throwable suppressed : cause.getSuppressed()) {
                collect(suppressed, all, seen);
            }
        }
    }
}
