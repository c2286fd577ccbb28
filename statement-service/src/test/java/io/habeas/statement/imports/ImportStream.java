package io.habeas.statement.imports;

import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import io.habeas.support.testing.StreamedCall;
import java.util.concurrent.TimeUnit;

/** One ImportStatementRecords call through the real stub. */
final class ImportStream {
    private ImportStream() {
    }

    static StreamedCall<ImportStatementRecordsResponse> send(ImportServiceGrpc.ImportServiceStub stub,
            ImportStatementRecordsRequest... batches) {
        return StreamedCall.send(stub.withDeadlineAfter(120, TimeUnit.SECONDS)::importStatementRecords, batches);
    }
}
