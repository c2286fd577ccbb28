package io.habeas.statement.client;

import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListDetentionsResponse;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.UnavailableException;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.domain.DetentionStanding;
import io.habeas.support.history.AsOf;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Persons' detentions as detention-service shows them to the caller (ListDetentions with the
 * persons filter, as of the read's instant), asked with the caller's own token: a detention, or a
 * final event, the caller may not see is not there, and where a detention stands (ongoing, its
 * status and end) is what detention-service derives from the events the caller may see. Retracted
 * detentions, and those of retracted persons, are left out, as ListDetentions leaves them.
 *
 * <p>The persons are sent {@value #CHUNK} at a time (the filter's maximum), every page followed,
 * all within one deadline; when detention-service cannot answer, the read fails with UNAVAILABLE.
 */
@RequestScoped
public class DetentionEpisodes {
    static final int CHUNK = 200;
    private static final Logger LOG = Logger.getLogger(DetentionEpisodes.class);

    @GrpcClient("detention")
    DetentionServiceGrpc.DetentionServiceBlockingStub detentions;

    @ConfigProperty(name = "habeas.detention.deadline", defaultValue = "2s")
    Duration deadline;

    @Inject
    SecurityIdentity caller;

    /** One detention: whose, by which country, from when, and where it stands (the end of a final one). */
    public record Episode(UUID id, UUID person, String detainingCountry, PartialDate start, DetentionStanding standing,
                          PartialDate end) {
    }

    /** The detentions of these persons the caller may see as of the instant, per person, in detention-service's order. */
    public Map<UUID, List<Episode>> of(Collection<UUID> personIds, AsOf asOf) {
        List<UUID> ids = personIds.stream().distinct().toList();
        Map<UUID, List<Episode>> byPerson = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byPerson;
        }
        var stub = CallerToken.attach(detentions, caller).withDeadline(Deadline.after(deadline.toMillis(), TimeUnit.MILLISECONDS));
        Set<UUID> asked = new HashSet<>(ids);
        try {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> names = new ArrayList<>();
                ids.subList(from, Math.min(ids.size(), from + CHUNK)).forEach(id -> names.add(PersonName.of(id).toString()));
                String token = "";
                do {
                    var request = ListDetentionsRequest.newBuilder().addAllPersons(names).setPageSize(CHUNK).setPageToken(token);
                    if (!asOf.isNow()) {
                        request.setAsOf(asOf.toProto());
                    }
                    ListDetentionsResponse page = stub.listDetentions(request.build());
                    for (Detention detention : page.getDetentionsList()) {
                        Episode episode = episode(detention);
                        if (asked.contains(episode.person())) { // only an answer to the question asked counts
                            byPerson.computeIfAbsent(episode.person(), p -> new ArrayList<>()).add(episode);
                        }
                    }
                    token = page.getNextPageToken();
                } while (!token.isEmpty());
            }
        } catch (StatusRuntimeException e) {
            throw DetentionFailures.of(e, "list the detentions of " + ids.size() + " persons", "list the persons' detentions");
        } catch (InvalidArgumentException e) {
            LOG.warnf("detention-service answered a detention the contract rules out: %s", e.getMessage());
            throw new UnavailableException(DetentionPersons.DEPENDENCY, DetentionPersons.DEPENDENCY
                    + " answered a detention without a name, person, start or country; retry later", e);
        }
        return byPerson;
    }

    private static Episode episode(Detention d) {
        DetentionStanding standing = d.getOngoing() ? DetentionStanding.HELD : ended(d.getCurrentStatus());
        PartialDate start = CommonProtos.optionalDate(d.getStartDate());
        PartialDate end = standing == DetentionStanding.HELD ? null : CommonProtos.optionalDate(d.getEndDate());
        if (start == null || d.getDetainingCountry().isEmpty() || standing != DetentionStanding.HELD && end == null) {
            throw InvalidArgumentException.of("detentions", "a detention needs its start and country, an ended one its end");
        }
        return new Episode(DetentionName.parse(d.getName(), "detentions.name").id(),
                PersonName.parse(d.getPerson(), "detentions.person").id(), d.getDetainingCountry(), start, standing, end);
    }

    /** A detention that is not ongoing ended by its final status; any other status there breaks the contract. */
    private static DetentionStanding ended(CustodyStatus status) {
        return switch (status) {
            case CUSTODY_STATUS_RELEASED -> DetentionStanding.RELEASED;
            case CUSTODY_STATUS_DECEASED -> DetentionStanding.DIED_IN_CUSTODY;
            case CUSTODY_STATUS_ESCAPED -> DetentionStanding.ESCAPED;
            default -> throw InvalidArgumentException.of("detentions.current_status", "is not final in an ended detention");
        };
    }
}
