package io.habeas.support.watch;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.function.Supplier;

/**
 * Work for a watch, outside any request (its reader's and sender's threads), run as one of its
 * caller's requests: a request context of its own, with the caller as its identity, so that
 * request-scoped beans (a client asking another service with the caller's token) serve it as they
 * serve the caller's own calls.
 */
public final class AsCaller {
    private AsCaller() {
    }

    public static <T> T run(SecurityIdentity identity, Supplier<T> work) {
        ManagedContext request = Arc.container().requestContext();
        if (request.isActive()) {
            return work.get();
        }
        request.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
            return work.get();
        } finally {
            request.terminate();
        }
    }
}
