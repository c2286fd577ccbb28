package io.habeas.support.testing;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;

/** Stubs that send a bearer token, as every caller of the services must. */
public final class Bearer {
    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private Bearer() {
    }

    /** The stub, sending a fresh test token of this role with every call. */
    public static <S extends AbstractStub<S>> S as(S stub, Role role) {
        return with(stub, TestTokens.of(role));
    }

    /** The stub, sending this token (any text) as the bearer. */
    public static <S extends AbstractStub<S>> S with(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
