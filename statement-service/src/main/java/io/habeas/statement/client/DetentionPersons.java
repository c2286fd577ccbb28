package io.habeas.statement.client;

import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.UnavailableException;
import io.habeas.kernel.names.PersonName;
import io.quarkus.grpc.GrpcClient;
import jakarta.annotation.PostConstruct;
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
 *
 * <p>It calls as statement-service itself, not as its caller: with the token in
 * {@code habeas.detention.token} (HABEAS_DETENTION_TOKEN), issued by the same provider for the
 * narrowest role that reads persons (viewer). Without it the service does not start; a token that
 * detention-service refuses (expired, revoked) fails writes with UNAVAILABLE and is logged.
 */
@ApplicationScoped
public class DetentionPersons {
    static final String DEPENDENCY = "detention-service";
    private static final Logger LOG = Logger.getLogger(DetentionPersons.class);

    @GrpcClient("detention")
    PersonServiceGrpc.PersonServiceBlockingStub persons;

    @ConfigProperty(name = "habeas.detention.deadline", defaultValue = "2s")
    Duration deadline;

    @ConfigProperty(name = "habeas.detention.token")
    String token;

    private PersonServiceGrpc.PersonServiceBlockingStub signed;

    @PostConstruct
    void sign() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token.trim());
        signed = persons.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Checks every distinct person once, in the order given; the first unknown one fails the check. */
    public void requireExist(Collection<UUID> personIds) {
        for (UUID id : new LinkedHashSet<>(personIds)) {
            requireExists(id);
        }
    }

    private void requireExists(UUID id) {
        String name = PersonName.of(id).toString();
        try {
            signed.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getPerson(GetPersonRequest.newBuilder().setName(name).build());
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case NOT_FOUND -> throw new NotFoundException(name);
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED, UNKNOWN, INTERNAL -> {
                    LOG.warnf("detention-service could not check %s: %s", name, e.getStatus());
                    throw new UnavailableException(DEPENDENCY, DEPENDENCY + " could not confirm that " + name
                            + " exists (" + e.getStatus().getCode() + "); nothing was stored, retry later", e);
                }
                case UNAUTHENTICATED, PERMISSION_DENIED -> {
                    LOG.errorf("detention-service refused statement-service's own token (HABEAS_DETENTION_TOKEN): %s",
                            e.getStatus());
                    throw new UnavailableException(DEPENDENCY, DEPENDENCY + " refused statement-service's credentials ("
                            + e.getStatus().getCode() + "); nothing was stored, retry later", e);
                }
                default -> throw new IllegalStateException(DEPENDENCY + " refused the check of " + name + ": "
                        + e.getStatus().getCode() + " " + e.getStatus().getDescription());
            }
        }
    }
}
