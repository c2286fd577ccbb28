package io.habeas.suite.load;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.kernel.grpc.ConnectionLoss;
import io.grpc.protobuf.StatusProto;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateCustodyEventResponse;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreateDetentionResponse;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CreatePersonResponse;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.CreateStatementResponse;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The load's writes through gRPC, as a careful client makes them: every failed attempt is sent again
 * with the same request id, after a pause growing to 5 s with jitter, until the service acknowledges it or the budget is
 * spent. Each acknowledgement goes to the {@link Ledger}; each answer is counted in {@link Outcomes}.
 */
public final class Writes {
    /** How long one attempt may take; a service that is down fails an attempt at once. */
    public static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    /** The longest pause between two attempts of a write. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final Channel detention;
    private final Channel statement;
    private final Synthetic synthetic;
    private final String actor;
    private final Ledger ledger;
    private final Outcomes outcomes;
    private final Duration budget;
    private final AtomicLong neverAcknowledged = new AtomicLong();

    /** The channels carry the writer's token: a retry must come from the same caller to be recognised. */
    public Writes(Channel detention, Channel statement, Synthetic synthetic, String actor, Ledger ledger, Outcomes outcomes,
            Duration budget) {
        this.detention = detention;
        this.statement = statement;
        this.synthetic = synthetic;
        this.actor = actor;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.budget = budget;
    }

