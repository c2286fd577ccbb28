package io.habeas.support.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.habeas.support.testing.RecordedServerCall;
import java.util.concurrent.atomic.AtomicBoolean;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The grpc-timeout header as the gRPC spec writes it; anything else is no deadline; a cancel reaches the context first. */
class CallerDeadlineTest {

    @Test
    void aCallerWhoLeavesIsSeenAsGoneBeforeTheCallsScopeEnds() {
        AtomicBoolean cancelledWhenScopeEnds = new AtomicBoolean();
        AtomicBoolean cancelledAtStart = new AtomicBoolean(true);
        ServerCall.Listener<String> listener = new CallerDeadline().interceptCall(new RecordedServerCall("test/Read"),
                new Metadata(), (call, headers) -> {
                    Context callContext = Context.current();
                    cancelledAtStart.set(callContext.isCancelled());
                    return new ServerCall.Listener<String>() {
                        @Override
                        public void onCancel() {
                            cancelledWhenScopeEnds.set(callContext.isCancelled());
                        }
                    };
                });

        listener.onCancel();

        assertFalse(cancelledAtStart.get());
        assertTrue(cancelledWhenScopeEnds.get());
    }

    @Test
    void readsEveryUnit() {
        assertEquals(Optional.of(TimeUnit.HOURS.toNanos(2)), CallerDeadline.timeoutNanos("2H"));
        assertEquals(Optional.of(TimeUnit.MINUTES.toNanos(3)), CallerDeadline.timeoutNanos("3M"));
        assertEquals(Optional.of(TimeUnit.SECONDS.toNanos(5)), CallerDeadline.timeoutNanos("5S"));
        assertEquals(Optional.of(TimeUnit.MILLISECONDS.toNanos(1999)), CallerDeadline.timeoutNanos("1999m"));
        assertEquals(Optional.of(TimeUnit.MICROSECONDS.toNanos(7)), CallerDeadline.timeoutNanos("7u"));
        assertEquals(Optional.of(99_999_999L), CallerDeadline.timeoutNanos("99999999n"));
    }

    @Test
    void ignoresWhatIsNotATimeout() {
        for (String header : new String[] {null, "", "5", "S", "123456789S", "-5S", "5s", "5 S", "1.5S"}) {
            assertEquals(Optional.empty(), CallerDeadline.timeoutNanos(header), header);
        }
    }
}
