package io.habeas.support.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.StringValue;
import io.grpc.stub.ServerCallStreamObserver;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.paging.QueryFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A watch's start response can leave for its client only once its hub holds it (tests wait for that response). */
class WatchStartTest {
    private final AtomicBoolean registered = new AtomicBoolean();
    /** Whether the watch was registered at each send the watch asked its sender for; nothing is sent. */
    private final List<Boolean> registeredAtSend = new ArrayList<>();
    private final AtomicInteger ends = new AtomicInteger();
    private final Call call = new Call();
    private final Watch<StringValue> watch = new Watch<>(new Watch.Subject("feed", QueryFingerprint.of("watch-test", "k"),
            null, "caller", Clearance.of(Role.VIEWER), null), ChangePosition.ORIGIN, call, null,
            task -> registeredAtSend.add(registered.get()), 8, ends::incrementAndGet, () -> { });

    @Test
    void theHubHoldsAWatchBeforeItsStartResponseCanBeSent() {
        watch.start(() -> registered.set(true), StringValue::of);
        assertEquals(List.of(true), registeredAtSend);
        assertEquals(7, watch.room(), "the start response waits for the sender");
    }

    @Test
    void aWatchWhoseClientLeftBeforeItStartedIsNotRegistered() {
        call.cancel.run();
        watch.start(() -> registered.set(true), StringValue::of);
        assertFalse(registered.get(), "it would stay in the hub, which let it go at the cancel");
        assertEquals(List.of(), registeredAtSend);
        assertEquals(1, ends.get());
    }

    private static final class Call extends ServerCallStreamObserver<StringValue> {
        Runnable cancel;

        @Override
        public void setOnCancelHandler(Runnable handler) {
            cancel = handler;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onNext(StringValue value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
