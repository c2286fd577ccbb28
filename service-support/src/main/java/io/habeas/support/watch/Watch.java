package io.habeas.support.watch;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.audit.AuditedCalls;
import io.habeas.support.audit.ReadAudit;
import io.habeas.support.grpc.GrpcErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One client's watch of one feed: what it has been offered, a bounded buffer of what it has not
 * taken yet, and how it ends. Changes are offered by the instance's one reader; they leave, each
 * through the read audit, as fast as the client's stream takes them, and a client that cannot keep
 * up is ended with the resume token of the last change it was sent, so it resumes losing nothing.
 */
public final class Watch<R extends Message> {
    private static final Logger LOG = Logger.getLogger(Watch.class);
    public static final String RESUME_TOKEN = "resume_token";

    /** A change waiting for the client: its response, and the token just after it. */
    private record Pending<R>(R response, String token) {
    }

    /** Who watches which feed. */
    public record Subject(Object feed, QueryFingerprint fingerprint, SecurityIdentity identity, String principal,
            Clearance clearance, Instant expires) {
    }

    private final Subject subject;
    private final ServerCallStreamObserver<R> call;
    private final Context context;
    private final ReadAudit audit;
    private final Executor sender;
    private final int capacity;
    private final ArrayDeque<Pending<R>> buffer = new ArrayDeque<>();
    private final Runnable onEnd;
    /** Asks for more while the watch reads what it missed: its client has taken everything it had. */
    private final Runnable onRoom;
    private volatile ChangePosition examined;
    private volatile boolean live;
    private String lastSent;
    private boolean ended;
    private Instant notReadySince;

    Watch(Subject subject, ChangePosition start, ServerCallStreamObserver<R> call, ReadAudit audit, Executor sender,
            int capacity, Runnable onEnd, Runnable onRoom) {
        this.subject = subject;
        this.examined = start;
        this.lastSent = ResumeTokens.seal(subject.fingerprint(), start);
        this.call = call;
        this.context = Context.current();
        this.audit = audit;
        this.sender = sender;
        this.capacity = capacity;
        this.onEnd = onEnd;
        this.onRoom = onRoom;
        call.setOnCancelHandler(this::cancelled);
        call.setOnReadyHandler(() -> sender.execute(this::drain));
    }

    public Subject subject() {
        return subject;
    }

    /** The last change this watch has been shown, whether or not it was for it. */
    public ChangePosition examined() {
        return examined;
    }

    /** Whether it follows the log with the other watches, having read what it missed. */
    public boolean live() {
        return live;
    }

    void goLive() {
        live = true;
    }

    /** Every change up to this one has been shown to this watch. */
    public void examinedThrough(ChangePosition position) {
        if (position.isAfter(examined)) {
            examined = position;
        }
    }

    /**
     * Offers the response of the change at this position, made with the token just after it; a
     * change at or before one already offered is ignored. A full buffer ends the watch.
     */
    public synchronized void offer(ChangePosition position, Function<String, R> response) {
        if (ended || !position.isAfter(examined)) {
            return;
        }
        examined = position;
        if (buffer.size() >= capacity) {
            tooSlow();
            return;
        }
        String token = ResumeTokens.seal(subject.fingerprint(), position);
        buffer.add(new Pending<>(response.apply(token), token));
        sender.execute(this::drain);
    }

    /**
     * Registers the watch with its hub, then sends first the response made with the token of the point it
     * starts from, which carries no change. Both under the watch's lock: its client hears that it started
     * only once the hub holds it, and no change the reader offers meanwhile goes ahead of the start.
     */
    synchronized void start(Runnable register, Function<String, R> started) {
        if (ended) {
            return; // its client left before it started: registered now, it would stay in the hub for good
        }
        register.run();
        buffer.add(new Pending<>(started.apply(lastSent), lastSent));
        sender.execute(this::drain);
    }

    /** Ends the watch when its token has expired or its client has not taken anything for too long. */
    synchronized void check(Instant now, Duration stallTimeout) {
        if (ended) {
            return;
        }
        if (subject.expires() != null && !now.isBefore(subject.expires())) {
            end(Code.UNAUTHENTICATED, "TOKEN_EXPIRED", "the token has expired; resume with a new one from resume_token");
        } else if (notReadySince != null && Duration.between(notReadySince, now).compareTo(stallTimeout) > 0) {
            tooSlow();
        }
    }

    /** Ends the watch with this code and ErrorInfo reason, the resume token of the last change sent in its metadata. */
    public synchronized void end(Code code, String reason, String message) {
        if (ended) {
            return;
        }
        ended = true;
        buffer.clear();
        StatusRuntimeException status = GrpcErrors.withReason(code, reason, message, Map.of(RESUME_TOKEN, lastSent));
        context.run(() -> call.onError(status));
        onEnd.run();
    }

    /** How many more changes the buffer takes. */
    synchronized int room() {
        return ended ? 0 : capacity - buffer.size();
    }

    public synchronized boolean ended() {
        return ended;
    }

    private void tooSlow() {
        end(Code.RESOURCE_EXHAUSTED, "WATCH_TOO_SLOW",
                "the client did not keep up with the changes; resume from resume_token to lose none");
    }

    private synchronized void drain() {
        while (!ended && !buffer.isEmpty() && call.isReady()) {
            Pending<R> next = buffer.poll();
            try {
                context.run(() -> {
                    String method = AuditedCalls.method();
                    // Outside any request: the audit's reads need a transaction of their own.
                    // Outside any request too: as the caller, whose token the audit's checks may ask with.
                    AsCaller.run(subject.identity(), () -> {
                        QuarkusTransaction.requiringNew().run(
                                () -> audit.record(method, next.response(), subject.principal(), subject.clearance()));
                        return null;
                    });
                    AuditedCalls.passed(next.response());
                    call.onNext(next.response());
                });
            } catch (RuntimeException failed) {
                LOG.warnf("A watch was ended: %s", failed.toString());
                // The read audit could not be written: nothing unaudited leaves, and nothing is lost.
                end(Code.UNAVAILABLE, "DEPENDENCY_UNAVAILABLE", "the read could not be audited; resume from resume_token");
                return;
            }
            lastSent = next.token();
        }
        notReadySince = buffer.isEmpty() || ended ? null : notReadySince == null ? Instant.now() : notReadySince;
        if (buffer.isEmpty() && !ended && !live) {
            onRoom.run();
        }
    }

    private synchronized void cancelled() {
        if (!ended) {
            ended = true;
            buffer.clear();
            onEnd.run();
        }
    }
}
