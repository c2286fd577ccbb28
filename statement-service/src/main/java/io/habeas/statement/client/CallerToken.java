package io.habeas.statement.client;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * detention-service is asked with the caller's own token, never an identity of statement-service's:
 * a service identity would see more or less than the caller, and either widens what the caller learns.
 */
final class CallerToken {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private CallerToken() {
    }

    /** The stub, sending the caller's bearer token (none for a caller without one, whom detention-service refuses). */
    static <S extends AbstractStub<S>> S attach(S stub, SecurityIdentity caller) {
        Metadata headers = new Metadata();
        if (caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            headers.put(AUTHORIZATION, "Bearer " + jwt.getRawToken());
        }
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
