package io.habeas.support.grpc;

import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.rpc.ErrorInfo;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ShutdownRefusalTest {

    /** A server call that records how it was closed. */
    private static final class RecordedCall extends ServerCall<Object, Object> {
        final AtomicReference<Status> closedWith = new AtomicReference<>();
        final AtomicReference<Metadata> trailers = new AtomicReference<>();

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(Object message) {
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closedWith.set(status);
            this.trailers.set(trailers);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @Override
        public MethodDescriptor<Object, Object> getMethodDescriptor() {
            return null;
        }
    }

    @Test
    void callsRunUntilTheInstanceStopsThenAreRefusedUnavailableWithoutRunning() {
        ShutdownRefusal refusal = new ShutdownRefusal();
        AtomicInteger started = new AtomicInteger();
        ServerCallHandler<Object, Object> counted = (call, headers) -> {
            started.incrementAndGet();
            return new ServerCall.Listener<>() {
            };
        };
        refusal.started(null);
        RecordedCall before = new RecordedCall();
        refusal.interceptCall(before, new Metadata(), counted);
        assertEquals(1, started.get());
        assertNull(before.closedWith.get());

        refusal.stopping(null);
        try {
            RecordedCall after = new RecordedCall();
            refusal.interceptCall(after, new Metadata(), counted);
            assertEquals(1, started.get(), "the refused call never ran");
            assertEquals(Status.Code.UNAVAILABLE, after.closedWith.get().getCode());
            assertEquals(GrpcErrors.SHUTTING_DOWN, after.closedWith.get().getDescription());
            com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(after.closedWith.get(), after.trailers.get());
            assertEquals("SHUTTING_DOWN", detail(details, ErrorInfo.class).getReason());
            assertNull(after.trailers.get().get(GrpcErrors.RETRY_PUSHBACK), "another instance may run it");
        } finally {
            refusal.started(null);
        }
    }
}
