package io.habeas.suite.transfer;

import io.habeas.detention.v1.ExportRecordsRequest;
import io.habeas.detention.v1.ExportRecordsResponse;
import io.habeas.detention.v1.ExportServiceGrpc;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.statement.v1.ExportStatementRecordsRequest;
import io.habeas.statement.v1.ExportStatementRecordsResponse;
import io.habeas.statement.v1.ExportedRecord;
import io.habeas.statement.v1.ImportServiceGrpc;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/**
 * Writes everything the caller may see as NDJSON, one record a line: detention-service's persons,
 * then statement-service's actors and statements (when its address is given), each in its
 * service's export order, so that a restore reads persons before the statements naming them and
 * actors before their statements. The file appears only once the export is whole (written beside
 * it, then moved in place).
 */
final class Exporter {
    private static final int CHUNK = 500;

    /** The records written, by kind. */
    record Written(long persons, long actors, long statements) {
    }

    private Exporter() {
    }

    /** @param statement statement-service's channel, or null to export persons only */
    static Written export(io.grpc.Channel detention, io.grpc.Channel statement, Path file, Progress progress) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long persons = 0;
        long actors = 0;
        long statements = 0;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            Iterator<ExportRecordsResponse> chunks = ExportServiceGrpc.newBlockingStub(detention)
                    .exportRecords(ExportRecordsRequest.newBuilder().setPageSize(CHUNK).build());
            while (chunks.hasNext()) {
                for (ImportRecord record : chunks.next().getRecordsList()) {
                    out.write(NdjsonRecords.line(record));
                    out.newLine();
                    persons++;
                }
                progress.update(persons, "persons written");
            }
            if (statement != null) {
                Iterator<ExportStatementRecordsResponse> more = ImportServiceGrpc.newBlockingStub(statement)
                        .exportStatementRecords(ExportStatementRecordsRequest.newBuilder().setPageSize(CHUNK).build());
                while (more.hasNext()) {
                    for (ExportedRecord exported : more.next().getRecordsList()) {
                        out.write(NdjsonRecords.line(exported.getRecord()));
                        out.newLine();
                        if (exported.getRecord().hasActor()) {
                            actors++;
                        } else {
                            statements++;
                        }
                    }
                    progress.update(persons + actors + statements, "records written");
                }
            }
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.finish();
        return new Written(persons, actors, statements);
    }
}
