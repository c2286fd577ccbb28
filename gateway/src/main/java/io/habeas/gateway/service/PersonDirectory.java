package io.habeas.gateway.service;

import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.PersonListItem;
import io.habeas.gateway.api.PersonPage;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.paging.Cursor;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.gateway.paging.SourcePosition;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.QueryFingerprint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lists and searches persons. The persons on a page are completed with their detentions (one
 * ListDetentions for all of them), which give the current status and the detaining countries the
 * filters use. Filters that the backend cannot
 * apply (status; country together with a query) are applied here, so a page may hold fewer
 * persons than asked; follow nextCursor until it is null.
 */
@ApplicationScoped
public class PersonDirectory {

    static final int BACKEND_PAGE = 50;
    static final int MAX_BACKEND_PAGES = 5;
    /** Pages of detentions read for one chunk of persons (200 each); a person with more shows what these hold. */
    static final int MAX_DETENTION_PAGES = 5;
    /** The one list a person cursor walks, detention-service's person list or search. */
    private static final String SOURCE = "persons";

    @Inject
    DetentionClient detention;

    @Inject
    AccessPolicy access;

    record Candidate(Person person, Float score) {
    }

    record Fetched(List<Candidate> items, String next) {
    }

    /** An external identifier narrows the list to its holder (detention-service's ListPersons by it); never with q. */
    public Uni<PersonPage> list(String q, String country, String status, ExternalId externalId, int pageSize, String cursor) {
        QueryFingerprint query = externalId == null
                ? QueryFingerprint.of("persons", q, country, status, BACKEND_PAGE, access.reader())
                : QueryFingerprint.of("persons", q, country, status, BACKEND_PAGE, access.reader(),
                        List.of(externalId.scheme(), externalId.value()));
        SourcePosition at = CursorCodec.decode(cursor, query).position(SOURCE);
        return new Run(q, country, status, externalId, pageSize, query).page(at.pageToken(), at.consumed(), 0);
    }

    final class Run {
        final String q;
        final String country;
        final String status;
        final ExternalId externalId;
        final int pageSize;
        final QueryFingerprint query;
        final List<PersonListItem> out = new ArrayList<>();

        Run(String q, String country, String status, ExternalId externalId, int pageSize, QueryFingerprint query) {
            this.q = q;
            this.country = country;
            this.status = status;
            this.externalId = externalId;
            this.pageSize = pageSize;
            this.query = query;
        }

        Uni<PersonPage> page(String token, int consumed, int fetched) {
            if (fetched >= MAX_BACKEND_PAGES) {
                return Uni.createFrom().item(done(token, consumed));
            }
            return fetch(token).chain(page -> slice(token, page, Math.min(consumed, page.items().size()), fetched + 1));
        }

        Uni<PersonPage> slice(String token, Fetched page, int pos, int fetched) {
            if (out.size() >= pageSize) {
                return Uni.createFrom().item(done(token, pos));
            }
            if (pos >= page.items().size()) {
                if (page.next().isEmpty()) {
                    return Uni.createFrom().item(new PersonPage(List.copyOf(out), null));
                }
                return page(page.next(), 0, fetched);
            }
            int end = Math.min(page.items().size(), pos + (pageSize - out.size()));
            return enrich(page.items().subList(pos, end)).chain(items -> {
                out.addAll(items);
                return slice(token, page, end, fetched);
            });
        }

        PersonPage done(String token, int consumed) {
            Cursor next = new Cursor(Map.of(SOURCE, SourcePosition.at(token, consumed)));
            return new PersonPage(List.copyOf(out), CursorCodec.encode(query, next));
        }

        Uni<Fetched> fetch(String token) {
            if (q != null) {
                return detention.searchPersons(SearchPersonsRequest.newBuilder().setQuery(q).setPageSize(BACKEND_PAGE)
                        .setPageToken(token).build())
                        .map(r -> new Fetched(r.getMatchesList().stream()
                                .map(m -> new Candidate(m.getPerson(), m.getScore())).toList(), r.getNextPageToken()));
            }
            ListPersonsRequest.Builder request = ListPersonsRequest.newBuilder().setPageSize(BACKEND_PAGE).setPageToken(token);
            if (country != null) {
                request.setDetainingCountry(country);
            }
            if (externalId != null) {
                request.setExternalId(externalId.toProto());
            }
            return detention.listPersons(request.build()).map(r -> new Fetched(
                    r.getPersonsList().stream().map(p -> new Candidate(p, null)).toList(), r.getNextPageToken()));
        }

        /**
         * The shown persons of a chunk (visible, not retracted: the backend leaves retracted persons out,
         * and the gateway checks again) with their detentions, read in one list call; the filters apply here.
         */
        Uni<List<PersonListItem>> enrich(List<Candidate> chunk) {
            List<Candidate> shown = chunk.stream().filter(c -> access.shown(c.person())).toList();
            if (shown.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            List<String> names = shown.stream().map(c -> c.person().getName()).toList();
            return Backend.DETENTION.read(detentionsOf(names, "", new ArrayList<>(), MAX_DETENTION_PAGES).map(all -> {
                Map<String, List<Detention>> byPerson = all.stream().filter(d -> access.visible(d.getAccessLevel()))
                        .collect(Collectors.groupingBy(Detention::getPerson));
                List<PersonListItem> items = new ArrayList<>();
                for (Candidate c : shown) {
                    PersonListItem item = item(c, byPerson.getOrDefault(c.person().getName(), List.of()));
                    if (item != null) {
                        items.add(item);
                    }
                }
                return items;
            }));
        }

        private Uni<List<Detention>> detentionsOf(List<String> persons, String token, List<Detention> found, int pagesLeft) {
            return detention.listDetentions(ListDetentionsRequest.newBuilder().addAllPersons(persons).setPageSize(200)
                            .setPageToken(token).build())
                    .chain(page -> {
                        found.addAll(page.getDetentionsList());
                        return page.getNextPageToken().isEmpty() || pagesLeft <= 1 ? Uni.createFrom().item(found)
                                : detentionsOf(persons, page.getNextPageToken(), found, pagesLeft - 1);
                    });
        }

        /** The person as listed, or null when the country or status filter leaves it out. */
        private PersonListItem item(Candidate c, List<Detention> visible) {
            Person p = c.person();
            String current = Custody.status(Custody.current(visible));
            boolean held = Custody.held(visible);
            List<String> countries = visible.stream().map(Detention::getDetainingCountry).distinct().toList();
            if (country != null && !countries.contains(country)) {
                return null;
            }
            if (!Custody.matches(status, current, held)) {
                return null;
            }
            return new PersonListItem(PersonName.parse(p.getName(), "Person.name").id().toString(), p.getDisplayName(), p.getCitizenshipsList(),
                    current, held, countries, c.score());
        }
    }
}
