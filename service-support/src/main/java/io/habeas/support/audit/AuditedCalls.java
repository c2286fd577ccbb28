package io.habeas.support.audit;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.support.grpc.GrpcErrors;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every Habeas method's answer leaves only through the read audit. This interceptor puts the
 * method's full name ("habeas.detention.v1.PersonService/GetPerson") in the call's {@link Context}
 * for the audit's entries, and lets the call send only the answer the audit passed
 * ({@link #passed}, from {@code Rpc.call}): a method that answered any other way would give its
 * records unaudited, so its call ends INTERNAL instead, and the answer is never sent.
 */
@ApplicationScoped
@GlobalInterceptor
public class AuditedCalls implements ServerInterceptor {
    /** The services whose answers are audited: Habeas's own, not health or reflection. */
    static final String AUDITED_PACKAGE = "habeas.";
    private static final Context.Key<Answer> ANSWER = Context.key("habeas-audited-answer");

    /** One call's method, and the answer the audit passed. */
    private static final class Answer {
        final String method;
        volatile Object passed;

        Answer(String method) {
            this.method = method;
        }
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Answer answer = new Answer(call.getMethodDescriptor().getFullMethodName());
        ServerCall<Q, R> guarded = answer.method.startsWith(AUDITED_PACKAGE) ? new Guard<>(call, answer) : call;
        return Contexts.interceptCall(Context.current().withValue(ANSWER, answer), guarded, headers, next);
    }

    /** The full name of the method the current call serves. */
    public static String method() {
        return current().method;
    }

    /** The answer the read audit passed: the one the current call may send. */
    public static void passed(Object answer) {
        current().passed = answer;
    }

    private static Answer current() {
        Answer answer = ANSWER.get();
        if (answer == null) {
            throw new IllegalStateException("no gRPC call is being served here");
        }
        return answer;
    }

    private static final class Guard<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final Answer answer;
        private volatile boolean refused;

        Guard(ServerCall<Q, R> call, Answer answer) {
            super(call);
            this.answer = answer;
        }

        @Override
        public void sendMessage(R message) {
            if (message != answer.passed) {
                refused = true;
                StatusRuntimeException internal = GrpcErrors.toStatus(new IllegalStateException(
                        answer.method + " answered without Rpc.call, so without the read audit"));
                super.close(internal.getStatus(), internal.getTrailers() == null ? new Metadata() : internal.getTrailers());
                return;
            }
            super.sendMessage(message);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!refused) {
                super.close(status, trailers);
            }
        }
    }
}
