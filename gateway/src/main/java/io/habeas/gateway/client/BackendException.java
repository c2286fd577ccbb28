package io.habeas.gateway.client;

import io.grpc.Status;
import io.habeas.gateway.api.MissingSource;
import java.util.Locale;

/**
 * A failed backend call, classified once in {@link GuardedCalls}: either the backend rejected the
 * request (its answer stands: 400, 404, ...) or it could not answer (down, slow, circuit open), in
 * which case a timeline is served without it.
 */
public final class BackendException extends RuntimeException {

    public enum Kind {
        /** The backend answered with an error about the request itself (INVALID_ARGUMENT, NOT_FOUND, ...). */
        REJECTED,
        /** Down or refusing connections (UNAVAILABLE, and errors that say nothing about the request). */
        UNAVAILABLE,
        /** No answer within the deadline. */
        TIMEOUT,
        /** The circuit breaker is open: the backend was not called. */
        CIRCUIT_OPEN
    }

    private final Backend backend;
    private final Kind kind;
    private final Status.Code code;

    public BackendException(Backend backend, Kind kind, Status.Code code, String message, Throwable cause) {
        super(backend.serviceName() + ": " + message, cause, false, false);
        this.backend = backend;
        this.kind = kind;
        this.code = code;
    }

    public Backend backend() {
        return backend;
    }

    public Kind kind() {
        return kind;
    }

    public Status.Code code() {
        return code;
    }

    /** True when the backend could not answer, as opposed to answering with an error. */
    public boolean unavailable() {
        return kind != Kind.REJECTED;
    }

    /** The reason shown in a partial answer: unavailable, timeout or circuit_open. */
    public String reason() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** This backend's part of a partial answer, missing for {@link #reason()}. */
    public MissingSource missingSource() {
        return new MissingSource(backend.serviceName(), reason());
    }
}
