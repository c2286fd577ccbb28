package io.habeas.suite.transfer;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * One import call (ImportRecords or ImportStatementRecords) kept open across batches, one batch in
 * flight: each batch is sent once the previous one is answered, so the client holds at most one
 * batch unanswered. A batch that ends the call fails {@link #send}; the next batch opens a new
 * call, as the contracts ask.
 */
final class BatchStream<B, A> implements AutoCloseable {
    private static final Object COMPLETED = new Object();
    private static final Set<Status.Code> RETRIED = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.UNKNOWN, Status.Code.ABORTED);
    private static final int TRIES = 5;
    private final Function<StreamObserver<A>, StreamObserver<B>> call;
    private StreamObserver<B> requests;
    private LinkedBlockingQueue<Object> answers;

    /** @param call opens the import call, given where its answers go */
    BatchStream(Function<StreamObserver<A>, StreamObserver<B>> call) {
        this.call = call;
    }

    /**
     * The batch's answer. A batch that failed for the connection is sent again, up to 5 times, in
     * a new call; one refused for the caller's token or role throws {@link Importer.Refused}.
     */
    A sendWithRetries(B batch) throws InterruptedException, Importer.Refused {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(batch);
            } catch (StatusRuntimeException failed) {
                Status.Code code = failed.getStatus().getCode();
                if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
                    throw new Importer.Refused(failed);
                }
                if (!RETRIED.contains(code) || attempt == TRIES) {
                    throw failed;
                }
                Thread.sleep(1000L << (attempt - 1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    A send(B batch) throws InterruptedException {
        if (requests == null) {
            open();
        }
        requests.onNext(batch);
        Object answer = answers.take();
        if (answer instanceof Throwable failure) {
            requests = null;
            throw failure instanceof StatusRuntimeException s ? s : Status.fromThrowable(failure).asRuntimeException();
        }
        if (answer == COMPLETED) {
            requests = null;
            throw Status.INTERNAL.withDescription("the call ended without answering a batch").asRuntimeException();
        }
        return (A) answer;
    }

    private void open() {
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        answers = queue;
        requests = call.apply(new StreamObserver<>() {
            @Override
            public void onNext(A response) {
                queue.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                queue.add(failure);
            }

            @Override
            public void onCompleted() {
                queue.add(COMPLETED);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        if (requests != null) {
            requests.onCompleted();
            answers.take();
            requests = null;
        }
    }
}
