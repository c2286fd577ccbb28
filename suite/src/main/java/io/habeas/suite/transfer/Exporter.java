package io.habeas.suite.transfer;

import io.habeas.detention.v1.ExportRecordsRequest;
import io.habeas.detention.v1.ExportRecordsResponse;
import io.habeas.detention.v1.ExportServiceGrpc;
import io.habeas.detention.v1.ImportRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/**
 * Writes everything the caller may see as NDJSON, one record a line: detention-service's persons
 * now. The file appears only once the export is whole (written beside it, then moved in place).
 */
final class Exporter {
    private static final int CHUNK = 500;

    private Exporter() {
    }

    /** The number of records written. */
    static long export(io.grpc.Channel channel, Path file, Progress progress) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            Iterator<ExportRecordsResponse> chunks = ExportServiceGrpc.newBlockingStub(channel)
                    .exportRecords(ExportRecordsRequest.newBuilder().setPageSize(CHUNK).build());
            while (chunks.hasNext()) {
                for (ImportRecord record : chunks.next().getRecordsList()) {
                    out.write(NdjsonRecords.line(record));
                    out.newLine();
                    written++;
                }
                progress.update(written, "persons written");
            }
            // TODO(statements): append statement-service's actors and statements (its ExportStatementRecords) once
            // habeas.statement.v1 has it, each line with its kind and original resource name.
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.finish();
        return written;
    }
}
