package io.habeas.detention.imports;

import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import io.habeas.support.testing.StreamedCall;
import java.util.concurrent.TimeUnit;

/** One ImportRecords call through the real stub. */
final class ImportStream {
    private ImportStream() {
    }

    static StreamedCall<ImportRecordsResponse> send(ImportServiceGrpc.ImportServiceStub stub, ImportRecordsRequest... batches) {
        return StreamedCall.send(stub.withDeadlineAfter(120, TimeUnit.SECONDS)::importRecords, batches);
    }
}
