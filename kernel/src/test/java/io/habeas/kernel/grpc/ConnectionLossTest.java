package io.habeas.kernel.grpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class ConnectionLossTest {

    @Test
    void grpcJavasUnknownForAResetConnectionIsALostConnection() {
        ClosedChannelException closed = new ClosedChannelException();
        closed.initCause(new IOException("Connection reset by peer"));
        assertTrue(ConnectionLoss.isLostConnection(Status.UNKNOWN.withDescription("channel closed").withCause(closed)));
        assertTrue(ConnectionLoss.isLostConnection(Status.UNKNOWN.withCause(new IllegalStateException(closed))),
                "found anywhere in the cause chain");
    }

    @Test
    void anUnknownWithoutAClosedChannelOrAnotherCodeIsNot() {
        assertFalse(ConnectionLoss.isLostConnection(Status.UNKNOWN.withDescription("channel closed")));
        assertFalse(ConnectionLoss.isLostConnection(Status.UNKNOWN.withCause(new IOException("reset"))));
        assertFalse(ConnectionLoss.isLostConnection(Status.INTERNAL.withCause(new ClosedChannelException())));
        assertFalse(ConnectionLoss.isLostConnection(Status.UNAVAILABLE), "UNAVAILABLE is marked by its code");
    }
}
