package io.habeas.gateway.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which instance of each backend answered lately, by its address: a call that failed on one
 * instance ({@link InstanceFailures}) while another answered within {@link #RECENT} is that
 * instance's failure, not the backend's, and the circuit breaker leaves it out. The failed call's
 * instance travels to the breaker in its trailers, under a key that never leaves the gateway.
 */
@GlobalInterceptor
@ApplicationScoped
public class InstanceAnswers implements ClientInterceptor {
    static final Metadata.Key<String> INSTANCE = Metadata.Key.of("habeas-gateway-instance", Metadata.ASCII_STRING_MARSHALLER);
    static final Duration RECENT = Duration.ofSeconds(5);

    private final Map<Backend, Map<String, Long>> answeredAt = new EnumMap<>(Backend.class);

    public InstanceAnswers() {
        for (Backend backend : Backend.values()) {
            answeredAt.put(backend, new ConcurrentHashMap<>());
        }
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Backend backend = method.getServiceName() != null && method.getServiceName().startsWith("habeas.statement.")
                ? Backend.STATEMENT : Backend.DETENTION;
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                ClientCall<Q, R> call = this;
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        String instance = String.valueOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                        if (GuardedCalls.isServerFault(status.getCode())) {
                            trailers.put(INSTANCE, instance);
                        } else {
                            answeredAt.get(backend).put(instance, System.nanoTime());
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }

    /** Whether an instance of the backend other than the failed call's answered lately. */
    boolean anotherAnswered(Backend backend, Metadata failedCallTrailers) {
        String failed = failedCallTrailers == null ? null : failedCallTrailers.get(INSTANCE);
        long since = System.nanoTime() - RECENT.toNanos();
        return answeredAt.get(backend).entrySet().stream()
                .anyMatch(answer -> !answer.getKey().equals(failed) && answer.getValue() - since > 0);
    }
}
