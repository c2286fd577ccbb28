package io.habeas.detention.imports;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One ImportRecords call through the real stub: its batches sent, then how it ended. */
record ImportStream(List<ImportRecordsResponse> responses, Status status, com.google.rpc.Status details) {
    static ImportStream send(ImportServiceGrpc.ImportServiceStub stub, ImportRecordsRequest... batches) {
        List<ImportRecordsResponse> responses = new ArrayList<>();
        CompletableFuture<ImportStream> ended = new CompletableFuture<>();
        StreamObserver<ImportRecordsRequest> requests = stub.withDeadlineAfter(120, TimeUnit.SECONDS)
                .importRecords(new StreamObserver<>() {
                    @Override
                    public void onNext(ImportRecordsResponse response) {
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
        for (ImportRecordsRequest batch : batches) {
            requests.onNext(batch);
        }
        requests.onCompleted();
        return ended.join();
    }

    Status.Code code() {
        return status.getCode();
    }

    /** The only response, when the call ended well with one. */
    ImportRecordsResponse only() {
        if (!status.isOk() || responses.size() != 1) {
            throw new AssertionError("expected one response and OK, got " + responses.size() + " and " + status,
                    new StatusRuntimeException(status));
        }
        return responses.get(0);
    }
}
