package io.habeas.detention.imports;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.detention.v1.ExportRecordsRequest;
import io.habeas.detention.v1.ExportRecordsResponse;
import io.habeas.detention.v1.ExportServiceGrpc;
import io.habeas.detention.v1.ImportRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One ExportRecords call through the real stub: every response received, then how it ended. */
record ExportCall(List<ExportRecordsResponse> responses, Status status, com.google.rpc.Status details) {
    static ExportCall of(ExportServiceGrpc.ExportServiceBlockingStub stub, ExportRecordsRequest request) {
        List<ExportRecordsResponse> responses = new ArrayList<>();
        try {
            stub.withDeadlineAfter(60, TimeUnit.SECONDS).exportRecords(request).forEachRemaining(responses::add);
            return new ExportCall(responses, Status.OK, null);
        } catch (StatusRuntimeException failed) {
            return new ExportCall(responses, failed.getStatus(), StatusProto.fromThrowable(failed));
        }
    }

    /** Every record of a call that ended well. */
    List<ImportRecord> records() {
        if (!status.isOk()) {
            throw new AssertionError("the export ended " + status, new StatusRuntimeException(status));
        }
        return responses.stream().flatMap(r -> r.getRecordsList().stream()).toList();
    }
}