    /** The actor the load's statements are made by, created once (retried like any write). */
    public static String createActor(Channel statement, Synthetic synthetic, Duration budget) throws InterruptedException {
        var request = synthetic.actor();
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            try {
                return ActorServiceGrpc.newBlockingStub(statement).withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .createActor(request).getActor().getName();
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    public Synthetic synthetic() {
        return synthetic;
    }

    /** Writes given up: no acknowledgement within the budget, however often sent again. */
    public long neverAcknowledged() {
        return neverAcknowledged.get();
    }

    /**
     * Writes the case's next record, retrying with the same request id; the acknowledgement, or null when
     * none came within the budget (counted as unmarked).
     */
    public Acknowledged writeNext(Case c) throws InterruptedException {
        Pending write = new Pending(c);
        while (true) {
            long pause = write.attempt();
            if (pause < 0) {
                return write.acknowledged;
            }
            Thread.sleep(pause);
        }
    }

    /** As {@link #writeNext}, without holding a thread between attempts: {@code done} gets the answer, or null. */
    public void writeNextAsync(Case c, Executor pool, ScheduledExecutorService scheduler, Consumer<Acknowledged> done) {
        Pending write = new Pending(c);
        pool.execute(new Runnable() {
            @Override
            public void run() {
                long pause = write.attempt();
                if (pause < 0) {
                    done.accept(write.acknowledged);
                } else {
                    Runnable again = this;
                    scheduler.schedule(() -> pool.execute(again), pause, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    /**
     * The pause after this many failed attempts: 0.1 s doubling to {@link #MAX_PAUSE}, a random half to whole
     * of it. A pause that stays short turns a backlog of pending writes into a storm of retries that meets
     * each restarted backend at once (the soak's first runs retried every second and kept the services
     * saturated after every restart); backing off and spreading the retries lets them drain.
     */
    static long pauseAfter(int failedAttempts) {
        long ceiling = Math.min(MAX_PAUSE.toMillis(), 100L << Math.min(failedAttempts - 1, 6));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** Sends an acknowledged write's request again, unchanged: the name of the record the answer holds. */
    public String resend(Acknowledged write) {
        return nameOf(write.kind(), send(write.kind(), write.request()));
    }

    /** What a failed attempt's code means; the attempt is sent again whatever it is. */
    static Verdict verdictOf(Status status, int attempt) {
        if (ConnectionLoss.isLostConnection(status)) {
            return Verdict.MARKED;
        }
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> Verdict.MARKED;
            // A retry that met an earlier attempt of the same request id still committing: the next retry
            // gets that attempt's answer. Only a retry can meet one.
            case ABORTED -> attempt > 1 ? Verdict.MARKED : Verdict.UNMARKED;
            default -> Verdict.UNMARKED;
        };
    }

    private Message send(WriteKind kind, Message request) {
        long deadline = CALL_DEADLINE.toMillis();
        return switch (kind) {
            case PERSON -> PersonServiceGrpc.newBlockingStub(detention).withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
                    .createPerson((CreatePersonRequest) request);
            case DETENTION -> DetentionServiceGrpc.newBlockingStub(detention).withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
                    .createDetention((CreateDetentionRequest) request);
            case CUSTODY_EVENT -> DetentionServiceGrpc.newBlockingStub(detention)
                    .withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).createCustodyEvent((CreateCustodyEventRequest) request);
            case STATEMENT -> StatementServiceGrpc.newBlockingStub(statement).withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
                    .createStatement((CreateStatementRequest) request);
        };
    }

    static String nameOf(WriteKind kind, Message response) {
        return switch (kind) {
            case PERSON -> ((CreatePersonResponse) response).getPerson().getName();
            case DETENTION -> ((CreateDetentionResponse) response).getDetention().getName();
            case CUSTODY_EVENT -> ((CreateCustodyEventResponse) response).getCustodyEvent().getName();
            case STATEMENT -> ((CreateStatementResponse) response).getStatement().getName();
        };
    }

    private Message request(Case c) {
        return switch (c.next()) {
            case PERSON -> synthetic.person(c);
            case DETENTION -> synthetic.detention(c);
            case CUSTODY_EVENT -> synthetic.custodyEvent(c);
            case STATEMENT -> synthetic.statement(c, actor);
        };
    }

    /** One write on its way: the same request, request id included, for every attempt. */
    private final class Pending {
        private final Case owner;
        private final WriteKind kind;
        private final Message request;
        private final String requestId;
        private final String operation;
        private final long deadline = System.nanoTime() + budget.toNanos();
        private int attempts;
        private Acknowledged acknowledged;

        Pending(Case owner) {
            if (owner.complete()) {
                throw new IllegalStateException("the case is written");
            }
            this.owner = owner;
            this.kind = owner.next();
            this.request = request(owner);
            this.requestId = (String) request.getField(request.getDescriptorForType().findFieldByName("request_id"));
            this.operation = "write " + kind.rpc;
        }

        /** Sends it once: -1 when done (acknowledged, or the budget spent), else the pause before the next attempt. */
        long attempt() {
            attempts++;
            try {
                Message response = send(kind, request);
                String name = nameOf(kind, response);
                String person = kind == WriteKind.PERSON ? name : owner.person();
                acknowledged = new Acknowledged(kind, requestId, request, response, name, person, attempts, ledger.currentPhase());
                ledger.acknowledged(acknowledged);
                owner.acknowledged(acknowledged);
                outcomes.record(operation, attempts == 1 ? "acknowledged" : "acknowledged on a retry", Verdict.SUCCESS);
                return -1;
            } catch (StatusRuntimeException e) {
                ledger.failedAttempt();
                Status.Code code = e.getStatus().getCode();
                Verdict verdict = verdictOf(e.getStatus(), attempts);
                String reason = reason(e);
                String outcome = code + (reason.equals(" " + code) ? "" : reason) + origin(e.getStatus()) + ", sent again";
                if (verdict == Verdict.UNMARKED) {
                    outcomes.unmarked(operation, outcome, "request_id " + requestId + ": " + describe(e.getStatus()));
                } else {
                    outcomes.record(operation, outcome, verdict);
                }
                if (System.nanoTime() > deadline) {
                    neverAcknowledged.incrementAndGet();
                    ledger.givenUp(new Acknowledged(kind, requestId, request, null, "", owner.person(), attempts,
                            ledger.currentPhase()));
                    outcomes.unmarked(operation, "never acknowledged within " + budget.toSeconds() + " s",
                            "request_id " + requestId + " after " + attempts + " attempts");
                    return -1;
                }
                return pauseAfter(attempts);
            }
        }
    }

    /**
     * Where an INTERNAL or UNKNOWN came from: a service's incident (its log names the failure), or the transport,
     * whose description is kept with its numbers masked (" (transport: Connection closed after GOAWAY ...)").
     */
    static String origin(Status status) {
        if (status.getCode() != Status.Code.INTERNAL && status.getCode() != Status.Code.UNKNOWN) {
            return "";
        }
        String description = status.getDescription() == null ? "" : status.getDescription();
        if (description.startsWith("internal error, incident")) {
            return " (service incident)";
        }
        String masked = description.replaceAll("[0-9]+", "N");
        return " (transport: " + (masked.length() > 80 ? masked.substring(0, 80) + "..." : masked) + ")";
    }

    /** The answer's ErrorInfo reason, as " DEPENDENCY_UNAVAILABLE"; empty when it has none (a connection refused). */
    static String reason(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status != null) {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(ErrorInfo.class)) {
                    try {
                        return " " + detail.unpack(ErrorInfo.class).getReason();
                    } catch (InvalidProtocolBufferException unreadable) {
                        return " (unreadable ErrorInfo)";
                    }
                }
            }
        }
        return "";
    }

    private static String describe(Status status) {
        String description = status.getDescription() == null ? "" : status.getDescription();
        return status.getCode() + (description.isEmpty() ? "" : " " + description.substring(0, Math.min(200, description.length())));
    }
}
