package io.habeas.support.revisions;

import jakarta.enterprise.context.RequestScoped;

/** The client request id of the write this call runs, for the revisions it leaves. */
@RequestScoped
public class WriteRequest {
    private String requestId;

    public void begin(String requestId) {
        this.requestId = requestId;
    }

    /** The id; a write outside {@code IdempotentCalls} is a programming error, not a client's. */
    public String requestId() {
        if (requestId == null) {
            throw new IllegalStateException("a revision is written outside a write with a request id");
        }
        return requestId;
    }
}
