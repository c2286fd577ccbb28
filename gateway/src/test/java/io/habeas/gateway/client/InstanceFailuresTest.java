package io.habeas.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failures are one instance's, and which the circuit breaker counts with or without another instance. */
class InstanceFailuresTest {

    @ParameterizedTest(name = "{0}: one instance's {1}, counted alone {2}, counted beside another {3}")
    @CsvSource({
            "connection refused,         true,  true,  false",
            "lost connection,            true,  true,  false",
            "SHUTTING_DOWN,              true,  true,  false",
            "DATABASE_UNAVAILABLE,       false, true,  true",
            "DEPENDENCY_UNAVAILABLE,     false, true,  true",
            "UNKNOWN without a cause,    false, true,  true",
            "INTERNAL,                   false, true,  true",
            "DEADLINE_EXCEEDED,          false, true,  true",
            "RESOURCE_EXHAUSTED,         false, true,  true",
            "NOT_FOUND,                  false, false, false",
            "INVALID_ARGUMENT,           false, false, false"})
    void classifies(String failure, boolean oneInstance, boolean countedAlone, boolean countedBesideAnother) {
        StatusRuntimeException status = failure(failure);
        assertEquals(oneInstance, InstanceFailures.ofOneInstance(status));
        assertEquals(countedAlone, GuardedCalls.countsAgainstBackend(status, false));
        assertEquals(countedBesideAnother, GuardedCalls.countsAgainstBackend(status, true));
    }

    private static StatusRuntimeException failure(String name) {
        return switch (name) {
            case "connection refused" -> Status.UNAVAILABLE.withDescription("io exception").asRuntimeException();
            case "lost connection" -> Status.UNKNOWN.withDescription("channel closed")
                    .withCause(new ClosedChannelException()).asRuntimeException();
            case "SHUTTING_DOWN", "DATABASE_UNAVAILABLE", "DEPENDENCY_UNAVAILABLE" -> withReason(name);
            case "UNKNOWN without a cause" -> Status.UNKNOWN.asRuntimeException();
            default -> Status.fromCode(Status.Code.valueOf(name)).asRuntimeException();
        };
    }

    private static StatusRuntimeException withReason(String reason) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.UNAVAILABLE.value()).setMessage(reason)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("detention-service.habeas.io").build()))
                .build());
    }
}
