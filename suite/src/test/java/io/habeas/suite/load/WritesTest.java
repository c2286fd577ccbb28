package io.habeas.suite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class WritesTest {

    @Test
    void aWriteThatMetAnOutageOrADeadlineIsAMarkedFailure() {
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.UNAVAILABLE, 1));
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.DEADLINE_EXCEEDED, 1));
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.UNAVAILABLE, 7));
    }

    @Test
    void aConnectionTheServerResetIsAMarkedFailureThoughGrpcJavaCallsItUnknown() {
        Status reset = Status.UNKNOWN.withDescription("channel closed").withCause(new ClosedChannelException());
        assertEquals(Verdict.MARKED, Writes.verdictOf(reset, 1));
        assertEquals(Verdict.UNMARKED, Writes.verdictOf(Status.UNKNOWN.withDescription("channel closed"), 1));
    }

    @Test
    void abortedIsMarkedOnlyOnARetryWhichCanMeetItsOwnFirstAttempt() {
        assertEquals(Verdict.UNMARKED, Writes.verdictOf(Status.ABORTED, 1));
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.ABORTED, 2));
    }

    @Test
    void aFailureIsNamedWithTheReasonItsErrorInfoGives() {
        var withReason = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.UNAVAILABLE.value()).setMessage("detention-service is down")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("DEPENDENCY_UNAVAILABLE").setDomain("x").build())).build());
        assertEquals(" DEPENDENCY_UNAVAILABLE", Writes.reason(withReason));
        assertEquals("", Writes.reason(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()));
    }

    @Test
    void anInternalFailureSaysWhetherAServiceOrTheTransportMadeIt() {
        assertEquals(" (service incident)", Writes.origin(Status.INTERNAL.withDescription("internal error, incident 7f3a")));
        assertEquals(" (transport: Connection closed after GOAWAY, stream N)",
                Writes.origin(Status.INTERNAL.withDescription("Connection closed after GOAWAY, stream 133")));
        assertEquals(" (transport: )", Writes.origin(Status.UNKNOWN));
        assertEquals("", Writes.origin(Status.UNAVAILABLE.withDescription("io exception")));
    }

    @Test
    void everyOtherCodeIsUnmarked() {
        for (Status.Code code : Status.Code.values()) {
            if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.ABORTED) {
                assertEquals(Verdict.UNMARKED, Writes.verdictOf(Status.fromCode(code), 2), code.name());
            }
        }
    }

    @Test
    void aFailedWriteWaitsLongerAfterEachAttemptUpToFiveSecondsWithJitter() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(5000, 100L << Math.min(attempt - 1, 6));
            for (int draw = 0; draw < 50; draw++) {
                long pause = Writes.pauseAfter(attempt);
                assertTrue(pause >= ceiling / 2 && pause <= ceiling, attempt + ": " + pause);
            }
        }
        assertTrue(Writes.pauseAfter(1) <= 100);
        assertTrue(Writes.pauseAfter(20) >= 2500);
    }
}
