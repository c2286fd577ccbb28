package io.habeas.suite.transfer;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One ImportRecords call kept open across batches, one batch in flight: each batch is sent once
 * the previous one is answered, so the client holds at most one batch unanswered. A batch that
 * ends the call fails {@link #send}; the next batch opens a new call, as the contract asks.
 */
final class BatchStream implements AutoCloseable {
    private static final Object COMPLETED = new Object();
    private final ImportServiceGrpc.ImportServiceStub stub;
    private StreamObserver<ImportRecordsRequest> requests;
    private LinkedBlockingQueue<Object> answers;

    BatchStream(ImportServiceGrpc.ImportServiceStub stub) {
        this.stub = stub;
    }

    ImportRecordsResponse send(ImportRecordsRequest batch) throws InterruptedException {
        if (requests == null) {
            open();
        }
        requests.onNext(batch);
        Object answer = answers.take();
        if (answer instanceof ImportRecordsResponse response) {
            return response;
        }
        requests = null;
        if (answer instanceof Throwable failure) {
            throw failure instanceof StatusRuntimeException s ? s : Status.fromThrowable(failure).asRuntimeException();
        }
        throw Status.INTERNAL.withDescription("the call ended without answering batch " + batch.getBatchId()).asRuntimeException();
    }

    private void open() {
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        answers = queue;
        requests = stub.importRecords(new StreamObserver<>() {
            @Override
            public void onNext(ImportRecordsResponse response) {
                queue.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                queue.add(failure);
            }

            @Override
            public void onCompleted() {
                queue.add(COMPLETED);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        if (requests != null) {
            requests.onCompleted();
            answers.take();
            requests = null;
        }
    }
}
