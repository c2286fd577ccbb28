package io.habeas.gateway.client;

import io.grpc.Status;
import io.habeas.gateway.api.MissingSource;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A failed backend call, classified once in {@link GuardedCalls} (a bad answer where the answer is
 * read, {@link Backend#read}): either the backend rejected the request (its answer stands: 400,
 * 404, ...) or it gave no usable answer (down, slow, circuit open, or an answer that breaks the
 * contract), in which case a timeline is served without it.
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
        CIRCUIT_OPEN,
        /** It answered, but with what the contract rules out: a resource name not of its form. */
        BAD_ANSWER
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

    /** A bad answer: the call succeeded (OK), the answer names, in violations, the fields that break the contract. */
    static BackendException badAnswer(Backend backend, InvalidArgumentException e) {
        String fields = e.violations().stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
        return new BackendException(backend, Kind.BAD_ANSWER, Status.Code.OK, "bad answer: malformed " + fields, e);
    }

    /** True when the backend gave no usable answer, as opposed to answering with an error about the request. */
    public boolean unavailable() {
        return kind != Kind.REJECTED;
    }

    /** The reason shown in a partial answer: unavailable, timeout, circuit_open or bad_answer. */
    public String reason() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** This backend's part of a partial answer, missing for {@link #reason()}. */
    public MissingSource missingSource() {
        return new MissingSource(backend.serviceName(), reason());
    }
}
