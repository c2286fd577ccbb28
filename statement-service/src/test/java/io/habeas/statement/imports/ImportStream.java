package io.habeas.statement.imports;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.habeas.statement.v1.ImportServiceGrpc;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One ImportStatementRecords call through the real stub: its batches sent, then how it ended. */
record ImportStream(List<ImportStatementRecordsResponse> responses, Status status, com.google.rpc.Status details) {
    static ImportStream send(ImportServiceGrpc.ImportServiceStub stub, ImportStatementRecordsRequest... batches) {
        List<ImportStatementRecordsResponse> responses = new ArrayList<>();
        CompletableFuture<ImportStream> ended = new CompletableFuture<>();
        StreamObserver<ImportStatementRecordsRequest> requests = stub.withDeadlineAfter(120, TimeUnit.SECONDS)
                .importStatementRecords(new StreamObserver<>() {
                    @Override
                    public void onNext(ImportStatementRecordsResponse response) {
                        responses.add(response);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        ended.complete(new ImportStream(List.copyOf(responses), Status.fromThrowable(failure),
                                StatusProto.fromThrowable(failure)));
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(new ImportStream(List.copyOf(responses), Status.OK, null));
                    }
                });
        for (ImportStatementRecordsRequest batch : batches) {
            requests.onNext(batch);
        }
        requests.onCompleted();
        return ended.join();
    }

    Status.Code code() {
        return status.getCode();
    }

    /** The only response, when the call ended well with one. */
    ImportStatementRecordsResponse only() {
        if (!status.isOk() || responses.size() != 1) {
            throw new AssertionError("expected one response and OK, got " + responses.size() + " and " + status,
                    new StatusRuntimeException(status));
        }
        return responses.get(0);
    }
}
