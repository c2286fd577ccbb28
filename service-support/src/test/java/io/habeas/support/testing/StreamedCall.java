package io.habeas.support.testing;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A streaming call through a real stub: every response received, then how it ended. */
public record StreamedCall<A>(List<A> responses, Status status, com.google.rpc.Status details) {

    /** Opens the call, sends these requests and half-closes, then waits for its end. */
    @SafeVarargs
    public static <Q, A> StreamedCall<A> send(Function<StreamObserver<A>, StreamObserver<Q>> open, Q... requests) {
        List<A> responses = new ArrayList<>();
        CompletableFuture<StreamedCall<A>> ended = new CompletableFuture<>();
        StreamObserver<Q> call = open.apply(new StreamObserver<>() {
            @Override
            public void onNext(A response) {
                responses.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                ended.complete(new StreamedCall<>(List.copyOf(responses), Status.fromThrowable(failure),
                        StatusProto.fromThrowable(failure)));
            }

            @Override
            public void onCompleted() {
                ended.complete(new StreamedCall<>(List.copyOf(responses), Status.OK, null));
            }
        });
        for (Q request : requests) {
            call.onNext(request);
        }
        call.onCompleted();
        return ended.join();
    }

    public Status.Code code() {
        return status.getCode();
    }

    /** The only response, when the call ended well with one. */
    public A only() {
        if (!status.isOk() || responses.size() != 1) {
            throw new AssertionError("expected one response and OK, got " + responses.size() + " and " + status,
                    new StatusRuntimeException(status));
        }
        return responses.get(0);
    }
}
