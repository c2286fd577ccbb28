package io.habeas.statement.client;

import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.ListPersonsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.history.AsOf;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which persons the caller may see, as detention-service says (ListPersons with the persons
 * filter and show_retracted): absent is unknown or hidden, which statement-service treats alike;
 * a retracted person (entered in error) is seen, with its state, so that the statements naming it
 * still show without it and nothing is about it any more. It asks with the
 * caller's own token, never an identity of its own: a service identity would see more or less
 * than the caller, and either widens what the caller learns.
 *
 * <p>One bean per request, so each person is asked about at most once per request and instant; the ids are
 * sent in chunks of at most {@value #CHUNK}, every page followed, all within one deadline. When
 * detention-service cannot answer, the request fails with UNAVAILABLE: nothing about persons is
 * served, or stored, unvouched.
 */
@RequestScoped
public class DetentionPersons {
    static final String DEPENDENCY = "detention-service";
    static final int CHUNK = 1000;

    @GrpcClient("detention")
    PersonServiceGrpc.PersonServiceBlockingStub persons;

    @ConfigProperty(name = "habeas.detention.deadline", defaultValue = "2s")
    Duration deadline;

    @Inject
    SecurityIdentity caller;

    /** What detention-service said of a person: absent (unknown or hidden), active or retracted. */
    private enum Seen { ABSENT, ACTIVE, RETRACTED }

    /** Per instant asked about (now, or an as_of), what was said of each person. */
    private final Map<AsOf, Map<UUID, Seen>> known = new HashMap<>();
    /** Persons detention-service gave as CONFIDENTIAL (now, or as of an instant asked), for the read audit. */
    private final Set<UUID> confidential = new HashSet<>();

    /**
     * Forgets what detention-service said: a long call (an import, an export) asks afresh for each
     * of its parts, and keeps no more answers than one part needs.
     */
    public void forget() {
        known.clear();
        confidential.clear();
    }

    /** Those of the persons the caller may see, retracted ones included. */
    public Set<UUID> visible(Collection<UUID> personIds) {
        return visible(personIds, AsOf.NOW);
    }

    /**
     * Those of the persons the caller may see as of the instant, retracted ones included: as they
     * were then and as they are now, which detention-service's ListPersons as_of answers.
     */
    public Set<UUID> visible(Collection<UUID> personIds, AsOf asOf) {
        return those(personIds, asOf, Seen.ACTIVE, Seen.RETRACTED);
    }

    /** Those of the persons the caller may see that are not retracted: the persons claims may be about. */
    public Set<UUID> active(Collection<UUID> personIds) {
        return active(personIds, AsOf.NOW);
    }

    /** The same as of the instant: seen then and now, and not retracted then. */
    public Set<UUID> active(Collection<UUID> personIds, AsOf asOf) {
        return those(personIds, asOf, Seen.ACTIVE);
    }

    /** Those of the persons the caller may see that were retracted. */
    public Set<UUID> retracted(Collection<UUID> personIds) {
        return retracted(personIds, AsOf.NOW);
    }

    /** The same as of the instant: seen then and now, and retracted then. */
    public Set<UUID> retracted(Collection<UUID> personIds, AsOf asOf) {
        return those(personIds, asOf, Seen.RETRACTED);
    }

    /** Those of the persons the caller may see that are CONFIDENTIAL. */
    public Set<UUID> confidential(Collection<UUID> personIds) {
        Set<UUID> found = visible(personIds);
        found.retainAll(confidential);
        return found;
    }

    public boolean isVisible(UUID personId) {
        return visible(List.of(personId)).contains(personId);
    }

    /** The write-time check: the first person, in the order given, that the caller cannot see is NOT_FOUND. */
    public void requireExist(Collection<UUID> personIds) {
        Set<UUID> visible = visible(personIds);
        for (UUID id : new LinkedHashSet<>(personIds)) {
            if (!visible.contains(id)) {
                throw new NotFoundException(PersonName.of(id).toString());
            }
        }
    }

    /** {@link #requireExist}, then the first retracted person is FAILED_PRECONDITION: nothing new is said about it. */
    public void requireActive(Collection<UUID> personIds) {
        requireExist(personIds);
        Set<UUID> retracted = retracted(personIds);
        for (UUID id : new LinkedHashSet<>(personIds)) {
            if (retracted.contains(id)) {
                String name = PersonName.of(id).toString();
                throw new FailedPreconditionException("PERSON_RETRACTED", name,
                        name + " was retracted in detention-service and cannot be named in a new claim or actor");
            }
        }
    }

    private Set<UUID> those(Collection<UUID> personIds, AsOf asOf, Seen... states) {
        Map<UUID, Seen> known = this.known.computeIfAbsent(asOf, instant -> new HashMap<>());
        List<UUID> unasked = personIds.stream().filter(id -> !known.containsKey(id)).distinct().toList();
        if (!unasked.isEmpty()) {
            Map<UUID, Seen> seen = ask(unasked, asOf);
            unasked.forEach(id -> known.put(id, seen.getOrDefault(id, Seen.ABSENT)));
        }
        Set<Seen> wanted = Set.of(states);
        Set<UUID> those = new HashSet<>();
        personIds.forEach(id -> {
            if (wanted.contains(known.get(id))) {
                those.add(id);
            }
        });
        return those;
    }

    private Map<UUID, Seen> ask(List<UUID> ids, AsOf asOf) {
        PersonServiceGrpc.PersonServiceBlockingStub stub = asCaller().withDeadline(
                Deadline.after(deadline.toMillis(), TimeUnit.MILLISECONDS));
        Set<UUID> asked = new HashSet<>(ids);
        Map<UUID, Seen> seen = new HashMap<>();
        try {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> names = new ArrayList<>();
                ids.subList(from, Math.min(ids.size(), from + CHUNK)).forEach(id -> names.add(PersonName.of(id).toString()));
                String token = "";
                do {
                    var request = ListPersonsRequest.newBuilder().addAllPersons(names).setShowRetracted(true)
                            .setPageSize(names.size()).setPageToken(token);
                    if (!asOf.isNow()) {
                        request.setAsOf(asOf.toProto());
                    }
                    ListPersonsResponse page = stub.listPersons(request.build());
                    for (Person person : page.getPersonsList()) {
                        UUID id = PersonName.parse(person.getName(), "persons").id();
                        if (asked.contains(id)) { // only an answer to the question asked counts
                            seen.put(id, person.getState() == RecordState.RECORD_STATE_RETRACTED ? Seen.RETRACTED
                                    : Seen.ACTIVE);
                            if (person.getAccessLevel() == AccessLevel.ACCESS_LEVEL_CONFIDENTIAL) {
                                confidential.add(id);
                            }
                        }
                    }
                    token = page.getNextPageToken();
                } while (!token.isEmpty());
            }
        } catch (StatusRuntimeException e) {
            throw DetentionFailures.of(e, "say which of " + ids.size() + " persons the caller may see",
                    "say which persons may be shown");
        }
        return seen;
    }

    private PersonServiceGrpc.PersonServiceBlockingStub asCaller() {
        return CallerToken.attach(persons, caller);
    }
}
