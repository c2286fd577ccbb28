package io.habeas.support.grpc;

import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.habeas.support.testing.RecordedServerCall;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownRefusalTest {

    @Test
    void callsRunUntilTheInstanceStopsThenAreRefusedUnavailableWithoutRunning() {
        ShutdownRefusal refusal = new ShutdownRefusal();
        AtomicInteger started = new AtomicInteger();
        ServerCallHandler<String, String> counted = (call, headers) -> {
            started.incrementAndGet();
            return new ServerCall.Listener<>() {
            };
        };
        refusal.started(null);
        RecordedServerCall before = new RecordedServerCall("habeas.test.Things/GetThing");
        refusal.interceptCall(before, new Metadata(), counted);
        assertEquals(1, started.get());
        assertEquals(List.of(), before.closed);

        refusal.stopping(null);
        try {
            RecordedServerCall after = new RecordedServerCall("habeas.test.Things/GetThing");
            refusal.interceptCall(after, new Metadata(), counted);
            assertEquals(1, started.get(), "the refused call never ran");
            assertEquals(Status.Code.UNAVAILABLE, after.status.getCode());
            assertEquals(GrpcErrors.SHUTTING_DOWN, after.status.getDescription());
            com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(after.status, after.trailers);
            assertEquals("SHUTTING_DOWN", detail(details, ErrorInfo.class).getReason());
            assertNull(after.trailers.get(GrpcErrors.RETRY_PUSHBACK), "another instance may run it");
        } finally {
            refusal.started(null);
        }
    }
}
