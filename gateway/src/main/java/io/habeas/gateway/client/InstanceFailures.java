package io.habeas.gateway.client;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.kernel.grpc.ConnectionLoss;

/**
 * Failures of the instance a call went to, not of the backend: another instance may answer the
 * next call. They are the connection's (refused, reset, lost mid-call: grpc-java's UNAVAILABLE
 * without details, or UNKNOWN "channel closed") and an instance's refusal as it stops
 * (UNAVAILABLE, ErrorInfo SHUTTING_DOWN). Every other UNAVAILABLE from a Habeas service names what
 * all its instances share (its database, a dependency) and is the backend's.
 */
final class InstanceFailures {
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";

    private InstanceFailures() {
    }

    static boolean ofOneInstance(StatusRuntimeException failure) {
        Status status = failure.getStatus();
        if (ConnectionLoss.isLostConnection(status)) {
            return true;
        }
        if (status.getCode() != Status.Code.UNAVAILABLE) {
            return false;
        }
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        if (details == null || details.getDetailsCount() == 0) {
            return true;
        }
        return details.getDetailsList().stream().filter(any -> any.is(ErrorInfo.class)).findFirst()
                .map(InstanceFailures::reason).map(SHUTTING_DOWN::equals).orElse(false);
    }

    private static String reason(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(ErrorInfo.class).getReason();
        } catch (com.google.protobuf.InvalidProtocolBufferException malformed) {
            return "";
        }
    }
}
