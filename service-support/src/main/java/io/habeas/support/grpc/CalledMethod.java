package io.habeas.support.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The full name of the gRPC method a call serves ("habeas.detention.v1.PersonService/GetPerson"),
 * in the call's {@link Context}, for the read audit's entries.
 */
@ApplicationScoped
@GlobalInterceptor
public class CalledMethod implements ServerInterceptor {
    private static final Context.Key<String> METHOD = Context.key("habeas-method");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return Contexts.interceptCall(Context.current().withValue(METHOD, call.getMethodDescriptor().getFullMethodName()),
                call, headers, next);
    }

    /** The method of the call being served; outside a call, a programming error. */
    public static String current() {
        String method = METHOD.get();
        if (method == null) {
            throw new IllegalStateException("no gRPC call is being served here");
        }
        return method;
    }
}
