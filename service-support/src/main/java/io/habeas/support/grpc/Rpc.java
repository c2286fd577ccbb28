package io.habeas.support.grpc;

import com.google.protobuf.Message;
import io.habeas.support.audit.AuditedCalls;
import io.habeas.support.audit.ReadAudit;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

public final class Rpc {
    private Rpc() {
    }

    /**
     * Runs blocking work when the call is subscribed and answers failures with a google.rpc.Status.
     * Its answer is audited ({@link ReadAudit}) before it leaves; {@link AuditedCalls} lets a call
     * send no other, so a method answering some other way fails instead of answering unaudited.
     * Work whose request scope ended under it failed because its call ended: Quarkus's gRPC request
     * context interceptor destroys a cancelled call's scope at once, while a blocking method still
     * runs on its worker thread, whose gRPC context does not always show the cancellation. The test is
     * the call's own scope state: after a client's cancel, isActive() on the worker could still answer
     * true while that state was destroyed (AbandonedCallGrpcTest).
     */
    public static <T> Uni<T> call(Supplier<T> work) {
        ManagedContext scope = Arc.container().requestContext();
        InjectableContext.ContextState state = scope.isActive() ? scope.getState() : null;
        return Uni.createFrom().item(() -> audited(work.get()))
                .onFailure().transform(failure -> GrpcErrors.toStatus(failure, state != null
                        && (!state.isValid() || !scope.isActive())));
    }

    private static <T> T audited(T answer) {
        if (answer instanceof Message message) {
            Arc.container().instance(ReadAudit.class).get().record(AuditedCalls.method(), message);
        }
        AuditedCalls.passed(answer);
        return answer;
    }
}
