package io.habeas.suite.bench;

import io.grpc.Channel;
import io.habeas.statement.v1.ImportOutcome;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Sends the plan's actors, then its statements, through statement-service's ImportStatementRecords in one
 * stream, as {@link Importer} sends persons ({@link PipelinedImport}): batches of at most {@link #BATCH_RECORDS}
 * at first. Items are numbered actors first: item {@code i} is actor {@code i} below {@code plan.actors()}, else
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
        return load(plan, 0, count, personNames, progress, answeredUpTo -> { });
    }

    /**
     * As {@link #load(StatementPlan, int, String[], Consumer)} from item {@code fromItem} on (a load resumed where an
     * earlier one stopped), telling checkpoint the item after the last answered one.
     */
    public Result load(StatementPlan plan, int fromItem, int count, String[] personNames, Consumer<String> progress,
            IntConsumer checkpoint) throws Exception {
        StatementBatches batches = new StatementBatches(plan, personNames, plan.actors() + count, fromItem);
        long began = System.nanoTime();
        new PipelinedImport<>(answers -> ImportServiceGrpc.newStub(statement).importStatementRecords(answers), batches,
                "statement").checkpointing(checkpoint).run(batches.items, progress);
        batches.countSkippedTail();
        return new Result(batches.statements, batches.counts[0], batches.counts[1], batches.counts[2], batches.counts[3],
                batches.skipped, (System.nanoTime() - began) / 1e9, List.copyOf(batches.rejections));
    }

    /** A batch sent: its items {@code [from, to)}, how many are statements and how many were skipped, each record's item. */
    private record Sent(int from, int to, int statements, int skipped, int[] items) {
    }

    /** The plan's items in batches, and what the answers so far say. */
    private static final class StatementBatches
            implements PipelinedImport.Batches<ImportStatementRecordsRequest, ImportStatementRecordsResponse, Sent> {
        private final StatementPlan plan;
        private final String[] personNames;
        final int items;
        final long[] counts = new long[4];
        final List<String> rejections = new ArrayList<>();
        private volatile int answeredUpTo;
        long statements;
        long skipped;
        private int batchRecords = BATCH_RECORDS;
        /** Skipped items at the end with nothing to send, once the last call reached them; -1 otherwise. */
        private int skippedTail = -1;

        StatementBatches(StatementPlan plan, String[] personNames, int items, int fromItem) {
            this.plan = plan;
            this.personNames = personNames;
            this.items = items;
            this.answeredUpTo = fromItem;
        }

        @Override
        public PipelinedImport.Batch<ImportStatementRecordsRequest, Sent> next(int start) {
            ImportStatementRecordsRequest.Builder batch = ImportStatementRecordsRequest.newBuilder();
            List<Integer> sentItems = new ArrayList<>();
            int next = start;
            int statementCount = 0;
            int skippedCount = 0;
            skippedTail = -1;
            while (next < items && batch.getRecordsCount() < batchRecords) {
                ImportRecord record = next < plan.actors() ? ImportRecord.newBuilder().setActor(plan.actor(next)).build()
                        : plan.record(next - plan.actors(), personNames);
                if (record == null) {
                    skippedCount++;
                } else {
                    batch.addRecords(record);
                    sentItems.add(next);
                    statementCount += record.hasStatement() ? 1 : 0;
                }
                next++;
            }
            if (batch.getRecordsCount() == 0) {
                // The last stretch names no stored person: nothing to send (an empty batch would be refused).
                skippedTail = skippedCount;
                return null;
            }
            Sent sent = new Sent(start, next, statementCount, skippedCount, sentItems.stream().mapToInt(Integer::intValue).toArray());
            return new PipelinedImport.Batch<>(batch.setBatchId(batchId(plan.seed(), start, next)).build(), sent, next);
        }

        @Override
        public void answered(Sent sent, ImportStatementRecordsResponse response) {
            counts[0] += response.getCreated();
            counts[1] += response.getUpdated();
            counts[2] += response.getUnchanged();
            counts[3] += response.getRejected();
            for (ImportRecordResult result : response.getResultsList()) {
                if (result.getOutcome() == ImportOutcome.IMPORT_OUTCOME_REJECTED && rejections.size() < 10) {
                    rejections.add("item " + sent.items()[result.getPosition()] + ": " + result.getError().getMessage());
                }
            }
            statements += sent.statements();
            skipped += sent.skipped();
            answeredUpTo = sent.to();
        }

        /** After the import: the skipped items at the end, which no batch carried, count as skipped. */
        void countSkippedTail() {
            if (skippedTail >= 0) {
                skipped += skippedTail;
                answeredUpTo = items;
            }
        }

        @Override
        public int answeredUpTo() {
            return answeredUpTo;
        }

        @Override
        public String shrink() {
            batchRecords = Math.max(FEWEST_BATCH_RECORDS, batchRecords / 2);
            return batchRecords + " records";
        }

        @Override
        public String progress(double seconds) {
            return "imported up to statement item %d of %d (%.0f statements/s)".formatted(answeredUpTo, items,
                    statements / seconds);
        }
    }

    static String batchId(long seed, int firstItem, int endItem) {
        return UUID.nameUUIDFromBytes(("habeas-bench/" + seed + "/statement-batch/" + firstItem + "-" + endItem)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
