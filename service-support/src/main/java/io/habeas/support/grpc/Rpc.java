package io.habeas.support.grpc;

import com.google.protobuf.Message;
import io.habeas.support.audit.ReadAudit;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

public final class Rpc {
    private Rpc() {
    }

    /**
     * Runs blocking work when the call is subscribed and answers failures with a google.rpc.Status.
     * Its answer is audited ({@link ReadAudit}) before it leaves: every method goes through here,
     * so none can give a CONFIDENTIAL record unaudited.
     */
    public static <T> Uni<T> call(Supplier<T> work) {
        return Uni.createFrom().item(() -> audited(work.get())).onFailure().transform(GrpcErrors::toStatus);
    }

    private static <T> T audited(T answer) {
        if (answer instanceof Message message) {
            Arc.container().instance(ReadAudit.class).get().record(CalledMethod.current(), message);
        }
        return answer;
    }
}
