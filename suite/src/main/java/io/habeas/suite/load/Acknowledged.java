package io.habeas.suite.load;

import com.google.protobuf.Message;

/**
 * A write the service acknowledged: the request as it was sent (with its request id), the answer, the
 * name of the record it made and the person the record is about. A write given up has no answer and no name.
 *
 * @param phase the phase of the run it was acknowledged in ({@link Ledger#startPhase})
 */
public record Acknowledged(WriteKind kind, String requestId, Message request, Message response, String name,
        String person, int attempts, int phase) {
}
