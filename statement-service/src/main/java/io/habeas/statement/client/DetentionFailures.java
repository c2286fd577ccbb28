package io.habeas.statement.client;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.habeas.kernel.errors.UnavailableException;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * A call to detention-service that failed, as the failure of the call this service was answering. Its
 * deadline and cancellation reach detention-service with the call: when that call has ended (its caller's
 * deadline passed, or it cancelled), detention-service's failure is only its echo, and the call ends quietly
 * (GrpcErrors answers it as abandoned). Otherwise detention-service could not answer: logged by its code only,
 * since a description may quote what detention-service was sent or holds, and answered UNAVAILABLE.
 */
final class DetentionFailures {
    private static final Logger LOG = Logger.getLogger(DetentionFailures.class);

    private DetentionFailures() {
    }

    /** What to throw; logged says what could not be done ("say which of 3 persons the caller may see"). */
    static RuntimeException of(StatusRuntimeException failure, String logged, String answered) {
        if (Context.current().isCancelled()) {
            LOG.debugf("%s could not %s: the call it served had ended (%s)", DetentionPersons.DEPENDENCY, logged,
                    failure.getStatus().getCode());
            CancellationException ended = new CancellationException("the call ended before detention-service answered");
            ended.initCause(failure);
            return ended;
        }
        LOG.warnf("%s could not %s: %s", DetentionPersons.DEPENDENCY, logged, failure.getStatus().getCode());
        return new UnavailableException(DetentionPersons.DEPENDENCY, DetentionPersons.DEPENDENCY + " could not " + answered
                + " (" + failure.getStatus().getCode() + "); nothing was read or stored, retry later", failure);
    }
}
