package io.habeas.suite.bench;

import io.grpc.Channel;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ImportRecordResult;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Sends a range of the population through ImportService.ImportRecords in one stream: batches of up to 500
 * records, {@link #BATCH_BYTES} and {@link #BATCH_ROWS}, as {@link PipelinedImport} sends them. Batch ids derive from the seed
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
        return load(population, from, to, progress, answeredUpTo -> { });
    }

    /** As {@link #load(Population, int, int, Consumer)}, telling checkpoint the person after the last answered one. */
    public Result load(Population population, int from, int to, Consumer<String> progress, IntConsumer checkpoint)
            throws Exception {
        PersonBatches batches = new PersonBatches(population, from, to);
        long began = System.nanoTime();
        new PipelinedImport<>(answers -> ImportServiceGrpc.newStub(detention).importRecords(answers), batches, "person")
                .checkpointing(checkpoint).run(to, progress);
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(batches.persons, batches.counts[0], batches.counts[1], batches.counts[2], batches.counts[3],
                batches.rows, seconds, List.copyOf(batches.rejections));
    }

    /** The range's persons in batches, and what the answers so far say: each index's stored name, the counts. */
    private static final class PersonBatches
            implements PipelinedImport.Batches<ImportRecordsRequest, ImportRecordsResponse, int[]> {
        private final Population population;
        private final int from;
        private final int to;
        final String[] persons;
        final long[] counts = new long[4];
        final List<String> rejections = new ArrayList<>();
        private volatile int answeredUpTo;
        long rows;
        private int batchRows = BATCH_ROWS;

        PersonBatches(Population population, int from, int to) {
            this.population = population;
            this.from = from;
            this.to = to;
            this.persons = new String[to - from];
            this.answeredUpTo = from;
        }

        /** Sent: {first index, index after the last, rows}. */
        @Override
        public PipelinedImport.Batch<ImportRecordsRequest, int[]> next(int start) {
            ImportRecordsRequest.Builder batch = ImportRecordsRequest.newBuilder();
            int next = start;
            int bytes = 0;
            int rows = 0;
            while (next < to && batch.getRecordsCount() < BATCH_RECORDS) {
                ImportRecord record = population.record(next);
                int size = record.getSerializedSize() + 8;
                int recordRows = Population.rows(record);
                if (batch.getRecordsCount() > 0 && (bytes + size > BATCH_BYTES || rows + recordRows > batchRows)) {
                    break;
                }
                batch.addRecords(record);
                bytes += size;
                rows += recordRows;
                next++;
            }
            batch.setBatchId(batchId(population.seed(), start, next));
            return new PipelinedImport.Batch<>(batch.build(), new int[] {start, next, rows}, next);
        }

        @Override
        public void answered(int[] batch, ImportRecordsResponse response) {
            counts[0] += response.getCreated();
            counts[1] += response.getUpdated();
            counts[2] += response.getUnchanged();
            counts[3] += response.getRejected();
            for (ImportRecordResult result : response.getResultsList()) {
                if (result.getOutcome() == ImportOutcome.IMPORT_OUTCOME_REJECTED) {
                    if (rejections.size() < 10) {
                        rejections.add("person " + (batch[0] + result.getPosition()) + ": " + result.getError().getMessage());
                    }
                } else {
                    persons[batch[0] + result.getPosition() - from] = result.getPerson();
                }
            }
            rows += batch[2];
            answeredUpTo = batch[1];
        }

        @Override
        public int answeredUpTo() {
            return answeredUpTo;
        }

        @Override
        public String shrink() {
            batchRows = Math.max(FEWEST_BATCH_ROWS, batchRows / 2);
            return batchRows + " rows";
        }

        @Override
        public String progress(double seconds) {
            return "imported up to person " + answeredUpTo + " of " + to + " (%.0f rows/s)".formatted(rows / seconds);
        }
    }

    /** The same records, the same id: a batch sent again stores nothing twice; cut otherwise, it is another batch. */
    static String batchId(long seed, int firstIndex, int endIndex) {
        return UUID.nameUUIDFromBytes(("habeas-bench/" + seed + "/batch/" + firstIndex + "-" + endIndex)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
