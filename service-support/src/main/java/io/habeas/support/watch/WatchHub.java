package io.habeas.support.watch;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.audit.ReadAudit;
import io.habeas.support.grpc.GrpcErrors;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * One change log followed for every watch of this instance: a single reader that, when the log's
 * channel is notified (and every poll interval anyway), reads what is new once and shows it to the
 * watches, each of which takes what concerns it. A new or resumed watch first reads what it missed
 * of its own feed, at the pace its client takes it, then follows with the others.
 *
 * <p>A service subclasses it with its log's queries ({@link #after}, {@link #forFeed}) and what it
 * sends each watch of a change ({@link #deliver}).
 */
public abstract class WatchHub<C extends WatchHub.Change> {
    private static final Logger LOG = Logger.getLogger(WatchHub.class);
    private static final int BATCH = 500;
    private static final String STOPPING = "this instance is shutting down; resume on another from resume_token";

    /** A change of the log, at its position. */
    public interface Change {
        ChangePosition position();
    }

    @Inject
    ChangeSignals signals;
    @Inject
    WatchLimits limits;
    @Inject
    ReadAudit audit;
    @Inject
    protected Caller caller;

    private final Set<Watch<?>> watches = ConcurrentHashMap.newKeySet();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("habeas-watch-reader"));
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("habeas-watch-sender"));
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    /** The last change read for the live watches; null while there are none. */
    private volatile ChangePosition cursor;
    private volatile boolean stopping;
    /** The last read failed: said once, not at every poll until one succeeds. */
    private boolean failing;

    /** The channel the log's writers notify. */
    protected abstract String channel();

    /** The change log followed, whose queries run here each in a transaction of its own. */
    protected abstract ChangeLogQueries<C> log();

    /** The last change that will not be followed by an earlier one: where a watch from now on starts. */
    protected ChangePosition head() {
        return QuarkusTransaction.requiringNew().call(() -> log().head());
    }

    /** The last change the retention deleted: a watch resuming before it has lost changes. */
    protected ChangePosition horizon() {
        return QuarkusTransaction.requiringNew().call(() -> log().horizon());
    }

    /** Changes of every feed after a position, in log order, only of transactions that can no longer commit before them. */
    protected List<C> after(ChangePosition after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> log().after(after, limit));
    }

    /** Deletes the changes older than the cutoff; a resume point before them answers OUT_OF_RANGE from then on. */
    public int purge(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> log().purge(cutoff));
    }

    /**
     * Starts the caller's watch of a feed, named for its resume tokens by its kind and key (a token is
     * good only for the same kind, key and caller), as {@link #open} does.
     */
    protected <R extends Message> void watch(Object feed, String kind, Object key, String resumeToken,
            StreamObserver<R> responses, R prototype) {
        Clearance clearance = caller.clearance();
        QueryFingerprint fingerprint = QueryFingerprint.of("watch-" + kind, key, caller.name() + "|" + clearance.binding());
        ChangePosition resumeAfter = ResumeTokens.open(resumeToken, fingerprint);
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        Instant expires = identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0
                ? Instant.ofEpochSecond(token.getExpirationTime()) : null;
        open(new Watch.Subject(feed, fingerprint, identity, caller.name(), clearance, expires), resumeAfter, responses,
                prototype);
    }

    /** Changes of one feed in (after, through], in log order. */
    protected abstract List<C> forFeed(Object feed, ChangePosition after, ChangePosition through, int limit);

    /** Offers each watch what it may be sent of these changes ({@link Watch#offer}). */
    protected abstract void deliver(List<C> changes, List<Watch<?>> watches);

    /**
     * Starts a watch after a resume point (null: from now on). Its first response, a response of the
     * prototype's type with only the resume_token of the point it starts from, carries no change: once a
     * client has it, this hub holds the watch ({@link #size}) and every change after that point reaches
     * it, and a client that loses the stream before any change came resumes from it. OUT_OF_RANGE
     * when changes after the point have been deleted; RESOURCE_EXHAUSTED beyond the caps; UNAVAILABLE,
     * SHUTTING_DOWN, once the instance is stopping.
     */
    public <R extends Message> Watch<R> open(Watch.Subject subject, ChangePosition resumeAfter, StreamObserver<R> responses,
            R prototype) {
        if (stopping) {
            throw GrpcErrors.withReason(Code.UNAVAILABLE, "SHUTTING_DOWN", STOPPING, Map.of());
        }
        if (resumeAfter != null && horizon().isAfter(resumeAfter)) {
            throw GrpcErrors.withReason(Code.OUT_OF_RANGE, "RESUME_POINT_EXPIRED",
                    "changes after this resume point are no longer kept; read the feed again and watch from now on", Map.of());
        }
        limits.admit(subject.principal());
        try {
            if (subscribed.compareAndSet(false, true)) {
                signals.subscribe(channel(), this::wake);
            }
            ChangePosition known = cursor;
            ChangePosition start = resumeAfter != null ? resumeAfter : known != null ? known : head();
            AtomicReference<Watch<R>> opened = new AtomicReference<>();
            Watch<R> watch = new Watch<>(subject, start, (ServerCallStreamObserver<R>) responses, audit, sender,
                    limits.buffer(), () -> {
                        watches.remove(opened.get());
                        limits.release(subject.principal());
                    }, this::wake);
            opened.set(watch);
            watch.start(() -> watches.add(watch), token -> startResponse(prototype, token));
            if (stopping) {
                // stop() may have ended the watches held before this one was added; ending twice does nothing
                watch.end(Code.UNAVAILABLE, "SHUTTING_DOWN", STOPPING);
            }
            wake();
            return watch;
        } catch (RuntimeException e) {
            limits.release(subject.principal());
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends Message> R startResponse(R prototype, String token) {
        var field = prototype.getDescriptorForType().findFieldByName(Watch.RESUME_TOKEN);
        return (R) prototype.newBuilderForType().setField(field, token).build();
    }

    /** How many watches this instance holds now. */
    public int size() {
        return watches.size();
    }

    /**
     * As soon as the instance begins to stop (before its shutdown delay, during which it still serves
     * calls), its watches end, each with its resume token, and no new one starts: a watch is a call that
     * never finishes by itself, which the shutdown would otherwise wait for until its timeout.
     */
    protected void stopping(@Observes ShutdownDelayInitiatedEvent stopping) {
        stop();
    }

    /** Without a shutdown delay, no such event comes: the shutdown itself. */
    protected void stopped(@Observes ShutdownEvent shutdown) {
        stop();
    }

    private void stop() {
        this.stopping = true;
        List.copyOf(watches).forEach(watch -> watch.end(Code.UNAVAILABLE, "SHUTTING_DOWN", STOPPING));
    }

    @PreDestroy
    void stopThreads() {
        reader.shutdownNow();
        sender.shutdownNow();
    }

    /** Reads what is new soon, once even if woken many times meanwhile. */
    public void wake() {
        if (woken.compareAndSet(false, true)) {
            reader.execute(() -> {
                woken.set(false);
                read();
            });
        }
    }

    private void read() {
        try {
            if (watches.isEmpty()) {
                cursor = null;
                return;
            }
            Instant now = Instant.now();
            List.copyOf(watches).forEach(watch -> watch.check(now, limits.stallTimeout()));
            if (cursor == null) {
                cursor = head();
            }
            catchUp();
            followLive();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("The watch reader could not read the change log (%s); it tries again at every poll", e.toString());
            }
            failing = true;
        }
    }

    /** The watches that have not read up to the cursor read their own feed, as far as their buffers allow. */
    private void catchUp() {
        ChangePosition retained = null;
        for (Watch<?> watch : List.copyOf(watches)) {
            if (watch.live() || watch.ended()) {
                continue;
            }
            if (retained == null) {
                retained = horizon();
            }
            if (retained.isAfter(watch.examined())) {
                watch.end(Code.OUT_OF_RANGE, "RESUME_POINT_EXPIRED",
                        "changes after this resume point are no longer kept; read the feed again and watch from now on");
                continue;
            }
            int room = watch.room();
            while (room > 0 && !watch.live() && !watch.ended()) {
                List<C> missed = forFeed(watch.subject().feed(), watch.examined(), cursor, Math.min(room, BATCH));
                if (!missed.isEmpty()) {
                    deliver(missed, List.of(watch));
                    watch.examinedThrough(last(missed));
                }
                if (missed.size() < Math.min(room, BATCH)) {
                    watch.examinedThrough(cursor);
                    watch.goLive();
                }
                room = watch.room();
            }
        }
    }

    private void followLive() {
        while (true) {
            List<C> batch = after(cursor, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            List<Watch<?>> live = watches.stream().filter(w -> w.live() && !w.ended()).toList();
            if (!live.isEmpty()) {
                deliver(batch, live);
            }
            ChangePosition last = last(batch);
            live.forEach(watch -> watch.examinedThrough(last));
            cursor = last;
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    static ThreadFactory daemon(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ChangePosition last(List<? extends Change> changes) {
        return changes.get(changes.size() - 1).position();
    }
}
