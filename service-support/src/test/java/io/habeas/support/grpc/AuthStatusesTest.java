package io.habeas.support.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.junit.jupiter.api.Test;

class AuthStatusesTest {
    private final AuthStatuses statuses = new AuthStatuses();

    @Test
    void noTokenOrABadOneIsUnauthenticated() {
        assertEquals(Status.Code.UNAUTHENTICATED, code(new UnauthorizedException()));
        assertEquals(Status.Code.UNAUTHENTICATED, code(new AuthenticationFailedException("expired")));
    }

    @Test
    void aRoleThatDoesNotAllowTheMethodIsPermissionDenied() {
        assertEquals(Status.Code.PERMISSION_DENIED, code(new ForbiddenException()));
    }

    @Test
    void handlesOnlySecurityFailures() {
        assertTrue(statuses.handlesException(new ForbiddenException()));
        assertFalse(statuses.handlesException(new IllegalStateException()));
    }

    @Test
    void tellsNothingOfTheTokenItRefused() {
        assertEquals("a valid bearer token is required", statuses.transformToStatusException(
                new AuthenticationFailedException("signature of eyJ... failed")).getStatus().getDescription());
    }

    private Status.Code code(Throwable failure) {
        return statuses.transformToStatusException(failure).getStatus().getCode();
    }
}
