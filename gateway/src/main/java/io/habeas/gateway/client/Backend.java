package io.habeas.gateway.client;

import io.grpc.Status;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/** The services the gateway reads from, named as they appear in partial answers. */
public enum Backend {
    DETENTION("detention-service"),
    STATEMENT("statement-service");

    private static final Logger LOG = Logger.getLogger(Backend.class);

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    /**
     * A call about one record (its resource name) whose NOT_FOUND, from either backend, is the
     * gateway's own 404 for that name, never the backend's text: unknown and hidden answer alike.
     */
    public static <T> Uni<T> about(Object name, Uni<T> call) {
        return call.onFailure(f -> f instanceof BackendException be && be.code() == Status.Code.NOT_FOUND)
                .transform(f -> new NotFoundException(name.toString()));
    }

    /**
     * This backend's answer as the gateway reads it (resource names by the kernel's typed names):
     * a name that is not of its form fails the reading with INVALID_ARGUMENT, which here becomes
     * this backend's bad answer, never a 400 about the client's request.
     */
    public <T> Uni<T> read(Uni<T> reading) {
        return reading.onFailure(InvalidArgumentException.class).transform(f -> {
            LOG.warnf("%s answered with %s", serviceName, f.getMessage());
            return BackendException.badAnswer(this, (InvalidArgumentException) f);
        });
    }
}
