package io.habeas.support.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.kernel.errors.ConflictException;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.PermissionDeniedException;
import io.habeas.kernel.errors.UnavailableException;
import io.habeas.support.database.DatabaseFailures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Turns what the services throw into google.rpc.Status answers with their details, as AIP-193 has them. */
public final class GrpcErrors {
    /** ErrorInfo.domain: the service that answered, such as "detention-service.habeas.io". */
    static final String DOMAIN = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
            .orElse("habeas") + ".habeas.io";
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
    static final String NOTHING_STORED = "the database cannot be reached; nothing was stored, and a write may be retried"
            + " later with the same request_id";
    static final String MAYBE_STORED = "the connection to the database was lost while committing, so a write may have"
            + " been stored; retry it with the same request_id, which stores it at most once and returns its result";
    static final String SHUTTING_DOWN = "this instance is shutting down; send the call again (a write with the same"
            + " request_id, which stores it at most once)";
    static final Metadata.Key<String> RETRY_PUSHBACK = Metadata.Key.of("grpc-retry-pushback-ms",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final int LOGGED_FRAMES = 12;

    private GrpcErrors() {
    }

    /**
     * The status of the first failure in the cause chain that names one; else UNAVAILABLE when the
     * database could not be reached or the connection was lost; else INTERNAL (logged once).
     */
    public static StatusRuntimeException toStatus(Throwable failure) {
        return toStatus(failure, false);
    }

    /**
     * As {@link #toStatus(Throwable)}, for a call that may have ended under its work (callEnded: its
     * request scope is gone): such a failure is the call's end, as when its context is cancelled.
     */
    public static StatusRuntimeException toStatus(Throwable failure, boolean callEnded) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // A stopped query may surface wrapped as a lock failure; it is a time limit, not a concurrent write.
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isQueryStopped(cause)) {
                return status(Code.DEADLINE_EXCEEDED, "the request took longer than its time limit allows; nothing was stored",
                        errorInfo("QUERY_TIME_LIMIT"));
            }
        }
        seen.clear();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            StatusRuntimeException status = known(cause);
            // A nested INTERNAL (a dependency's own failure) is not this caller's to read.
            if (status != null && (cause == failure || status.getStatus().getCode() != io.grpc.Status.Code.INTERNAL)) {
                return status;
            }
        }
        if (DatabaseFailures.unreachable(failure)) {
            return databaseUnavailable(failure);
        }
        Context call = Context.current();
        if (call.isCancelled() || callEnded) {
            return abandoned(call, failure);
        }
        if (ShutdownRefusal.stopping()) {
            LOG.infof("Call failed while this instance stops, trace_id %s, request_id %s: %s", traceId().orElse("-"),
                    requestId(failure), failure.getClass().getName());
            return shuttingDown();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure, incident %s, trace_id %s, request_id %s: %s", incident,
                traceId().orElse("-"), requestId(failure), withoutMessages(failure));
        return status(Code.INTERNAL, "internal error, incident " + incident, Any.pack(ErrorInfo.newBuilder()
                .setReason("INTERNAL").setDomain(DOMAIN).putMetadata("incident", incident).build()));
    }

    /**
     * UNAVAILABLE: the caller may retry. Before the commit the transaction never committed, so nothing
     * was stored; during it the outcome is unknown, and only the same request_id makes a retry safe.
     * One line in the log, without a stack trace: an outage fails every call at once.
     */
    private static StatusRuntimeException databaseUnavailable(Throwable failure) {
        boolean whileCommitting = DatabaseFailures.whileCommitting(failure);
        LOG.warnf("Database unavailable%s, trace_id %s, request_id %s: %s", whileCommitting ? " while committing" : "",
                traceId().orElse("-"), requestId(failure), DatabaseFailures.describe(failure));
        return notRetriedElsewhere(status(Code.UNAVAILABLE, whileCommitting ? MAYBE_STORED : NOTHING_STORED,
                errorInfo("DATABASE_UNAVAILABLE")));
    }

    /**
     * UNAVAILABLE from an instance that stops (kernel RetriedCalls sends it again, to another instance):
     * the call did not run, or failed as the instance closed its database under it, before any commit.
     */
    static StatusRuntimeException shuttingDown() {
        return status(Code.UNAVAILABLE, SHUTTING_DOWN, errorInfo("SHUTTING_DOWN"));
    }

    /**
     * An UNAVAILABLE that another instance would answer the same (the database they share is out of
     * reach): the trailer grpc-retry-pushback-ms with a negative value tells a gRPC client
     * with a retry policy not to send it again at once (gRFC A6); the caller retries later, as the
     * message says.
     */
    private static StatusRuntimeException notRetriedElsewhere(StatusRuntimeException unavailable) {
        Metadata trailers = unavailable.getTrailers() == null ? new Metadata() : unavailable.getTrailers();
        trailers.put(RETRY_PUSHBACK, "-1");
        return new StatusRuntimeException(unavailable.getStatus(), trailers);
    }

    /**
     * The caller gave up (cancelled, or its deadline passed) and its call's work then failed, as work
     * left running after its call ended does (its request scope closed under it): nobody reads this
     * answer, and the failure is the caller's leaving, not an incident of the service.
     */
    private static StatusRuntimeException abandoned(Context call, Throwable failure) {
        boolean deadline = call.cancellationCause() instanceof java.util.concurrent.TimeoutException;
        LOG.debugf("Call %s by its caller, then failed, trace_id %s, request_id %s: %s",
                deadline ? "past its deadline" : "cancelled", traceId().orElse("-"), requestId(failure),
                failure.getClass().getName());
        return deadline
                ? status(Code.DEADLINE_EXCEEDED, "the call's deadline passed before it was answered")
                : status(Code.CANCELLED, "the call was cancelled by its caller");
    }

    /** The trace of the call being answered: every log line shows it, and so do the ErrorInfo of INTERNAL and UNAVAILABLE. */
    static Optional<String> traceId() {
        SpanContext trace = Span.current().getSpanContext();
        return trace.isValid() ? Optional.of(trace.getTraceId()) : Optional.empty();
    }

    /** The client's request id of the write that failed, or "-" for a read. */
    static String requestId(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof FailedWrite write) {
                return write.requestId();
            }
        }
        return "-";
    }

    /**
     * A failure for the log: each class in its cause chain and its first frames, without messages,
     * which may hold SQL with the values of a row (a person's name) or a connection string.
     */
    static String withoutMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            text.append(cause == failure ? "" : "\n  caused by ").append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, LOGGED_FRAMES); i++) {
                text.append("\n    at ").append(frames[i]);
            }
        }
        return text.toString();
    }

    private static StatusRuntimeException known(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof InvalidArgumentException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            invalid.violations().forEach(v -> badRequest.addFieldViolations(
                    BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
            return status(Code.INVALID_ARGUMENT, invalid.getMessage(), Any.pack(badRequest.build()));
        }
        if (failure instanceof NotFoundException notFound) {
            return status(Code.NOT_FOUND, notFound.getMessage(), Any.pack(ResourceInfo.newBuilder()
                    .setResourceName(notFound.resourceName()).setDescription("does not exist").build()));
        }
        if (failure instanceof FailedPreconditionException precondition) {
            return status(Code.FAILED_PRECONDITION, precondition.getMessage(),
                    Any.pack(PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation.newBuilder()
                            .setType(precondition.type()).setSubject(precondition.subject())
                            .setDescription(precondition.getMessage())).build()),
                    errorInfo(precondition.type()));
        }
        if (failure instanceof ConflictException conflict) {
            Code code = conflict.kind() == ConflictException.Kind.ABORTED ? Code.ABORTED : Code.ALREADY_EXISTS;
            return status(code, conflict.getMessage(), Any.pack(ErrorInfo.newBuilder().setReason(conflict.reason())
                    .setDomain(DOMAIN).putAllMetadata(conflict.metadata()).build()));
        }
        if (failure instanceof PermissionDeniedException denied) {
            return status(Code.PERMISSION_DENIED, denied.getMessage(), errorInfo(denied.reason()));
        }
        if (failure instanceof UnavailableException unavailable) {
            // Not asked to stay here: another instance has its own connections to the dependency.
            return status(Code.UNAVAILABLE, unavailable.getMessage(), Any.pack(ErrorInfo.newBuilder()
                    .setReason("DEPENDENCY_UNAVAILABLE").setDomain(DOMAIN)
                    .putMetadata("dependency", unavailable.dependency()).build()));
        }
        if (isConcurrentWrite(failure)) {
            return status(Code.ABORTED, "a concurrent write touched the same record; read it again and retry",
                    errorInfo("CONCURRENT_WRITE"));
        }
        return null;
    }

    /** PostgreSQL's statement_timeout or a cancelled query (QueryLimits): SQLState 57014, query_canceled. */
    private static boolean isQueryStopped(Throwable failure) {
        return failure instanceof jakarta.persistence.QueryTimeoutException
                || failure instanceof org.hibernate.QueryTimeoutException
                || (failure instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState()));
    }

    private static boolean isConcurrentWrite(Throwable failure) {
        return failure instanceof OptimisticLockException
                || failure instanceof PessimisticLockException
                || failure instanceof org.hibernate.StaleStateException
                || failure instanceof org.hibernate.exception.ConstraintViolationException
                || failure instanceof org.hibernate.exception.LockAcquisitionException;
    }

    /** A status of this code with an ErrorInfo of this reason and metadata, for answers no exception names. */
    public static StatusRuntimeException withReason(Code code, String reason, String message, Map<String, String> metadata) {
        return status(code, message, Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN)
                .putAllMetadata(metadata).build()));
    }

    private static Any errorInfo(String reason) {
        return Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).build());
    }

    private static StatusRuntimeException status(Code code, String message, Any... details) {
        Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
        for (Any detail : details) {
            status.addDetails(code == Code.INTERNAL || code == Code.UNAVAILABLE ? withTraceId(detail) : detail);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /**
     * An ErrorInfo with the metadata trace_id added: a caller reporting a failure of the service's own, or of a
     * dependency, names the trace that holds its spans and log lines.
     */
    private static Any withTraceId(Any detail) {
        Optional<String> traceId = traceId();
        if (traceId.isEmpty() || !detail.is(ErrorInfo.class)) {
            return detail;
        }
        try {
            return Any.pack(detail.unpack(ErrorInfo.class).toBuilder().putMetadata("trace_id", traceId.get()).build());
        } catch (InvalidProtocolBufferException packedHere) {
            throw new IllegalStateException(packedHere);
        }
    }
}
