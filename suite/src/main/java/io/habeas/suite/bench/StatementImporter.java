package io.habeas.suite.bench;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.habeas.statement.v1.ImportOutcome;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
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
 * Sends the plan's actors, then its statements, through statement-service's ImportStatementRecords in one
 * stream, as {@link Importer} sends persons: batches of at most {@link #BATCH_RECORDS} at first, at most
 * {@link #IN_FLIGHT} unanswered; after a failed stream the items from its first unanswered batch go again in a
 * new one. Items are numbered actors first: item {@code i} is actor {@code i} below {@code plan.actors()}, else
 * statement {@code i - plan.actors()}. Statements name their actor by external id and carry an import key, and
 * batch ids derive from the seed and the items, so that anything sent again is stored once.
 */
public final class StatementImporter {
    /**
     * Records per batch at first: a statement with its claims, subjects, revision and feed rows is some ten rows,
     * and a batch is one transaction under statement-service's timeout. Halved after each failed stream.
     */
    static final int BATCH_RECORDS = 250;
    private static final int FEWEST_BATCH_RECORDS = 10;
    private static final int IN_FLIGHT = 2;
    private static final int ATTEMPTS = 8;

    /** What an import did: statements skipped named only persons the person import rejected, and were not sent. */
    public record Result(long statements, long created, long updated, long unchanged, long rejected, long skipped,
            double seconds, List<String> rejections) {
        public double statementsPerSecond() {
            return seconds > 0 ? statements / seconds : 0;
        }
    }

    private final Channel statement;

    public StatementImporter(Channel statement) {
        this.statement = statement;
    }

    /** Imports the plan's actors and its first {@code count} statements; {@code personNames} as the person import stored them. */
    public Result load(StatementPlan plan, int count, String[] personNames, Consumer<String> progress) throws Exception {
        State state = new State(plan.actors() + count);
        long began = System.nanoTime();
        int failures = 0;
        while (true) {
            int before = state.answeredUpTo;
            try {
                stream(plan, personNames, state, progress, began);
                break;
            } catch (ExecutionException e) {
                failures = state.answeredUpTo > before ? 1 : failures + 1;
                if (failures == ATTEMPTS) {
                    throw e;
                }
                if (Status.fromThrowable(e.getCause()).getCode() == Status.Code.INTERNAL) {
                    state.batchRecords = Math.max(FEWEST_BATCH_RECORDS, state.batchRecords / 2);
                }
                long pause = Math.min(60, 5L << Math.min(4, failures - 1));
                progress.accept("statement import stream ended at item " + state.answeredUpTo + " (" + e.getCause().getMessage()
                        + "); sending again from there in " + pause + " s, batches of at most " + state.batchRecords);
                TimeUnit.SECONDS.sleep(pause);
            }
        }
        return new Result(state.statements, state.counts[0], state.counts[1], state.counts[2], state.counts[3], state.skipped,
                (System.nanoTime() - began) / 1e9, List.copyOf(state.rejections));
    }

    private static final class State {
        final int items;
        final long[] counts = new long[4];
        final List<String> rejections = new ArrayList<>();
        volatile int answeredUpTo;
        long statements;
        long skipped;
        int batchRecords = BATCH_RECORDS;

        State(int items) {
            this.items = items;
        }
    }

    /** A batch sent: its items {@code [from, to)}, how many are statements and how many were skipped, each record's item. */
    private record Sent(int from, int to, int statements, int skipped, int[] items) {
    }

    private void stream(StatementPlan plan, String[] personNames, State state, Consumer<String> progress, long began)
            throws Exception {
        ArrayDeque<Sent> batches = new ArrayDeque<>();
        Semaphore window = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<ImportStatementRecordsResponse> answers = new StreamObserver<>() {
            @Override
            public void onNext(ImportStatementRecordsResponse response) {
                Sent sent;
                synchronized (batches) {
                    sent = batches.removeFirst();
                }
                synchronized (state) {
                    state.counts[0] += response.getCreated();
                    state.counts[1] += response.getUpdated();
                    state.counts[2] += response.getUnchanged();
                    state.counts[3] += response.getRejected();
                    for (ImportRecordResult result : response.getResultsList()) {
                        if (result.getOutcome() == ImportOutcome.IMPORT_OUTCOME_REJECTED && state.rejections.size() < 10) {
                            state.rejections.add("item " + sent.items()[result.getPosition()] + ": " + result.getError().getMessage());
                        }
                    }
                    state.statements += sent.statements();
                    state.skipped += sent.skipped();
                    state.answeredUpTo = sent.to();
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
        StreamObserver<ImportStatementRecordsRequest> requests = ImportServiceGrpc.newStub(statement).importStatementRecords(answers);
        int next = state.answeredUpTo;
        int trailingSkipped = -1;
        long reported = System.nanoTime();
        while (next < state.items && !done.isDone()) {
            ImportStatementRecordsRequest.Builder batch = ImportStatementRecordsRequest.newBuilder();
            List<Integer> items = new ArrayList<>();
            int start = next;
            int statements = 0;
            int skipped = 0;
            while (next < state.items && batch.getRecordsCount() < state.batchRecords) {
                ImportRecord record = next < plan.actors() ? ImportRecord.newBuilder().setActor(plan.actor(next)).build()
                        : plan.record(next - plan.actors(), personNames);
                if (record == null) {
                    skipped++;
                } else {
                    batch.addRecords(record);
                    items.add(next);
                    statements += record.hasStatement() ? 1 : 0;
                }
                next++;
            }
            if (batch.getRecordsCount() == 0) {
                // The last stretch names no stored person: nothing to send (an empty batch would be refused).
                trailingSkipped = skipped;
                break;
            }
            window.acquire();
            if (done.isDone()) {
                break;
            }
            synchronized (batches) {
                batches.addLast(new Sent(start, next, statements, skipped, items.stream().mapToInt(Integer::intValue).toArray()));
            }
            requests.onNext(batch.setBatchId(batchId(plan.seed(), start, next)).build());
            if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(10)) {
                reported = System.nanoTime();
                progress.accept("imported up to statement item %d of %d (%.0f statements/s)".formatted(state.answeredUpTo,
                        state.items, state.statements / ((reported - began) / 1e9)));
            }
        }
        if (!done.isDone()) {
            requests.onCompleted();
        }
        done.get();
        if (trailingSkipped >= 0) {
            synchronized (state) {
                state.skipped += trailingSkipped;
                state.answeredUpTo = state.items;
            }
        }
    }

    static String batchId(long seed, int firstItem, int endItem) {
        return UUID.nameUUIDFromBytes(("habeas-bench/" + seed + "/statement-batch/" + firstItem + "-" + endItem)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
