package io.habeas.kernel.errors;

import java.util.Map;

/**
 * Something the request relies on changed or exists already. ABORTED means a stale etag or
 * a concurrent write: re-read and retry. ALREADY_EXISTS means a request id was used before
 * for another request, or that a record holds what the request gives (EXTERNAL_ID_TAKEN).
 * The metadata go with the reason (ErrorInfo.metadata): what a client needs to act on it.
 */
public class ConflictException extends RuntimeException {
    public enum Kind { ABORTED, ALREADY_EXISTS }

    private final Kind kind;
    private final String reason;
    private final Map<String, String> metadata;

    public ConflictException(Kind kind, String reason, String description) {
        this(kind, reason, description, Map.of());
    }

    public ConflictException(Kind kind, String reason, String description, Map<String, String> metadata) {
        super(description);
        this.kind = kind;
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
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

    public Map<String, String> metadata() {
        return metadata;
    }
}
