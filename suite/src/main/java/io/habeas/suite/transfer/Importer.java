package io.habeas.suite.transfer;

import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecordResult;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Sends a file's person records to detention-service in batches and keeps count. Batches hold up to 500 records and stay
 * under the 1 MiB request limit; where they are cut depends on the file alone, and each batch's
 * id is derived from the file's digest, the caller and the batch's position, so that running the
 * same file again sends the same batches under the same ids and the service stores nothing twice
 * (within its request-log window, 30 days by default).
 */
final class Importer {
    static final int MAX_RECORDS = 500;
    /** Below the services' 1 MiB per request, leaving room for the batch's own fields. */
    static final int MAX_BATCH_BYTES = 1_000_000;

    /** The call cannot go on for any batch: no valid token, or not allowed to import. */
    static final class Refused extends Exception {
        Refused(StatusRuntimeException cause) {
            super(Summary.describe(cause), cause);
        }
    }

    private final ImportServiceGrpc.ImportServiceStub stub;
    private final String batchSeed;
    private final Summary summary;
    private final Progress progress;
    private final BiConsumer<FileRecord.Person, String> stored;
    private final List<FileRecord.Person> batch = new ArrayList<>();
    private int batchBytes;
    private int batchIndex;

    /**
     * @param batchSeed what batch ids are derived from: the file's digest and the caller
     * @param stored told of each record stored, with the person it is now ("persons/{id}")
     */
    Importer(ImportServiceGrpc.ImportServiceStub stub, String batchSeed, Summary summary, Progress progress,
            BiConsumer<FileRecord.Person, String> stored) {
        this.stub = stub;
        this.batchSeed = batchSeed;
        this.summary = summary;
        this.progress = progress;
        this.stored = stored;
    }

    void run(Iterator<FileRecord> records) throws InterruptedException, Refused {
        try (BatchStream<ImportRecordsRequest, ImportRecordsResponse> stream = new BatchStream<>(stub::importRecords)) {
            while (records.hasNext()) {
                FileRecord next = records.next();
                if (next instanceof FileRecord.Unreadable bad) {
                    summary.reject(List.of(bad.line()), "not sent: " + bad.reason());
                    continue;
                }
                if (!(next instanceof FileRecord.Person person)) {
                    // statement-service's records: a pass of their own once the persons are in
                    continue;
                }
                int size = person.record().getSerializedSize() + 8;
                if (size > MAX_BATCH_BYTES) {
                    summary.reject(person.lines(), "not sent: the record is " + size
                            + " bytes, more than one request may hold (1 MiB)");
                    continue;
                }
                if (batch.size() == MAX_RECORDS || batchBytes + size > MAX_BATCH_BYTES) {
                    flush(stream);
                }
                batch.add(person);
                batchBytes += size;
            }
            flush(stream);
        }
        progress.update(summary.done(), summary.counts());
    }

    private void flush(BatchStream<ImportRecordsRequest, ImportRecordsResponse> stream) throws InterruptedException, Refused {
        if (batch.isEmpty()) {
            return;
        }
        String id = UUID.nameUUIDFromBytes((batchSeed + "/" + batchIndex).getBytes(StandardCharsets.UTF_8)).toString();
        var request = ImportRecordsRequest.newBuilder().setBatchId(id);
        batch.forEach(p -> request.addRecords(p.record()));
        try {
            count(stream.sendWithRetries(request.build()));
        } catch (StatusRuntimeException failed) {
            String reason = "batch " + (batchIndex + 1) + " failed whole: " + Summary.describe(failed);
            batch.forEach(p -> summary.reject(p.lines(), reason));
        }
        batch.clear();
        batchBytes = 0;
        batchIndex++;
        progress.update(summary.done(), summary.counts());
    }

    private void count(ImportRecordsResponse response) {
        for (ImportRecordResult result : response.getResultsList()) {
            FileRecord.Person person = batch.get(result.getPosition());
            ImportOutcome outcome = result.getOutcome();
            switch (outcome) {
                case IMPORT_OUTCOME_CREATED -> summary.created++;
                case IMPORT_OUTCOME_UPDATED -> summary.updated++;
                case IMPORT_OUTCOME_UNCHANGED -> summary.unchanged++;
                default -> summary.reject(person.lines(), Summary.describe(result.getError()));
            }
            if (outcome != ImportOutcome.IMPORT_OUTCOME_REJECTED) {
                stored.accept(person, result.getPerson());
            }
        }
    }
}
