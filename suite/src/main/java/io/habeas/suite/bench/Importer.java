package io.habeas.suite.bench;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ImportRecordResult;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends a range of the population through ImportService.ImportRecords in one stream: batches of up to 500
 * records, {@link #BATCH_BYTES} and {@link #BATCH_ROWS}, at most {@link #IN_FLIGHT} unanswered at once. After a
 * failed stream the records from its first unanswered batch go again in a new one. Batch ids derive from the seed
 * and the batch's records; persons carry external ids, so records sent again update rather than duplicate.
 */
public final class Importer {
    /** Under the services' 1 MiB request limit, with room for a person with hundreds of events. */
    static final int BATCH_BYTES = 600 * 1024;
    static final int BATCH_RECORDS = 500;
    /**
     * Rows per batch at first: each batch is one transaction, and one of 500 records (some 5,500 rows) outlasts
     * detention-service's transaction timeout (60 s) on a busy 2-core machine. Halved after each failed stream.
     */
    static final int BATCH_ROWS = 1_000;
    private static final int FEWEST_BATCH_ROWS = 50;
    private static final int IN_FLIGHT = 2;
    private static final int ATTEMPTS = 8;

    /** What an import did; {@code persons} holds each index's stored name ("persons/{id}"), null if rejected. */
    public record Result(String[] persons, long created, long updated, long unchanged, long rejected, long rows,
            double seconds, List<String> rejections) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    private final Channel detention;

    public Importer(Channel detention) {
        this.detention = detention;
    }

    public Result load(Population population, int from, int to, Consumer<String> progress) throws Exception {
        Progress state = new Progress(from, to);
        long began = System.nanoTime();
        int failures = 0;
        while (true) {
            int before = state.answeredUpTo;
            try {
                stream(population, state, progress, began);
                break;
            } catch (ExecutionException e) {
                // The services end every connection after 5 minutes, so a long import sees its stream cut; only
                // failures in a row without progress give up.
                failures = state.answeredUpTo > before ? 1 : failures + 1;
                if (failures == ATTEMPTS) {
                    throw e;
                }
                Status.Code code = Status.fromThrowable(e.getCause()).getCode();
                if (code == Status.Code.INTERNAL) {
                    // A batch outlasting the transaction timeout ends as INTERNAL: cut smaller, they are other batches.
                    state.batchRows = Math.max(FEWEST_BATCH_ROWS, state.batchRows / 2);
                }
                // A batch whose call was cut may still be running on the server, holding its persons' external ids.
                long pause = Math.min(60, 5L << Math.min(4, failures - 1));
                progress.accept("import stream ended at person " + state.answeredUpTo + " (" + e.getCause().getMessage()
                        + "); sending again from there in " + pause + " s, batches of at most " + state.batchRows + " rows");
                TimeUnit.SECONDS.sleep(pause);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(state.persons, state.counts[0], state.counts[1], state.counts[2], state.counts[3], state.rows,
                seconds, List.copyOf(state.rejections));
    }

    /** What the answers so far say; the next stream starts where they end. */
    private static final class Progress {
        final int from;
        final int to;
        final String[] persons;
        final long[] counts = new long[4];
        final List<String> rejections = new ArrayList<>();
        volatile int answeredUpTo;
        long rows;
        int batchRows = BATCH_ROWS;

        Progress(int from, int to) {
            this.from = from;
            this.to = to;
            this.persons = new String[to - from];
            this.answeredUpTo = from;
        }
    }

    private void stream(Population population, Progress state, Consumer<String> progress, long began) throws Exception {
        ArrayDeque<int[]> batches = new ArrayDeque<>();
        Semaphore window = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<ImportRecordsResponse> answers = new StreamObserver<>() {
            @Override
            public void onNext(ImportRecordsResponse response) {
                int[] batch;
                synchronized (batches) {
                    batch = batches.removeFirst();
                }
                synchronized (state) {
                    state.counts[0] += response.getCreated();
                    state.counts[1] += response.getUpdated();
                    state.counts[2] += response.getUnchanged();
                    state.counts[3] += response.getRejected();
                    for (ImportRecordResult result : response.getResultsList()) {
                        if (result.getOutcome() == ImportOutcome.IMPORT_OUTCOME_REJECTED) {
                            if (state.rejections.size() < 10) {
                                state.rejections.add("person " + (batch[0] + result.getPosition()) + ": "
                                        + result.getError().getMessage());
                            }
                        } else {
                            state.persons[batch[0] + result.getPosition() - state.from] = result.getPerson();
                        }
                    }
                    state.rows += batch[2];
                    state.answeredUpTo = batch[1];
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
        };
        StreamObserver<ImportRecordsRequest> requests = ImportServiceGrpc.newStub(detention).importRecords(answers);
        int next = state.answeredUpTo;
        long reported = System.nanoTime();
        while (next < state.to && !done.isDone()) {
            ImportRecordsRequest.Builder batch = ImportRecordsRequest.newBuilder();
            int start = next;
            int bytes = 0;
            int rows = 0;
            while (next < state.to && batch.getRecordsCount() < BATCH_RECORDS) {
                ImportRecord record = population.record(next);
                int size = record.getSerializedSize() + 8;
                int recordRows = Population.rows(record);
                if (batch.getRecordsCount() > 0 && (bytes + size > BATCH_BYTES || rows + recordRows > state.batchRows)) {
                    break;
                }
                batch.addRecords(record);
                bytes += size;
                rows += recordRows;
                next++;
            }
            batch.setBatchId(batchId(population.seed(), start, next));
            window.acquire();
            if (done.isDone()) {
                break;
            }
            synchronized (batches) {
                batches.addLast(new int[] {start, next, rows});
            }
            requests.onNext(batch.build());
            if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(10)) {
                reported = System.nanoTime();
                progress.accept("imported up to person " + state.answeredUpTo + " of " + state.to + " (%.0f rows/s)"
                        .formatted(state.rows / ((reported - began) / 1e9)));
            }
        }
        if (!done.isDone()) {
            requests.onCompleted();
        }
        done.get();
    }

    /** The same records, the same id: a batch sent again stores nothing twice; cut otherwise, it is another batch. */
    static String batchId(long seed, int firstIndex, int endIndex) {
        return UUID.nameUUIDFromBytes(("habeas-bench/" + seed + "/batch/" + firstIndex + "-" + endIndex)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
