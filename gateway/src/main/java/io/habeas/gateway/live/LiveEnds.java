package io.habeas.gateway.live;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.habeas.gateway.client.Backend;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import org.jboss.logging.Logger;

/**
 * Why a live stream ended, read from what ended it: a watch's status (its code and ErrorInfo reason, as the
 * watch protos define them), the caller's token expiring, or a client too slow for the stream's buffer.
 */
final class LiveEnds {

    private static final Logger LOG = Logger.getLogger(LiveEnds.class);

    /**
     * @param reason too_slow, token_expired, too_many_watches, unavailable, bad_answer, not_found or resume_point_expired
     * @param service the service whose watch ended it, or null
     * @param resumable whether the last event's id resumes it; otherwise reload (resume point gone) or stop (not_found)
     * @param reload whether the client must read the paged timeline again and watch from now on
     * @param cutOff whether the client was too slow, and is disconnected unless it takes this event in time
     */
    record End(String reason, String service, boolean resumable, boolean reload, boolean cutOff) {
    }

    /** A watch that ended, with its backend. */
    static final class SourceEnded extends RuntimeException {
        final Backend backend;

        SourceEnded(Backend backend, Throwable cause) {
            super(backend.serviceName() + " watch ended", cause, false, false);
            this.backend = backend;
        }
    }

    /** The caller's token expired: the stream ends then, whatever the backends do. */
    static final class TokenExpired extends RuntimeException {
        TokenExpired() {
            super("the caller's token expired", null, false, false);
        }
    }

    private LiveEnds() {
    }

    static End of(Throwable failure) {
        String service = null;
        Throwable cause = failure;
        if (failure instanceof SourceEnded ended) {
            service = ended.backend.serviceName();
            cause = ended.getCause();
        }
        if (cause instanceof BackPressureFailure) {
            return new End("too_slow", null, true, false, true);
        }
        if (cause instanceof TokenExpired) {
            return new End("token_expired", null, true, false, false);
        }
        if (cause instanceof InvalidArgumentException bad) {
            LOG.warnf("%s watch answered with %s", service, bad.getMessage());
            return new End("bad_answer", service, true, false, false);
        }
        Status status = Status.fromThrowable(cause);
        String reason = errorInfoReason(cause);
        LOG.debugf(cause, "%s watch ended with %s %s", service, status.getCode(), reason);
        return switch (status.getCode()) {
            case RESOURCE_EXHAUSTED -> "TOO_MANY_WATCHES".equals(reason)
                    ? new End("too_many_watches", service, true, false, false)
                    : new End("too_slow", service, true, false, false);
            case UNAUTHENTICATED -> new End("token_expired", service, true, false, false);
            // the resume point is gone (retention), or no longer fits the watch (a country's detainees changed)
            case OUT_OF_RANGE, INVALID_ARGUMENT -> new End("resume_point_expired", service, false, true, false);
            case NOT_FOUND, PERMISSION_DENIED -> new End("not_found", service, false, false, false);
            default -> new End("unavailable", service, true, false, false);
        };
    }

    private static String errorInfoReason(Throwable t) {
        com.google.rpc.Status status = StatusProto.fromThrowable(t);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class).getReason();
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
