package io.habeas.gateway.timeline;

import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.Person;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.api.TimelinePage;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.rest.ApiProblem;
import io.habeas.gateway.rest.BackendsUnavailable;
import io.habeas.gateway.service.Detainees;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the sources of a person's or a country's timeline and merges them. */
@ApplicationScoped
public class TimelineService {

    @Inject
    DetentionClient detention;

    @Inject
    StatementClient statement;

    @Inject
    EventMapper mapper;

    @Inject
    AccessPolicy access;

    /** Items asked of a backend per page; a cursor remembers the size it was made with. */
    @ConfigProperty(name = "habeas.gateway.timeline.backend-page-size", defaultValue = "100")
    int backendPageSize;

    /** Backend pages one gateway page may fetch; past it, the page ends early with a cursor. */
    @ConfigProperty(name = "habeas.gateway.timeline.max-fetches-per-page", defaultValue = "40")
    int maxFetches;

    /** Detained persons whose claims a country timeline follows, in one statement-service list (its maximum). */
    @ConfigProperty(name = "habeas.gateway.country-timeline.max-detained-persons", defaultValue = "1000")
    int maxDetainedPersons;

    @Inject
    Detainees detainees;

    record Simple(String id, Backend backend, BiFunction<String, Integer, Uni<Page>> fetcher) implements TimelineSource {
        @Override
        public Uni<Page> fetch(String pageToken, int pageSize) {
            return fetcher.apply(pageToken, pageSize);
        }
    }

    // ---------------------------------------------------------------- person

