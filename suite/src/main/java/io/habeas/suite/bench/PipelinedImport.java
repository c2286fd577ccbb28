package io.habeas.suite.bench;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * An import call (ImportRecords or ImportStatementRecords) kept open across batches, at most {@link #IN_FLIGHT}
 * unanswered. A call that fails is opened again from its first unanswered batch: the services end every
 * connection after 5 minutes, so a long import sees its call cut. After an INTERNAL (a batch that outlasted the
 * transaction timeout) batches are cut smaller; only {@link #ATTEMPTS} failures in a row without progress give up.
 *
 * @param <Q> a batch's request
 * @param <R> its answer
 * @param <S> what the importer counts the answer against
 */
final class PipelinedImport<Q, R, S> {
    static final int IN_FLIGHT = 2;
    private static final int ATTEMPTS = 8;

    /** What one importer sends, and how it counts what comes back. */
    interface Batches<Q, R, S> {
        /** The batch of the items from {@code from} on, or null when none of them is to be sent. */
        Batch<Q, S> next(int from);

        /** Counts one batch's answer; called once per batch, in order. */
        void answered(S sent, R answer);

        /** The item after the last answered one: a new call starts there. */
        int answeredUpTo();

        /** Smaller batches from now on; returns the new limit, for the log. */
        String shrink();

        /** One line of progress, {@code seconds} after the import began. */
        String progress(double seconds);
    }

    /** A batch's request, what its answer is counted against, and the item after its last. */
    record Batch<Q, S>(Q request, S sent, int end) {
    }

    private final Function<StreamObserver<R>, StreamObserver<Q>> call;
    private final Batches<Q, R, S> batches;
    private final String what;
    private IntConsumer checkpoint = answeredUpTo -> { };

    /** @param call opens the import call, given where its answers go; {@code what} names the import in the log */
    PipelinedImport(Function<StreamObserver<R>, StreamObserver<Q>> call, Batches<Q, R, S> batches, String what) {
        this.call = call;
        this.batches = batches;
        this.what = what;
    }

    /** Told the item after the last answered one after each answer, for a load that may be resumed there. */
    PipelinedImport<Q, R, S> checkpointing(IntConsumer checkpoint) {
        this.checkpoint = checkpoint;
        return this;
    }

    /** Sends every item below {@code end}, from where the answers so far end. */
    void run(int end, Consumer<String> progress) throws Exception {
        long began = System.nanoTime();
        int failures = 0;
        while (true) {
            int before = batches.answeredUpTo();
            try {
                stream(end, progress, began);
                return;
            } catch (ExecutionException e) {
                failures = batches.answeredUpTo() > before ? 1 : failures + 1;
                if (failures == ATTEMPTS) {
                    throw e;
                }
                String limit = Status.fromThrowable(e.getCause()).getCode() == Status.Code.INTERNAL ? "; batches now of at most "
                        + batches.shrink() : "";
                // A batch whose call was cut may still be running on the server, holding its records' keys.
                long pause = Math.min(60, 5L << Math.min(4, failures - 1));
                progress.accept("%s import call ended at item %d (%s); sending again from there in %d s%s".formatted(what,
                        batches.answeredUpTo(), e.getCause().getMessage(), pause, limit));
                TimeUnit.SECONDS.sleep(pause);
            }
        }
    }

    private void stream(int end, Consumer<String> progress, long began) throws Exception {
        ArrayDeque<S> unanswered = new ArrayDeque<>();
        Semaphore window = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<Q> requests = call.apply(new StreamObserver<>() {
            @Override
            public void onNext(R answer) {
                S sent;
                synchronized (unanswered) {
                    sent = unanswered.removeFirst();
                }
                synchronized (batches) {
                    batches.answered(sent, answer);
                    checkpoint.accept(batches.answeredUpTo());
                }
                window.release();
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
                window.release(IN_FLIGHT);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        int next = batches.answeredUpTo();
        long reported = System.nanoTime();
        while (next < end && !done.isDone()) {
            Batch<Q, S> batch = batches.next(next);
            if (batch == null) {
                break;
            }
            next = batch.end();
            window.acquire();
            if (done.isDone()) {
                break;
            }
            synchronized (unanswered) {
                unanswered.addLast(batch.sent());
            }
            requests.onNext(batch.request());
            if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(10)) {
                reported = System.nanoTime();
                synchronized (batches) {
                    progress.accept(batches.progress((reported - began) / 1e9));
                }
            }
        }
        if (!done.isDone()) {
            requests.onCompleted();
        }
        done.get();
    }
}
