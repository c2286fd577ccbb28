package io.habeas.support.grpc;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

public final class Rpc {
    private Rpc() {
    }

    /** Runs blocking work when the call is subscribed and answers failures with a google.rpc.Status. */
    public static <T> Uni<T> call(Supplier<T> work) {
        return Uni.createFrom().item(work).onFailure().transform(GrpcErrors::toStatus);
    }
}
