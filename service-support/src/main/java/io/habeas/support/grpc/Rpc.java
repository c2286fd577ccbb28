package io.habeas.support.grpc;

import com.google.protobuf.Message;
import io.habeas.support.audit.AuditedCalls;
import io.habeas.support.audit.ReadAudit;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

public final class Rpc {
    private Rpc() {
    }

    /**
     * Runs blocking work when the call is subscribed and answers failures with a google.rpc.Status.
     * Its answer is audited ({@link ReadAudit}) before it leaves; {@link AuditedCalls} lets a call
     * send no other, so a method answering some other way fails instead of answering unaudited.
     */
    public static <T> Uni<T> call(Supplier<T> work) {
        return Uni.createFrom().item(() -> audited(work.get())).onFailure().transform(GrpcErrors::toStatus);
    }

    private static <T> T audited(T answer) {
        if (answer instanceof Message message) {
            Arc.container().instance(ReadAudit.class).get().record(AuditedCalls.method(), message);
        }
        AuditedCalls.passed(answer);
        return answer;
    }
}
