package io.habeas.gateway.service;

import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.kernel.names.PersonName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Which of the persons statement-service's answers name (claims' subject persons) may be shown.
 * statement-service already leaves out persons hidden from the caller and retracted ones; the
 * gateway checks again and fails closed: a person is named only when this request already showed
 * them (the timeline's person, a country's detainees) or detention-service lists them for the
 * caller now (ListPersons by name, as of the read's instant) as visible and not retracted. Unknown,
 * hidden, retracted, or unconfirmed because detention-service could not answer: left out.
 */
@ApplicationScoped
public class ShownPersons {

    private static final Logger LOG = Logger.getLogger(ShownPersons.class);
    /** The contract's bound on the names of one ListPersons. */
    static final int NAMES_PER_CALL = 1000;
    /** detention-service's largest page of persons. */
    static final int PAGE = 200;

    @Inject
    DetentionClient detention;

    @Inject
    AccessPolicy access;

    /** Of the named persons, those that may be shown: the known ones, and the others detention-service vouches for. */
    public Uni<Set<PersonName>> of(Collection<PersonName> named, Set<PersonName> known, AsOf asOf) {
        Set<PersonName> shown = new HashSet<>();
        List<PersonName> unknown = new ArrayList<>();
        for (PersonName p : new LinkedHashSet<>(named)) {
            if (known.contains(p)) {
                shown.add(p);
            } else {
                unknown.add(p);
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(shown);
        }
        List<Uni<Set<PersonName>>> checks = new ArrayList<>();
        for (int i = 0; i < unknown.size(); i += NAMES_PER_CALL) {
            Set<PersonName> chunk = new LinkedHashSet<>(unknown.subList(i, Math.min(unknown.size(), i + NAMES_PER_CALL)));
            checks.add(listed(chunk, "", new HashSet<>(), asOf, NAMES_PER_CALL / PAGE + 1)
                    .onFailure().recoverWithItem(f -> {
                        LOG.debugf("persons named by statement-service left unconfirmed: %s", f.getMessage());
                        return Set.of();
                    }));
        }
        return Uni.join().all(checks).andFailFast().map(found -> {
            found.forEach(shown::addAll);
            return shown;
        });
    }

    private Uni<Set<PersonName>> listed(Set<PersonName> chunk, String token, Set<PersonName> found, AsOf asOf, int pagesLeft) {
        ListPersonsRequest request = asOf.on(ListPersonsRequest.newBuilder().addAllPersons(StatementClient.names(List.copyOf(chunk)))
                .setPageSize(PAGE).setPageToken(token), ListPersonsRequest.Builder::setAsOf).build();
        return detention.listPersons(request).chain(page -> {
            for (Person p : page.getPersonsList()) {
                PersonName name = PersonName.parse(p.getName(), "Person.name");
                if (chunk.contains(name) && access.shown(p)) {
                    found.add(name);
                }
            }
            return page.getNextPageToken().isEmpty() || pagesLeft <= 1 ? Uni.createFrom().item(found)
                    : listed(chunk, page.getNextPageToken(), found, asOf, pagesLeft - 1);
        });
    }
}
