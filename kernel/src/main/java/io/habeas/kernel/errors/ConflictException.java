package io.habeas.kernel.errors;

/**
 * Something the request relies on changed or exists already. ABORTED means a stale etag or
 * a concurrent write: re-read and retry. ALREADY_EXISTS means a request id was used before
 * for another request.
 */
public class ConflictException extends RuntimeException {
    public enum Kind { ABORTED, ALREADY_EXISTS }

    private final Kind kind;
    private final String reason;

    public ConflictException(Kind kind, String reason, String description) {
        super(description);
        this.kind = kind;
        this.reason = reason;
    }

    public static ConflictException staleEtag(String resourceName) {
        return new ConflictException(Kind.ABORTED, "STALE_ETAG",
                resourceName + " was changed since it was read; read it again and retry");
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
