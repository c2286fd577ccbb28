package io.habeas.kernel.grpc;

import io.grpc.Status;
import java.nio.channels.ClosedChannelException;

/**
 * A call that failed because its connection was lost, whatever code grpc-java gave it. Its Netty
 * transport reports a connection reset by the server's end (an instance killed mid-call) as UNKNOWN
 * "channel closed", with the ClosedChannelException as its cause, rather than UNAVAILABLE. No
 * answer came: the call may or may not have run, and is sent again as any UNAVAILABLE is (a write
 * with its request_id, so it is stored at most once).
 */
public final class ConnectionLoss {
    private ConnectionLoss() {
    }

    public static boolean isLostConnection(Status status) {
        if (status.getCode() != Status.Code.UNKNOWN) {
            return false;
        }
        for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
