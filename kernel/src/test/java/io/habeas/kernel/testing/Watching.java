package io.habeas.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A watch (a server-streaming call) as a client holds it: the responses as they arrive, and how the
 * stream ended. Shared by the services' and the suite's watch tests.
 */
public final class Watching<R> implements ClientResponseObserver<Object, R> {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final BlockingQueue<R> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final CompletableFuture<String> started = new CompletableFuture<>();
    private final boolean taking;
    private volatile ClientCallStreamObserver<Object> call;

    /** A client that takes every response as it comes (taking), or none until asked ({@link #take}). */
    public Watching(boolean taking) {
        this.taking = taking;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Object> requests) {
        call = requests;
        if (!taking) {
            requests.disableAutoRequestWithInitial(1); // the start response; no change until asked
        }
    }

    /**
     * A watch's first response carries no change, only the resume token of where it starts: kept
     * apart ({@link #started}), so that the responses read are the changes.
     */
    @Override
    public void onNext(R response) {
        if (!started.isDone() && response instanceof Message message && isStart(message)) {
            started.complete(message.getField(message.getDescriptorForType().findFieldByName("resume_token")).toString());
            return;
        }
        received.add(response);
    }

    private static boolean isStart(Message message) {
        return message.getAllFields().keySet().stream().allMatch(field -> field.getName().equals("resume_token"));
    }

    /** Waits until the watch has started (the server holds it: its first response came) or ended (refused). */
    public Watching<R> awaitStartOrEnd() {
        try {
            CompletableFuture.anyOf(started, ended).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (Exception e) {
            throw new AssertionError("the watch neither started nor ended within " + PATIENCE, e);
        }
    }

    /** The resume token of the point the watch started from, waiting for it: every change after it reaches the watch. */
    public String started() {
        try {
            return started.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the watch did not start within " + PATIENCE
                    + (ended.isDone() ? "; it ended: " + ended.join() : ""), e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        ended.complete(failure);
    }

    @Override
    public void onCompleted() {
        ended.complete(null);
    }

    /** The next response, waiting for it. */
    public R next() {
        try {
            R response = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (response == null) {
                fail("no response within " + PATIENCE + (ended.isDone() ? "; the watch ended: " + ended.join() : ""));
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next response already received, or null. */
    public R poll() {
        return received.poll();
    }

    /** The next n responses. */
    public List<R> next(int n) {
        List<R> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(next());
        }
        return responses;
    }

    /** Asserts that nothing arrives for a while (longer than the reader's poll). */
    public void nothingWithin(Duration wait) {
        try {
            assertNull(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS), "an unexpected response arrived");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lets a client that takes nothing on its own take this many more. */
    public void take(int n) {
        call.request(n);
    }

    public void cancel() {
        call.cancel("the client leaves", null);
    }

    /** The status the watch ended with, waiting for its end. */
    public StatusRuntimeException end() {
        try {
            Throwable failure = ended.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(failure instanceof StatusRuntimeException, "ended with " + failure);
            return (StatusRuntimeException) failure;
        } catch (Exception e) {
            throw new AssertionError("the watch did not end within " + PATIENCE, e);
        }
    }

    public boolean ended() {
        return ended.isDone();
    }

    /** The ErrorInfo of an end. */
    public static ErrorInfo errorInfo(StatusRuntimeException end) {
        com.google.rpc.Status status = StatusProto.fromThrowable(end);
        try {
            for (var detail : status.getDetailsList()) {
                if (detail.is(ErrorInfo.class)) {
                    return detail.unpack(ErrorInfo.class);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no ErrorInfo in " + Status.fromThrowable(end));
    }
}
