package io.habeas.support.limits;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The caller's deadline, and its cancellation, in the call's {@link Context}. Served on the HTTP
 * port through Vert.x, a call reads neither: the bridge ignores the {@code grpc-timeout} header
 * and never cancels a context when the client goes away. With them, {@link QueryLimits} stops a
 * query when its caller has given up, and calls to other services inherit what is left.
 */
@ApplicationScoped
@GlobalInterceptor
public class CallerDeadline implements ServerInterceptor {
    static final Metadata.Key<String> TIMEOUT = Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "habeas-caller-deadline");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Optional<Long> nanos = timeoutNanos(headers.get(TIMEOUT));
        Context.CancellableContext context = nanos.isPresent()
                ? Context.current().withDeadlineAfter(nanos.get(), TimeUnit.NANOSECONDS, TIMER)
                : Context.current().withCancellation();
        ServerCall.Listener<Q> listener = Contexts.interceptCall(context, call, headers, next);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            /**
             * The context first: the listeners below end the call's request scope, and work still
             * running then fails; it must already see its call cancelled, not report an incident.
             */
            @Override
            public void onCancel() {
                context.cancel(null);
                super.onCancel();
            }

            @Override
            public void onComplete() {
                try {
                    super.onComplete();
                } finally {
                    context.cancel(null);
                }
            }
        };
    }

    /** The gRPC wire form: at most 8 digits and a unit, H, M, S, m, u or n; anything else is no deadline. */
    static Optional<Long> timeoutNanos(String header) {
        if (header == null || !header.matches("[0-9]{1,8}[HMSmun]")) {
            return Optional.empty();
        }
        long value = Long.parseLong(header.substring(0, header.length() - 1));
        TimeUnit unit = switch (header.charAt(header.length() - 1)) {
            case 'H' -> TimeUnit.HOURS;
            case 'M' -> TimeUnit.MINUTES;
            case 'S' -> TimeUnit.SECONDS;
            case 'm' -> TimeUnit.MILLISECONDS;
            case 'u' -> TimeUnit.MICROSECONDS;
            default -> TimeUnit.NANOSECONDS;
        };
        return Optional.of(unit.toNanos(value));
    }
}
