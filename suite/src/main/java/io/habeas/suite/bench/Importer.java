package io.habeas.suite.bench;

import io.grpc.Channel;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends a range of the population through ImportService.ImportRecords in one stream: batches of up to 500
 * records and about {@link #BATCH_BYTES}, at most {@link #IN_FLIGHT} unanswered at once. Batch ids derive from the
 * seed and the first index, so a load sent again after an interruption stores nothing twice.
 */
public final class Importer {
    /** Under the services' 1 MiB request limit, with room for a person with hundreds of events. */
    static final int BATCH_BYTES = 600 * 1024;
    static final int BATCH_RECORDS = 500;
    private static final int IN_FLIGHT = 2;

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
        String[] persons = new String[to - from];
        long[] counts = new long[4];
        List<String> rejections = new ArrayList<>();
        ArrayDeque<Integer> batchStarts = new ArrayDeque<>();
        Semaphore window = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> done = new CompletableFuture<>();
        long began = System.nanoTime();
        StreamObserver<ImportRecordsResponse> answers = new StreamObserver<>() {
            @Override
            public void onNext(ImportRecordsResponse response) {
                int start;
                synchronized (batchStarts) {
                    start = batchStarts.removeFirst();
                }
                synchronized (counts) {
                    counts[0] += response.getCreated();
                    counts[1] += response.getUpdated();
                    counts[2] += response.getUnchanged();
                    counts[3] += response.getRejected();
                    for (ImportRecordResult result : response.getResultsList()) {
                        if (result.getOutcome() == ImportOutcome.IMPORT_OUTCOME_REJECTED) {
                            if (rejections.size() < 10) {
                                rejections.add("person " + (start + result.getPosition()) + ": " + result.getError().getMessage());
                            }
                        } else {
                            persons[start + result.getPosition() - from] = result.getPerson();
                        }
                    }
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
        long rows = 0;
        int next = from;
        long reported = System.nanoTime();
        while (next < to && !done.isDone()) {
            ImportRecordsRequest.Builder batch = ImportRecordsRequest.newBuilder()
                    .setBatchId(batchId(population.seed(), next));
            int start = next;
            int bytes = 0;
            while (next < to && batch.getRecordsCount() < BATCH_RECORDS) {
                ImportRecord record = population.record(next);
                int size = record.getSerializedSize() + 8;
                if (batch.getRecordsCount() > 0 && bytes + size > BATCH_BYTES) {
                    break;
                }
                batch.addRecords(record);
                bytes += size;
                rows += Population.rows(record);
                next++;
            }
            window.acquire();
            synchronized (batchStarts) {
                batchStarts.addLast(start);
            }
            requests.onNext(batch.build());
            if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(10)) {
                reported = System.nanoTime();
                progress.accept("imported up to person " + next + " of " + to + " (%.0f rows/s)"
                        .formatted(rows / ((reported - began) / 1e9)));
            }
        }
        requests.onCompleted();
        done.get();
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(persons, counts[0], counts[1], counts[2], counts[3], rows, seconds, List.copyOf(rejections));
    }

    static String batchId(long seed, int firstIndex) {
        return UUID.nameUUIDFromBytes(("habeas-bench/" + seed + "/batch/" + firstIndex).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
