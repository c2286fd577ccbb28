package io.habeas.support.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Context;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The query limit against a pool that behaves as Agroal does: each callback gets a wrapper of its
 * own around the same driver connection.
 */
class QueryLimitsTest {
    private final QueryLimits limits = new QueryLimits();
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final AtomicInteger cancels = new AtomicInteger();
    private SQLException failing;
    private boolean closed;
    /** The driver's connection: the same one behind every wrapper; closed when the server ends its session. */
    private final Connection driverConnection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class, PGConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "isClosed" -> closed;
                case "unwrap" -> proxy;
                case "cancelQuery" -> {
                    cancels.incrementAndGet();
                    yield null;
                }
                default -> null;
            });

    QueryLimitsTest() {
        limits.statementTimeout = Duration.ofSeconds(5);
    }

    @Test
    void aCallsEndCancelsTheQueryOfTheConnectionItHolds() {
        Context.CancellableContext call = Context.current().withCancellation();
        call.run(() -> limits.onConnectionAcquire(wrapper()));

        call.cancel(null);

        assertEquals(List.of("SET statement_timeout = 5000"), executed);
        assertEquals(1, cancels.get());
    }

    @Test
    void aReturnedConnectionGetsTheServersLimitBackAndTheCallsEndNoLongerReachesIt() {
        Context.CancellableContext call = Context.current().withCancellation();
        call.run(() -> limits.onConnectionAcquire(wrapper()));
        call.run(() -> limits.onConnectionReturn(wrapper()));

        call.cancel(null);

        assertEquals(List.of("SET statement_timeout = 5000", "RESET statement_timeout"), executed);
        assertEquals(0, cancels.get(), "the next holder's query would be cancelled");
    }

    @Test
    void aConnectionThatDiedInTheCallGoesBackToThePoolWithoutFailing() {
        Context.CancellableContext call = Context.current().withCancellation();
        call.run(() -> limits.onConnectionAcquire(wrapper()));
        failing = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        call.run(() -> limits.onConnectionReturn(wrapper()));

        call.cancel(null);
        assertEquals(0, cancels.get());
    }

    @Test
    void aConnectionClosedInTheCallGoesBackToThePoolWithoutFailingAndIsForgotten() {
        Context.CancellableContext call = Context.current().withCancellation();
        call.run(() -> limits.onConnectionAcquire(wrapper()));
        closed = true;
        failing = new SQLException("This connection has been closed.", "08003");

        call.run(() -> limits.onConnectionReturn(wrapper()));

        call.cancel(null);
        assertEquals(0, cancels.get());
    }

    @Test
    void aConnectionUsedOutsideAnyCallKeepsTheServersLimit() {
        limits.onConnectionAcquire(wrapper());
        limits.onConnectionReturn(wrapper());

        assertEquals(List.of(), executed);
    }

    /** A new wrapper of the one driver connection, as the pool gives each interceptor callback. */
    private Connection wrapper() {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        if (failing != null) {
                            throw failing;
                        }
                        executed.add((String) args[0]);
                        return false;
                    }
                    return null;
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "unwrap" -> {
                        if (closed) {
                            throw failing;
                        }
                        yield driverConnection;
                    }
                    case "createStatement" -> statement;
                    default -> null;
                });
    }
}
