package io.habeas.support.grpc;

/**
 * A write's failure with the client's request id, so that the log line of an unexpected failure
 * names the request it came from. It answers as its cause does; only the log reads the id.
 */
final class FailedWrite extends RuntimeException {
    private final String requestId;

    FailedWrite(String requestId, RuntimeException cause) {
        super(cause.getClass().getName(), cause, false, false);
        this.requestId = requestId;
    }

    String requestId() {
        return requestId;
    }
}
