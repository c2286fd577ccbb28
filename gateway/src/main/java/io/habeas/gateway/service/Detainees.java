package io.habeas.gateway.service;

import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.kernel.names.PersonName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The persons a country detains, as the dashboards may see them, page by page up to a limit. The
 * pages read are bounded too (twice the pages the limit needs, and one), so that a list of mostly
 * hidden persons cannot be read to its end: past that the answer says truncated.
 */
@ApplicationScoped
public class Detainees {
    /** detention-service's largest page of persons. */
    private static final int PAGE = 200;

    @Inject
    DetentionClient detention;
    @Inject
    AccessPolicy access;

    /** The visible persons found, their names, and whether there were more than the limit. */
    public record Found(List<Person> persons, List<PersonName> names, boolean truncated) {

        /** The persons' names read by the kernel's PersonName: one not of its form fails with INVALID_ARGUMENT. */
        static Found of(List<Person> persons, boolean truncated) {
            return new Found(persons, persons.stream().map(p -> PersonName.parse(p.getName(), "Person.name")).toList(),
                    truncated);
        }
    }

    /**
     * The persons the country detains as of the instant that may be shown (visible, not retracted); a
     * malformed name among them is detention-service's bad answer.
     */
    public Uni<Found> of(String country, int limit, AsOf asOf) {
        return Backend.DETENTION.read(collect(country, "", new ArrayList<>(), limit, 2 * (limit / PAGE) + 2, asOf));
    }

    private Uni<Found> collect(String country, String token, List<Person> found, int limit, int pagesLeft, AsOf asOf) {
        return detention.listPersons(asOf.on(ListPersonsRequest.newBuilder().setDetainingCountry(country).setPageSize(PAGE)
                        .setPageToken(token), ListPersonsRequest.Builder::setAsOf).build())
                .chain(page -> {
                    page.getPersonsList().stream().filter(access::shown).forEach(found::add);
                    if (found.size() > limit) {
                        return Uni.createFrom().item(Found.of(List.copyOf(found.subList(0, limit)), true));
                    }
                    if (page.getNextPageToken().isEmpty()) {
                        return Uni.createFrom().item(Found.of(List.copyOf(found), false));
                    }
                    return pagesLeft <= 1 ? Uni.createFrom().item(Found.of(List.copyOf(found), true))
                            : collect(country, page.getNextPageToken(), found, limit, pagesLeft - 1, asOf);
                });
    }
}
