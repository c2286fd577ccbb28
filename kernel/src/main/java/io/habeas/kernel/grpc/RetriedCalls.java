package io.habeas.kernel.grpc;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which calls a client sends again when they fail with UNAVAILABLE or UNKNOWN, as the gRPC service
 * config of its channel: the call failed because its instance went away (shutting down, restarting,
 * killed) or could not be reached, and another instance may answer. A Habeas service never answers
 * UNKNOWN; grpc-java reports a connection the server's end reset mid-call as UNKNOWN "channel closed"
 * (grpc-java issue 10120), which is a lost connection like any other (see {@link ConnectionLoss}). A
 * read may always be sent again; a write only when its request message has a request_id, with which
 * the service stores it at most once. The rule is per method, since a service config cannot look into
 * a request; it is safe because every Habeas write requires its request_id and refuses one without it
 * (INVALID_ARGUMENT) before storing anything, so a write sent again without one is refused again,
 * never stored twice. Each call gets at most {@value #MAX_ATTEMPTS} attempts, all within its own
 * deadline; no other code is retried, since any other answer is the service's about the request. An
 * UNAVAILABLE that another instance would answer the same (the database the instances share is out of
 * reach) carries the trailer grpc-retry-pushback-ms with a negative value, and is not sent again (gRFC
 * A6).
 */
public final class RetriedCalls {
    public static final int MAX_ATTEMPTS = 3;
    /** The request field with which a service runs a write at most once (service-support IdempotentCalls). */
    static final String REQUEST_ID = "request_id";
    /** The standard methods that only read (AIP Get, List, BatchGet, and Search). */
    private static final Set<String> READS = Set.of("Get", "List", "BatchGet", "Search");

    private RetriedCalls() {
    }

    /** Whether a call of this method may be sent again after UNAVAILABLE or a lost connection. */
    public static boolean mayRetry(MethodDescriptor<?, ?> method) {
        if (method.getType() != MethodDescriptor.MethodType.UNARY) {
            return false;
        }
        return isRead(method.getBareMethodName()) || declaresRequestId(method);
    }

    static boolean isRead(String methodName) {
        return READS.stream().anyMatch(verb -> methodName.startsWith(verb) && methodName.length() > verb.length()
                && Character.isUpperCase(methodName.charAt(verb.length())));
    }

    private static boolean declaresRequestId(MethodDescriptor<?, ?> method) {
        return method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> prototype
                && prototype.getMessagePrototype() instanceof Message message
                && message.getDescriptorForType().findFieldByName(REQUEST_ID) != null;
    }

    /**
     * The service config that retries the calls of these services that {@link #mayRetry} may, and
     * no other: a channel's default service config (with retries enabled on the channel).
     */
    public static Map<String, Object> serviceConfig(List<ServiceDescriptor> services) {
        List<Map<String, Object>> names = new ArrayList<>();
        for (ServiceDescriptor service : services) {
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                if (mayRetry(method)) {
                    names.add(Map.of("service", service.getName(), "method", method.getBareMethodName()));
                }
            }
        }
        if (names.isEmpty()) {
            return Map.of();
        }
        // grpc-java reads numbers in a service config as Double only.
        Map<String, Object> retryPolicy = Map.of(
                "maxAttempts", (double) MAX_ATTEMPTS,
                "initialBackoff", "0.05s",
                "maxBackoff", "0.5s",
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE", "UNKNOWN"));
        return Map.of("methodConfig", List.of(Map.of("name", names, "retryPolicy", retryPolicy)));
    }
}
