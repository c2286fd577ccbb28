package io.habeas.support.grpc;

import static io.habeas.support.testing.GrpcAssertions.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.kernel.errors.ConflictException;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.PermissionDeniedException;
import io.habeas.kernel.errors.UnavailableException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Outside Quarkus: MicroProfile Config answers without quarkus.application.name, so the domain is the default. */
class GrpcErrorsTest {
    private static final String DOMAIN = "habeas.habeas.io";
    private static final String PERSON = "persons/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    /** The status a failure maps to, with its code checked. */
    private static com.google.rpc.Status status(Status.Code code, Throwable failure) {
        StatusRuntimeException mapped = GrpcErrors.toStatus(failure);
        assertEquals(code, mapped.getStatus().getCode(), mapped.getStatus().getDescription());
        com.google.rpc.Status status = StatusProto.fromThrowable(mapped);
        assertEquals(code.value(), status.getCode());
        assertEquals(mapped.getStatus().getDescription(), status.getMessage());
        return status;
    }

    private static ErrorInfo errorInfo(String reason) {
        return ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).build();
    }

    /** The status says this and carries this ErrorInfo as its only detail. */
    private static void assertOnlyErrorInfo(com.google.rpc.Status status, String message, ErrorInfo info) {
        assertEquals(message, status.getMessage());
        assertEquals(List.of(ErrorInfo.class), detailTypes(status));
        assertEquals(info, detail(status, ErrorInfo.class));
    }

    private static List<Class<?>> detailTypes(com.google.rpc.Status status) {
        return status.getDetailsList().stream().map(GrpcErrorsTest::typeOf).toList();
    }

    private static Class<?> typeOf(Any any) {
        return Stream.of(BadRequest.class, ResourceInfo.class, PreconditionFailure.class, ErrorInfo.class)
                .filter(any::is).findFirst().orElseThrow(() -> new AssertionError("unexpected detail " + any.getTypeUrl()));
    }

    @Test
    void readsTheDomainThroughMicroProfileConfigOutsideQuarkus() {
        assertEquals(DOMAIN, GrpcErrors.DOMAIN);
    }

    @Test
    void answersInvalidArgumentWithEveryViolationInABadRequest() {
        InvalidArgumentException invalid = new InvalidArgumentException(List.of(
                new FieldViolation("person.display_name", "must not be blank"),
                new FieldViolation("person.born_on.month", "month must be 1 to 12, or 0 when unknown"),
                new FieldViolation("page_token", "is not a token this API issued")));
        com.google.rpc.Status status = status(Status.Code.INVALID_ARGUMENT, invalid);
        assertEquals("3 invalid field(s): person.display_name: must not be blank", status.getMessage());
        assertEquals(List.of(BadRequest.class), detailTypes(status));
        assertEquals(BadRequest.newBuilder()
                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("person.display_name").setDescription("must not be blank"))
                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("person.born_on.month").setDescription("month must be 1 to 12, or 0 when unknown"))
                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("page_token").setDescription("is not a token this API issued"))
                .build(), detail(status, BadRequest.class));
    }

    @Test
    void answersNotFoundWithTheResourceInfo() {
        com.google.rpc.Status status = status(Status.Code.NOT_FOUND, new NotFoundException(PERSON));
        assertEquals(PERSON + " does not exist", status.getMessage());
        assertEquals(List.of(ResourceInfo.class), detailTypes(status));
        assertEquals(ResourceInfo.newBuilder().setResourceName(PERSON).setDescription("does not exist").build(),
                detail(status, ResourceInfo.class));
    }

    @Test
    void answersFailedPreconditionWithTheViolationAndItsTypeAsTheReason() {
        com.google.rpc.Status status = status(Status.Code.FAILED_PRECONDITION, new FailedPreconditionException(
                "EVENT_AFTER_FINAL_RELEASE", "detentions/1", "the detention ended with a release"));
        assertEquals("the detention ended with a release", status.getMessage());
        assertEquals(List.of(PreconditionFailure.class, ErrorInfo.class), detailTypes(status));
        assertEquals(PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation.newBuilder()
                .setType("EVENT_AFTER_FINAL_RELEASE").setSubject("detentions/1")
                .setDescription("the detention ended with a release")).build(), detail(status, PreconditionFailure.class));
        assertEquals(errorInfo("EVENT_AFTER_FINAL_RELEASE"), detail(status, ErrorInfo.class));
    }

    @Test
    void answersAStaleEtagWithAborted() {
        assertOnlyErrorInfo(status(Status.Code.ABORTED, ConflictException.staleEtag(PERSON)),
                PERSON + " was changed since it was read; read it again and retry", errorInfo("STALE_ETAG"));
    }

    @Test
    void answersAReusedRequestIdWithAlreadyExists() {
        assertOnlyErrorInfo(status(Status.Code.ALREADY_EXISTS, new ConflictException(
                ConflictException.Kind.ALREADY_EXISTS, "REQUEST_ID_REUSED", "request id r1 was used for another request")),
                "request id r1 was used for another request", errorInfo("REQUEST_ID_REUSED"));
    }

    @Test
    void answersATakenExternalIdWithAlreadyExistsAndItsMetadata() {
        var taken = io.habeas.kernel.identifiers.ExternalIdTakenException.heldBy("person.external_ids[0]",
                new io.habeas.kernel.identifiers.ExternalId("wikidata", "Q42"), "person", PERSON);
        assertOnlyErrorInfo(status(Status.Code.ALREADY_EXISTS, taken), taken.getMessage(),
                errorInfo("EXTERNAL_ID_TAKEN").toBuilder().putMetadata("field", "person.external_ids[0]")
                        .putMetadata("scheme", "wikidata").putMetadata("value", "Q42").putMetadata("holder", PERSON).build());
    }

    @Test
    void answersUnavailableNamingTheDependency() {
        UnavailableException dependencyDown = new UnavailableException(
                "detention-service", "detention-service did not answer in time", new TimeoutException());
        assertOnlyErrorInfo(status(Status.Code.UNAVAILABLE, dependencyDown),
                "detention-service did not answer in time",
                errorInfo("DEPENDENCY_UNAVAILABLE").toBuilder().putMetadata("dependency", "detention-service").build());
        assertNull(GrpcErrors.toStatus(dependencyDown).getTrailers().get(GrpcErrors.RETRY_PUSHBACK),
                "another instance has its own connections to the dependency");
    }

    /** Another instance would answer the same: the trailer asks a retrying client not to send it again at once. */
    private static void assertNotRetriedElsewhere(StatusRuntimeException unavailable) {
        assertEquals("-1", unavailable.getTrailers().get(GrpcErrors.RETRY_PUSHBACK), unavailable.getTrailers().toString());
    }

    @Test
    void whileTheInstanceStopsAFailureIsUnavailableToBeSentElsewhereNotAnIncident() {
        ShutdownRefusal refusal = new ShutdownRefusal();
        refusal.stopping(null);
        try {
            StatusRuntimeException failure = GrpcErrors.toStatus(new IllegalStateException("EntityManagerFactory is closed"));
            assertOnlyErrorInfo(StatusProto.fromThrowable(failure), GrpcErrors.SHUTTING_DOWN, errorInfo("SHUTTING_DOWN"));
            assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode());
            assertNull(failure.getTrailers().get(GrpcErrors.RETRY_PUSHBACK), "another instance may answer");
            assertEquals(Status.Code.NOT_FOUND, GrpcErrors.toStatus(new NotFoundException(PERSON)).getStatus().getCode());
        } finally {
            refusal.started(null);
        }
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(new IllegalStateException()).getStatus().getCode());
    }

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** Runs the work with a span of TRACE current, as every call the service serves has. */
    private static <T> T inTrace(java.util.function.Supplier<T> work) {
        Span span = Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getDefault(), TraceState.getDefault()));
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        }
    }

    /** A log handler that keeps each message (unformatted) it is given. */
    private static Handler linesTo(List<String> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void anInternalAnswerAndItsLogLineNameTheCallsTrace() {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = linesTo(logged);
        Logger logger = Logger.getLogger(GrpcErrors.class.getName());
        logger.addHandler(capture);
        try {
            com.google.rpc.Status status = StatusProto.fromThrowable(inTrace(() -> GrpcErrors.toStatus(
                    new IllegalStateException("secret"))));
            ErrorInfo info = detail(status, ErrorInfo.class);
            assertEquals(TRACE, info.getMetadataOrThrow("trace_id"));
            assertEquals(List.of("incident", "trace_id"), info.getMetadataMap().keySet().stream().sorted().toList());
            String incident = info.getMetadataOrThrow("incident");
            assertTrue(logged.stream().anyMatch(line -> line.contains("incident " + incident) && line.contains("trace_id " + TRACE)),
                    logged::toString);
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** A call whose request scope ended under its work ended, though no cancellation reached the work's context. */
    @Test
    void workWhoseCallEndedUnderItIsAnsweredAsCancelledAndLogsNoIncident() {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = linesTo(logged);
        Logger logger = Logger.getLogger(GrpcErrors.class.getName());
        logger.addHandler(capture);
        IllegalStateException scopeGone = new IllegalStateException("request scope not active");
        try {
            assertEquals(Status.Code.CANCELLED, GrpcErrors.toStatus(scopeGone, true).getStatus().getCode());
            assertEquals(Status.Code.NOT_FOUND, GrpcErrors.toStatus(new NotFoundException(PERSON), true).getStatus().getCode());
            assertTrue(logged.stream().noneMatch(line -> line.contains("incident")), logged::toString);
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(scopeGone, false).getStatus().getCode());
    }

    /** Work left running after its caller gave up fails as such work does (here: its request scope gone). */
    @Test
    void workThatFailsAfterItsCallerGaveUpIsAnsweredAsAbandonedAndLogsNoIncident() throws Exception {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = linesTo(logged);
        Logger logger = Logger.getLogger(GrpcErrors.class.getName());
        logger.addHandler(capture);
        IllegalStateException scopeGone = new IllegalStateException("request scope not active");
        try (Context.CancellableContext cancelled = Context.current().withCancellation();
                Context.CancellableContext expired = Context.current().withDeadlineAfter(1, TimeUnit.MILLISECONDS,
                        Executors.newSingleThreadScheduledExecutor())) {
            cancelled.cancel(null);
            Thread.sleep(50);
            StatusRuntimeException gaveUp = cancelled.call(() -> GrpcErrors.toStatus(scopeGone));
            StatusRuntimeException late = expired.call(() -> GrpcErrors.toStatus(scopeGone));
            assertEquals(Status.Code.CANCELLED, gaveUp.getStatus().getCode());
            assertEquals(Status.Code.DEADLINE_EXCEEDED, late.getStatus().getCode());
            assertEquals(List.of(), StatusProto.fromThrowable(late).getDetailsList());
            // Known answers keep their code: the caller's leaving changes only what would have been an incident.
            assertEquals(Status.Code.NOT_FOUND,
                    cancelled.call(() -> GrpcErrors.toStatus(new NotFoundException(PERSON))).getStatus().getCode());
            assertTrue(logged.stream().noneMatch(line -> line.contains("incident")), logged::toString);
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(scopeGone).getStatus().getCode());
    }

    @Test
    void anUnavailableAnswerNamesTheCallsTrace() {
        com.google.rpc.Status status = StatusProto.fromThrowable(inTrace(() -> GrpcErrors.toStatus(
                new UnavailableException("detention-service", "detention-service did not answer in time", new TimeoutException()))));
        assertEquals(Status.Code.UNAVAILABLE.value(), status.getCode());
        assertEquals(errorInfo("DEPENDENCY_UNAVAILABLE").toBuilder().putMetadata("dependency", "detention-service")
                .putMetadata("trace_id", TRACE).build(), detail(status, ErrorInfo.class));
    }

    /** The request's own fault needs no operator: its answer stays as it was, trace or not. */
    @Test
    void answersAboutTheRequestCarryNoTrace() {
        com.google.rpc.Status status = StatusProto.fromThrowable(inTrace(() -> GrpcErrors.toStatus(
                new PermissionDeniedException("ADMIN_ROLE_REQUIRED", "only an admin may change access_level"))));
        assertEquals(errorInfo("ADMIN_ROLE_REQUIRED"), detail(status, ErrorInfo.class));
    }

    @Test
    void answersAPermissionDeniedWithItsReason() {
        assertOnlyErrorInfo(status(Status.Code.PERMISSION_DENIED, new PermissionDeniedException(
                "ADMIN_ROLE_REQUIRED", "only an admin may change access_level")),
                "only an admin may change access_level", errorInfo("ADMIN_ROLE_REQUIRED"));
    }

    static final List<RuntimeException> CONCURRENT_WRITES = List.of(
            new OptimisticLockException("row was updated by another transaction"),
            new PessimisticLockException("could not lock"),
            new StaleObjectStateException("Person", 1),
            new LockAcquisitionException("deadlock", new SQLException("deadlock detected", "40P01")),
            new ConstraintViolationException("duplicate", new SQLException("duplicate key", "23505"), "persons_pkey"),
            new RollbackException(new OptimisticLockException()),                       // wrapped at commit
            new CompletionException(new ExecutionException(new OptimisticLockException()))); // wrapped twice

    @ParameterizedTest
    @FieldSource("CONCURRENT_WRITES")
    void answersAConcurrentWriteWithAbortedWithoutItsText(RuntimeException failure) {
        assertOnlyErrorInfo(status(Status.Code.ABORTED, failure),
                "a concurrent write touched the same record; read it again and retry", errorInfo("CONCURRENT_WRITE"));
    }

    static final List<Throwable> WRAPPED = List.of(
            new RuntimeException(new NotFoundException(PERSON)),
            new CompletionException(new NotFoundException(PERSON)),
            new RuntimeException("outer", new IllegalStateException("middle", new NotFoundException(PERSON))),
            new ExecutionException(new CompletionException(new NotFoundException(PERSON))));

    @ParameterizedTest
    @FieldSource("WRAPPED")
    void answersForTheCauseAWrapperCarries(Throwable failure) {
        com.google.rpc.Status status = status(Status.Code.NOT_FOUND, failure);
        assertEquals(PERSON + " does not exist", status.getMessage());
        assertEquals(PERSON, detail(status, ResourceInfo.class).getResourceName());
    }

    @Test
    void answersForAWrappedInvalidArgumentWithItsViolations() {
        com.google.rpc.Status status = status(Status.Code.INVALID_ARGUMENT,
                new CompletionException(InvalidArgumentException.of("page_size", "must not be negative")));
        assertEquals("page_size", detail(status, BadRequest.class).getFieldViolations(0).getField());
    }

    static final List<Throwable> UNKNOWN = List.of(
            new IllegalStateException("secret: connection string postgres://user:pw@db"),
            new NullPointerException(),
            new RuntimeException("outer", new IllegalArgumentException("inner secret")),
            new AssertionError("an error, not an exception"),
            new Exception("checked"));

    @ParameterizedTest
    @FieldSource("UNKNOWN")
    void answersAnythingElseWithInternalErrorAndNoDetailOfIt(Throwable failure) {
        com.google.rpc.Status status = status(Status.Code.INTERNAL, failure);
        ErrorInfo info = detail(status, ErrorInfo.class);
        String incident = info.getMetadataOrThrow("incident");
        assertOnlyErrorInfo(status, "internal error, incident " + incident, errorInfo("INTERNAL").toBuilder()
                .putMetadata("incident", incident).build());
        assertFalse(status.toString().contains("secret"), status::toString);
    }

    @ParameterizedTest
    @FieldSource("UNKNOWN")
    void logsTheFailuresClassesAndFramesButNoneOfItsMessages(Throwable failure) {
        String logged = GrpcErrors.withoutMessages(failure);
        assertTrue(logged.startsWith(failure.getClass().getName()), logged);
        assertTrue(logged.contains("\n    at io.habeas.support.grpc.GrpcErrorsTest"), logged);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertTrue(logged.contains(cause.getClass().getName()), logged);
            if (cause.getMessage() != null) {
                assertFalse(logged.contains(cause.getMessage()), logged);
            }
        }
    }

    @Test
    void passesAStatusAlreadyMadeThrough() {
        StatusRuntimeException made = Status.PERMISSION_DENIED.withDescription("not cleared").asRuntimeException();
        assertSame(made, GrpcErrors.toStatus(made));
    }

    @Test
    void answersInternalForACauseChainThatLoops() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(a).getStatus().getCode());
    }

    @Test
    void aQueryStoppedByItsTimeLimitOrItsCallerIsDeadlineExceededEvenWhenWrappedAsALockFailure() {
        SQLException canceled = new SQLException("ERROR: canceling statement due to statement timeout", "57014");
        for (Throwable failure : List.of(canceled, new PessimisticLockException("lock", canceled),
                new jakarta.persistence.QueryTimeoutException("timeout"))) {
            assertOnlyErrorInfo(status(Status.Code.DEADLINE_EXCEEDED, failure),
                    "the request took longer than its time limit allows; nothing was stored", errorInfo("QUERY_TIME_LIMIT"));
        }
    }

    /** The pool's own failure to give a connection: no SQLState, thrown where Agroal throws it. */
    private static SQLException acquisitionTimeout() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");
        timeout.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", "ConnectionPool.java", 422)});
        return timeout;
    }

    static final List<Throwable> DATABASE_OUT_OF_REACH = List.of(
            new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection",
                    new SQLException("Connection to localhost:5432 refused", "08001", new java.net.ConnectException())),
            new SQLException("An I/O error occurred while sending to the backend.", "08006",
                    new java.net.SocketTimeoutException("Read timed out")),
            new RuntimeException(new SQLException("This connection has been closed.", "08003")),
            new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")),
            new RuntimeException(new SQLException("terminating connection because of crash of another server process",
                    "57P02")),
            new RuntimeException(new SQLException("the database system is starting up", "57P03")),
            new RuntimeException(new SQLException("sorry, too many clients already", "53300")),
            new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection", acquisitionTimeout()),
            // QueryLimits could not set the time limit on a connection that died as it was handed out
            new FailedWrite("r-1", new IllegalStateException("could not set the query time limit (SQLState 08006)",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"))));

    @ParameterizedTest
    @FieldSource("DATABASE_OUT_OF_REACH")
    void aDatabaseOutOfReachIsUnavailableAndSaysNothingWasStored(Throwable failure) {
        assertOnlyErrorInfo(status(Status.Code.UNAVAILABLE, failure), GrpcErrors.NOTHING_STORED,
                errorInfo("DATABASE_UNAVAILABLE"));
        assertTrue(GrpcErrors.NOTHING_STORED.contains("nothing was stored"));
        assertFalse(io.habeas.support.database.DatabaseFailures.describe(failure).contains("localhost"));
        assertNotRetriedElsewhere(GrpcErrors.toStatus(failure));
    }

    @Test
    void aConnectionLostWhileCommittingSaysTheWriteMayHaveBeenStoredAndHowToRetry() {
        // As Narayana reports a failed one-phase commit: the pool's XAException only among the suppressed.
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XA_RBROLLBACK);
        xa.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);

        assertOnlyErrorInfo(status(Status.Code.UNAVAILABLE, new RuntimeException(commit)), GrpcErrors.MAYBE_STORED,
                errorInfo("DATABASE_UNAVAILABLE"));
        assertTrue(GrpcErrors.MAYBE_STORED.contains("may have been stored")
                && GrpcErrors.MAYBE_STORED.contains("same request_id"), GrpcErrors.MAYBE_STORED);
    }

    @Test
    void otherDatabaseErrorsAreNotTakenForAnOutage() {
        SQLException tooLong = new SQLException("value too long for type character varying(300)", "22001");
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(new RuntimeException(tooLong)).getStatus().getCode());
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(new SQLException("no state")).getStatus().getCode());
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException("refused at commit");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XA_RBROLLBACK);
        xa.initCause(new SQLException("duplicate key value violates unique constraint", "23505"));
        commit.addSuppressed(xa);
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(commit).getStatus().getCode());
    }

    @Test
    void anAuditThatFailedAfterTheWriteCommittedKeepsItsOwnAnswer() {
        UnavailableException audit = new UnavailableException("read-audit",
                "the read could not be audited; nothing was sent, retry later",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertEquals("DEPENDENCY_UNAVAILABLE", detail(status(Status.Code.UNAVAILABLE, audit), ErrorInfo.class).getReason());
    }

    @Test
    void aFailedWriteAnswersAsItsCauseAndLogsItsRequestId() {
        FailedWrite write = new FailedWrite("6f1c0b8e-1d1f-4c1e-9a57-3e0f5b1f2a10",
                InvalidArgumentException.of("person.display_name", "is required"));
        assertEquals("person.display_name",
                detail(status(Status.Code.INVALID_ARGUMENT, write), BadRequest.class).getFieldViolations(0).getField());
        FailedWrite unexpected = new FailedWrite("r-2", new IllegalStateException("secret row value"));
        assertEquals(Status.Code.INTERNAL, GrpcErrors.toStatus(unexpected).getStatus().getCode());
        assertEquals("r-2", GrpcErrors.requestId(new RuntimeException(unexpected)));
        assertEquals("-", GrpcErrors.requestId(new IllegalStateException("a read")));
        assertFalse(GrpcErrors.withoutMessages(unexpected).contains("secret"));
    }
}
