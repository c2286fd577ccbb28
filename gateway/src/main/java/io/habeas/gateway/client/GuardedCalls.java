package io.habeas.gateway.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.gateway.GatewayConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One SmallRye Fault Tolerance guard per backend: a timeout equal to the gRPC deadline and a
 * circuit breaker (named "detention" / "statement") that counts only server faults and timeouts,
 * never an answer about the request (INVALID_ARGUMENT, NOT_FOUND, ...): otherwise a stream of one
 * client's mistakes would open the circuit and take the backend away from everyone. Nor does it
 * count the failure of one instance ({@link InstanceFailures}) while another instance of the backend
 * answers ({@link InstanceAnswers}): the channel sends the next calls there, and an open circuit
 * would refuse them too.
 * Every failure leaves here as a {@link BackendException}.
 */
@ApplicationScoped
public class GuardedCalls {

    /** gRPC codes that mean "the backend could not answer", as opposed to "the request is wrong". */
    private static final Set<Status.Code> UNHEALTHY = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.UNKNOWN, Status.Code.INTERNAL, Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED,
            Status.Code.CANCELLED);

    /** What the circuit breaker counts: the unhealthy codes, and an overloaded server. */
    private static final Set<Status.Code> SERVER_FAULTS = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.UNKNOWN, Status.Code.INTERNAL, Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED,
            Status.Code.CANCELLED, Status.Code.RESOURCE_EXHAUSTED);

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GuardedCalls.class);

    @Inject
    GatewayConfig config;

    @Inject
    InstanceAnswers instances;

    private final Map<Backend, Guard> guards = new EnumMap<>(Backend.class);

    @PostConstruct
    void init() {
        for (Backend backend : Backend.values()) {
            GatewayConfig.BackendSettings s = config.backends().of(backend);
            guards.put(backend, Guard.create()
                    .withDescription(backend.serviceName())
                    // Each call starts at once on the caller's thread, while its request is alive (the caller's
                    // token is read then). Left to a later turn of the event loop, a call whose request had
                    // already answered (a call beside it failed first) could not read the caller and failed; as a
                    // half-open breaker's one trial call it reopened the breaker every time, so a backend back
                    // from an outage stayed cut off from every route that calls it twice at once.
                    .withThreadOffload(true).withThreadOffloadExecutor(Runnable::run)
                    .withTimeout().duration(s.deadline().toMillis() + 250, ChronoUnit.MILLIS).done()
                    .withCircuitBreaker()
                    .name(circuitBreakerName(backend))
                    .requestVolumeThreshold(s.circuitBreakerVolume())
                    .failureRatio(s.circuitBreakerFailureRatio())
                    .delay(s.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .when(failure -> countsAgainstBackend(failure, anotherInstanceAnswered(backend, failure)))
                    .onStateChange(state -> LOG.infof("Circuit breaker of %s: %s", backend.serviceName(), state))
                    .done()
                    .build());
        }
    }

    public static String circuitBreakerName(Backend backend) {
        return backend == Backend.DETENTION ? "detention" : "statement";
    }

    public long deadlineMillis(Backend backend) {
        return config.backends().of(backend).deadline().toMillis();
    }

    public <T> Uni<T> call(Backend backend, Supplier<Uni<T>> call) {
        Uni<T> guarded;
        try {
            guarded = guards.get(backend).get(call, new TypeLiteral<Uni<T>>() {
            });
        } catch (RuntimeException e) {
            guarded = Uni.createFrom().failure(e);
        }
        return guarded.onFailure().transform(failure -> classify(backend, failure));
    }

    /**
     * Whether the circuit breaker counts this failure. One instance's failure counts only when no
     * other instance answered lately (anotherInstance false): then the backend as a whole is out of reach.
     */
    static boolean countsAgainstBackend(Throwable failure, boolean anotherInstance) {
        if (failure instanceof StatusRuntimeException sre) {
            return SERVER_FAULTS.contains(sre.getStatus().getCode())
                    && !(anotherInstance && InstanceFailures.ofOneInstance(sre));
        }
        return !(failure instanceof IllegalArgumentException);
    }

    private boolean anotherInstanceAnswered(Backend backend, Throwable failure) {
        return failure instanceof StatusRuntimeException sre && instances.anotherAnswered(backend, sre.getTrailers());
    }

    static boolean isServerFault(Status.Code code) {
        return SERVER_FAULTS.contains(code);
    }

    static BackendException classify(Backend backend, Throwable failure) {
        if (failure instanceof BackendException be) {
            return be;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new BackendException(backend, BackendException.Kind.CIRCUIT_OPEN, Status.Code.UNAVAILABLE,
                    "circuit breaker open", failure);
        }
        if (failure instanceof TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new BackendException(backend, BackendException.Kind.TIMEOUT, Status.Code.DEADLINE_EXCEEDED,
                    "no answer within the deadline", failure);
        }
        if (failure instanceof StatusRuntimeException sre) {
            Status.Code code = sre.getStatus().getCode();
            BackendException.Kind kind = switch (code) {
                case DEADLINE_EXCEEDED -> BackendException.Kind.TIMEOUT;
                default -> UNHEALTHY.contains(code) ? BackendException.Kind.UNAVAILABLE : BackendException.Kind.REJECTED;
            };
            String description = sre.getStatus().getDescription();
            LOG.debugf(sre, "%s answered %s", backend.serviceName(), code);
            return new BackendException(backend, kind, code, description == null ? code.name() : description, failure);
        }
        LOG.warnf(failure, "%s call failed unexpectedly", backend.serviceName());
        return new BackendException(backend, BackendException.Kind.UNAVAILABLE, Status.Code.UNAVAILABLE,
                failure.getClass().getSimpleName(), failure);
    }
}
