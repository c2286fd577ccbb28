package io.habeas.statement.client;

import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.UnavailableException;
import io.habeas.kernel.names.PersonName;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks detention-service whether persons exist, each call bounded by a deadline. A person it
 * does not know is NOT_FOUND; when it cannot answer in time the write fails with UNAVAILABLE,
 * which the client may retry.
 */
@ApplicationScoped
public class DetentionPersons {
    static final String DEPENDENCY = "detention-service";
    private static final Logger LOG = Logger.getLogger(DetentionPersons.class);

    @GrpcClient("detention")
    PersonServiceGrpc.PersonServiceBlockingStub persons;

    @ConfigProperty(name = "habeas.detention.deadline", defaultValue = "2s")
    Duration deadline;

    /** Checks every distinct person once, in the order given; the first unknown one fails the check. */
    public void requireExist(Collection<UUID> personIds) {
        for (UUID id : new LinkedHashSet<>(personIds)) {
            requireExists(id);
        }
    }

    private void requireExists(UUID id) {
        String name = PersonName.of(id).toString();
        try {
            persons.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getPerson(GetPersonRequest.newBuilder().setName(name).build());
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case NOT_FOUND -> throw new NotFoundException(name);
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED, UNKNOWN, INTERNAL -> {
                    LOG.warnf("detention-service could not check %s: %s", name, e.getStatus());
                    throw new UnavailableException(DEPENDENCY, DEPENDENCY + " could not confirm that " + name
                            + " exists (" + e.getStatus().getCode() + "); nothing was stored, retry later", e);
                }
                default -> throw new IllegalStateException(DEPENDENCY + " refused the check of " + name + ": "
                        + e.getStatus().getCode() + " " + e.getStatus().getDescription());
            }
        }
    }
}
