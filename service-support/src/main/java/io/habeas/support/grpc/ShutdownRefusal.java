package io.habeas.support.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Once the application stops (after its shutdown delay and the calls then in flight, when Quarkus
 * closes the database and the server), a call that still reaches this instance is refused with
 * UNAVAILABLE before it runs, and clients send it to another instance (kernel RetriedCalls). The
 * Vert.x transport keeps taking calls on open connections until its server closes, and without this
 * they failed INTERNAL on a closed Hibernate session factory.
 */
@ApplicationScoped
@GlobalInterceptor
public class ShutdownRefusal implements ServerInterceptor, Prioritized {
    private static volatile boolean stopping;

    void started(@Observes StartupEvent event) {
        stopping = false;
    }

    /** Quarkus fires ShutdownEvent after its shutdown delay and graceful wait, before it closes anything. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Whether this instance has begun to stop. */
    static boolean stopping() {
        return stopping;
    }

    /** Before every other interceptor (Quarkus calls the highest first): a refused call costs nothing. */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!stopping) {
            return next.startCall(call, headers);
        }
        StatusRuntimeException refusal = GrpcErrors.shuttingDown();
        call.close(refusal.getStatus(), refusal.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }
}
