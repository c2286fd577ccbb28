package io.habeas.gateway.service;

import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.client.DetentionClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The persons a country detains, as the dashboards may see them, page by page up to a limit. */
@ApplicationScoped
public class Detainees {
    /** detention-service's largest page of persons. */
    private static final int PAGE = 200;

    @Inject
    DetentionClient detention;
    @Inject
    AccessPolicy access;

    /** The visible persons found, and whether there were more than the limit. */
    public record Found(List<Person> persons, boolean truncated) {
        public List<String> names() {
            return persons.stream().map(Person::getName).toList();
        }
    }

    public Uni<Found> of(String country, int limit) {
        return collect(country, "", new ArrayList<>(), limit);
    }

    private Uni<Found> collect(String country, String token, List<Person> found, int limit) {
        return detention.listPersons(ListPersonsRequest.newBuilder().setDetainingCountry(country).setPageSize(PAGE)
                        .setPageToken(token).build())
                .chain(page -> {
                    page.getPersonsList().stream().filter(p -> access.visible(p.getAccessLevel())).forEach(found::add);
                    if (found.size() > limit) {
                        return Uni.createFrom().item(new Found(List.copyOf(found.subList(0, limit)), true));
                    }
                    return page.getNextPageToken().isEmpty()
                            ? Uni.createFrom().item(new Found(List.copyOf(found), false))
                            : collect(country, page.getNextPageToken(), found, limit);
                });
    }
}
