package io.habeas.support.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Security failures as gRPC statuses: no token, or one that fails verification (signature,
 * issuer, audience, expiry), is UNAUTHENTICATED; a verified caller whose roles do not allow the
 * method is PERMISSION_DENIED. Quarkus's default answers a call without a token with
 * PERMISSION_DENIED, which would tell a client to ask for another role instead of to sign in.
 */
@Singleton
@Alternative
@Priority(1)
public class AuthStatuses implements AuthExceptionHandlerProvider {

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <ReqT, RespT> AuthExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> serverCall, Metadata metadata) {
        return new AuthExceptionHandler<>(listener, serverCall, metadata) {
            @Override
            protected void handleException(Throwable exception, ServerCall<ReqT, RespT> call, Metadata headers) {
                if (handlesException(exception)) {
                    call.close(status(exception), new Metadata());
                } else if (exception instanceof RuntimeException runtime) {
                    throw runtime;
                } else {
                    throw new RuntimeException(exception);
                }
            }
        };
    }

    @Override
    public StatusException transformToStatusException(Throwable exception) {
        return new StatusException(status(exception));
    }

    @Override
    public boolean handlesException(Throwable exception) {
        return exception instanceof AuthenticationException || exception instanceof SecurityException;
    }

    static Status status(Throwable exception) {
        if (exception instanceof AuthenticationException || exception instanceof UnauthorizedException) {
            return Status.UNAUTHENTICATED.withDescription("a valid bearer token is required");
        }
        return Status.PERMISSION_DENIED.withDescription("the caller's role does not allow this method");
    }
}
