package io.habeas.suite.transfer;

import io.grpc.StatusRuntimeException;
import io.habeas.statement.v1.ImportOutcome;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends a file's actor and statement records to statement-service (ImportStatementRecords), in
 * file order, in batches cut as {@link Importer} cuts them and also before the records name more
 * than 5,000 distinct persons; batch ids come from the same seed, the file's digest and the
 * caller, so that running the file again stores nothing twice. When restoring, each record is
 * sent with the restored names of what it names ({@link Renames}); a statement that answers a
 * claim of a later line waits until that claim is stored.
 */
final class StatementImporter {
    /** The most distinct persons one batch may name (ImportStatementRecords). */
    static final int MAX_PERSONS = 5_000;

    private final ImportServiceGrpc.ImportServiceStub stub;
    private final String batchSeed;
    private final Summary summary;
    private final Progress progress;
    private final Renames renames;
    /** Each record as read, and as sent. */
    private final List<FileRecord.Statement> read = new ArrayList<>();
    private final List<io.habeas.statement.v1.ImportRecord> sent = new ArrayList<>();
    private final Set<String> namesInBatch = new HashSet<>();
    private final Set<String> personsInBatch = new HashSet<>();
    private int batchBytes;
    private int batchIndex;

    /**
     * @param batchSeed what batch ids are derived from: the file's digest and the caller
     * @param renames a restore's names, or null to send the records as they are
     */
    StatementImporter(ImportServiceGrpc.ImportServiceStub stub, String batchSeed, Summary summary, Progress progress,
            Renames renames) {
        this.stub = stub;
        this.batchSeed = batchSeed + "/statements";
        this.summary = summary;
        this.progress = progress;
        this.renames = renames;
    }

    /** Sends the statement-service records among {@code records}; the others are not its. */
    void run(Iterator<FileRecord> records) throws InterruptedException, Importer.Refused {
        List<FileRecord.Statement> waiting = new ArrayList<>();
        try (BatchStream<ImportStatementRecordsRequest, ImportStatementRecordsResponse> stream =
                new BatchStream<>(stub::importStatementRecords)) {
            while (records.hasNext()) {
                if (records.next() instanceof FileRecord.Statement record) {
                    offer(stream, record, waiting);
                }
            }
            int before = Integer.MAX_VALUE;
            while (!waiting.isEmpty() && waiting.size() < before) {
                flush(stream);
                before = waiting.size();
                List<FileRecord.Statement> again = List.copyOf(waiting);
                waiting.clear();
                for (FileRecord.Statement record : again) {
                    offer(stream, record, waiting);
                }
            }
            flush(stream);
        }
        for (FileRecord.Statement record : waiting) {
            summary.reject(record.lines(), "not sent: " + (renames.rename(record.record(), Set.of()) instanceof Renames.Later later
                    ? "the claim " + later.claim() + " that it answers is in no record restored" : "a claim it answers was not restored"));
        }
        progress.update(summary.done(), summary.counts());
    }

    private void offer(BatchStream<ImportStatementRecordsRequest, ImportStatementRecordsResponse> stream,
            FileRecord.Statement record, List<FileRecord.Statement> waiting) throws InterruptedException, Importer.Refused {
        io.habeas.statement.v1.ImportRecord toSend = record.record();
        if (renames != null) {
            Renames.Outcome outcome = renames.rename(record.record(), namesInBatch);
            if (outcome instanceof Renames.AfterBatch) {
                flush(stream);
                outcome = renames.rename(record.record(), namesInBatch);
            }
            if (outcome instanceof Renames.Refused refused) {
                summary.reject(record.lines(), "not sent: " + refused.reason());
                renames.lost(record.record());
                return;
            }
            if (!(outcome instanceof Renames.Ready ready)) {
                waiting.add(record);
                return;
            }
            toSend = ready.record();
        }
        int size = toSend.getSerializedSize() + 8;
        if (size > Importer.MAX_BATCH_BYTES) {
            summary.reject(record.lines(), "not sent: the record is " + size + " bytes, more than one request may hold (1 MiB)");
            if (renames != null) {
                renames.lost(record.record());
            }
            return;
        }
        Set<String> persons = persons(toSend);
        Set<String> together = new HashSet<>(personsInBatch);
        together.addAll(persons);
        if (sent.size() == Importer.MAX_RECORDS || batchBytes + size > Importer.MAX_BATCH_BYTES
                || together.size() > MAX_PERSONS) {
            flush(stream);
        }
        read.add(record);
        sent.add(toSend);
        batchBytes += size;
        personsInBatch.addAll(persons);
        namesInBatch.addAll(Renames.namesWithin(record.record()));
    }

    private static Set<String> persons(io.habeas.statement.v1.ImportRecord record) {
        Set<String> persons = new HashSet<>();
        if (record.hasActor() && !record.getActor().getPerson().isEmpty()) {
            persons.add(record.getActor().getPerson());
        }
        record.getStatement().getStatement().getClaimsList().forEach(c -> persons.addAll(c.getSubjectPersonsList()));
        return persons;
    }

    private void flush(BatchStream<ImportStatementRecordsRequest, ImportStatementRecordsResponse> stream)
            throws InterruptedException, Importer.Refused {
        if (sent.isEmpty()) {
            return;
        }
        String id = UUID.nameUUIDFromBytes((batchSeed + "/" + batchIndex).getBytes(StandardCharsets.UTF_8)).toString();
        try {
            count(stream.sendWithRetries(ImportStatementRecordsRequest.newBuilder().setBatchId(id).addAllRecords(sent).build()));
        } catch (StatusRuntimeException failed) {
            String reason = "batch " + (batchIndex + 1) + " of statement-service's records failed whole: " + Summary.describe(failed);
            for (FileRecord.Statement record : read) {
                summary.reject(record.lines(), reason);
                if (renames != null) {
                    renames.lost(record.record());
                }
            }
        }
        read.clear();
        sent.clear();
        namesInBatch.clear();
        personsInBatch.clear();
        batchBytes = 0;
        batchIndex++;
        progress.update(summary.done(), summary.counts());
    }

    private void count(ImportStatementRecordsResponse response) {
        for (ImportRecordResult result : response.getResultsList()) {
            FileRecord.Statement record = read.get(result.getPosition());
            ImportOutcome outcome = result.getOutcome();
            switch (outcome) {
                case IMPORT_OUTCOME_CREATED -> summary.created++;
                case IMPORT_OUTCOME_UPDATED -> summary.updated++;
                case IMPORT_OUTCOME_UNCHANGED -> summary.unchanged++;
                default -> summary.reject(record.lines(), Summary.describe(result.getError()));
            }
            if (renames != null) {
                if (outcome == ImportOutcome.IMPORT_OUTCOME_REJECTED) {
                    renames.lost(record.record());
                } else {
                    renames.stored(record.record(), result);
                }
            }
        }
    }
}