    public Uni<TimelinePage> personTimeline(String personId, TimelineQuery query, String cursorText, int limit) {
        String person = "persons/" + personId;
        Cursor cursor = Cursor.decode(cursorText, Cursor.digest(query.key(person)), backendPageSize);
        boolean wantDetention = query.kinds().stream().anyMatch(EventMapper.DETENTION_KINDS::contains);
        boolean wantClaims = query.wants(EventMapper.CLAIM);

        // The person (404 when unknown or confidential) and which of their detentions may not be shown.
        Uni<PersonContext> context = Uni.combine().all()
                .unis(detention.getPerson(person),
                        detention.listDetentions(ListDetentionsRequest.newBuilder().setPerson(person).setPageSize(200).build()))
                .asTuple()
                .map(t -> {
                    if (!access.visible(t.getItem1().getAccessLevel())) {
                        throw ApiProblem.notFound("No person " + personId);
                    }
                    Set<String> hidden = new HashSet<>();
                    for (Detention d : t.getItem2().getDetentionsList()) {
                        if (!access.visible(d.getAccessLevel())) {
                            hidden.add(d.getName());
                        }
                    }
                    return new PersonContext(t.getItem1(), hidden, null);
                })
                .onFailure(f -> f instanceof BackendException be && be.unavailable())
                .recoverWithItem(f -> new PersonContext(null, Set.of(), (BackendException) f));

        return context.chain(ctx -> {
            List<TimelineSource> sources = new ArrayList<>();
            if (wantDetention) {
                String displayName = ctx.person() == null ? null : ctx.person().getDisplayName();
                sources.add(new Simple("d", Backend.DETENTION, (token, size) -> detention
                        .personFeed(ListPersonFeedRequest.newBuilder().setPerson(person).setDateRange(query.dateRange())
                                .setPageSize(size).setPageToken(token).build())
                        .map(r -> new TimelineSource.Page(r.getItemsList().stream()
                                .map(item -> feedItem(item, displayName, query, ctx.hiddenDetentions())).toList(),
                                r.getNextPageToken()))));
            }
            if (wantClaims) {
                sources.add(new Simple("s", Backend.STATEMENT, (token, size) -> statement
                        .personClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setDateRange(query.dateRange())
                                .setPageSize(size).setPageToken(token).build())
                        .map(r -> new TimelineSource.Page(r.getItemsList().stream()
                                .map(item -> TimelineSource.Item.of(item.getStatement().getMadeOn(), mapper.claim(item)))
                                .toList(), r.getNextPageToken()))));
            }
            Map<Backend, BackendException> failed = ctx.failure() == null ? Map.of()
                    : Map.of(Backend.DETENTION, ctx.failure());
            return merge(sources, cursor, limit, failed);
        });
    }

    record PersonContext(Person person, Set<String> hiddenDetentions, BackendException failure) {
    }

    private TimelineSource.Item feedItem(FeedItem item, String displayName, TimelineQuery query, Set<String> hiddenDetentions) {
        TimelineEvent event = hiddenDetentions.contains(item.getDetentionName()) ? null : mapper.feedItem(item, displayName);
        if (event != null && !query.wants(event.kind())) {
            event = null;
        }
        return TimelineSource.Item.of(item.getDate(), event);
    }

    // ---------------------------------------------------------------- country

    public Uni<TimelinePage> countryTimeline(String country, TimelineQuery query, String cursorText, int limit) {
        Cursor cursor = Cursor.decode(cursorText, Cursor.digest(query.key("countries/" + country)), backendPageSize);
        boolean detaining = query.wantsRole("detaining");
        boolean wantFeed = detaining && query.kinds().stream().anyMatch(EventMapper.DETENTION_KINDS::contains);
        boolean wantStatements = query.wantsRole("speaking") && query.wants(EventMapper.STATEMENT);
        boolean wantSubjectClaims = query.wantsRole("subject") && query.wants(EventMapper.CLAIM);
        boolean wantDetaineeClaims = detaining && query.wants(EventMapper.CLAIM);

        // The persons the country detains, whose claims the detaining role follows in one list.
        Uni<DetaineeContext> detained = !wantDetaineeClaims ? Uni.createFrom().item(new DetaineeContext(List.of(), null, false))
                : detainees.of(country, maxDetainedPersons)
                        .map(found -> new DetaineeContext(found.names(), null, found.truncated()))
                        .onFailure(f -> f instanceof BackendException be && be.unavailable())
                        .recoverWithItem(f -> new DetaineeContext(List.of(), (BackendException) f, false));

        return detained.chain(ctx -> {
            List<TimelineSource> sources = new ArrayList<>();
            if (wantFeed) {
                sources.add(new Simple("d", Backend.DETENTION, (token, size) -> detention
                        .countryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(country)
                                .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                        .map(r -> new TimelineSource.Page(r.getItemsList().stream()
                                .map(item -> feedItem(item, null, query, Set.of())).toList(), r.getNextPageToken()))));
            }
            if (wantStatements) {
                sources.add(new Simple("ss", Backend.STATEMENT, (token, size) -> statement
                        .countryStatements(ListCountryStatementsRequest.newBuilder().setCountry(country)
                                .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                        .map(r -> new TimelineSource.Page(r.getStatementsList().stream()
                                .map(s -> TimelineSource.Item.of(s.getMadeOn(), mapper.statement(s))).toList(),
                                r.getNextPageToken()))));
            }
            if (wantSubjectClaims) {
                sources.add(new Simple("sc", Backend.STATEMENT, (token, size) -> statement
                        .countryClaims(ListCountryClaimsRequest.newBuilder().setCountry(country)
                                .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                        .map(r -> new TimelineSource.Page(r.getItemsList().stream()
                                .map(item -> TimelineSource.Item.of(item.getStatement().getMadeOn(), mapper.claim(item)))
                                .toList(), r.getNextPageToken()))));
            }
            if (!ctx.persons().isEmpty()) {
                sources.add(new Simple("dc", Backend.STATEMENT, (token, size) -> statement
                        .claimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder().addAllPersons(ctx.persons())
                                .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                        .map(r -> new TimelineSource.Page(r.getItemsList().stream()
                                .map(item -> TimelineSource.Item.of(item.getStatement().getMadeOn(),
                                        shownElsewhere(item, country, wantSubjectClaims) ? null : mapper.claim(item)))
                                .toList(), r.getNextPageToken()))));
            }
            Map<Backend, BackendException> failed = ctx.failure() == null ? Map.of()
                    : Map.of(Backend.DETENTION, ctx.failure());
            return merge(sources, cursor, limit, failed).map(page -> ctx.truncated() ? page.withMissing(
                    new MissingSource(Backend.STATEMENT.serviceName(), "too_many_detainees")) : page);
        });
    }

    record DetaineeContext(List<String> persons, BackendException failure, boolean truncated) {
    }


    /**
     * A claim about a detainee that the country timeline already shows through another source: the
     * claims about or addressed to the country. Deciding it from the item alone keeps every event
     * shown exactly once without remembering what was shown.
     */
    static boolean shownElsewhere(ClaimItem item, String country, boolean subjectSourceActive) {
        Claim claim = null;
        for (Claim c : item.getStatement().getClaimsList()) {
            if (c.getName().equals(item.getClaim())) {
                claim = c;
            }
        }
        if (claim == null) {
            return true;
        }
        if (subjectSourceActive && (claim.getSubjectCountriesList().contains(country)
                || country.equals(claim.getAddresseeCountry()))) {
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- merge

    private Uni<TimelinePage> merge(List<TimelineSource> sources, Cursor cursor, int limit,
            Map<Backend, BackendException> failed) {
        if (sources.isEmpty()) {
            return Uni.createFrom().item(new TimelinePage(List.of(), null, false, List.of()));
        }
        return new TimelineMerger(sources, cursor, limit, maxFetches, failed).run().map(result -> {
            if (result.allMissing()) {
                throw new BackendsUnavailable(result.missing(), result.allTimedOut());
            }
            return new TimelinePage(result.events(), result.next() == null ? null : result.next().encode(),
                    !result.missing().isEmpty(), result.missing());
        });
    }

}
