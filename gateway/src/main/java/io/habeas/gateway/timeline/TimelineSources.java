package io.habeas.gateway.timeline;

import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.service.ShownPersons;
import io.habeas.gateway.timeline.TimelineSource.Item;
import io.habeas.gateway.timeline.TimelineSource.Page;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.Statement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The backend lists timelines merge, each read as events, as of the query's instant. Source ids
 * name a source's position in a cursor; within one timeline they are distinct. The persons a page
 * of claims or statements names are checked ({@link ShownPersons}) before its events are made.
 */
@ApplicationScoped
public class TimelineSources {

    @Inject
    DetentionClient detention;

    @Inject
    StatementClient statement;

    @Inject
    EventMapper mapper;

    @Inject
    ShownPersons shownPersons;

    /** A person's detention feed; events of the hidden detentions occupy their place unshown. */
    TimelineSource personFeed(PersonName person, TimelineQuery query, String displayName, Set<String> hiddenDetentions) {
        return new TimelineSource("detention-feed", TimelineOrder.DETENTION_FEED, Backend.DETENTION, (token, size) -> detention
                .personFeed(query.asOf().on(ListPersonFeedRequest.newBuilder().setPerson(person.toString())
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token),
                        ListPersonFeedRequest.Builder::setAsOf).build())
                .map(r -> Page.of(r.getItemsList(), item -> feedItem(item, displayName, query, hiddenDetentions),
                        r.getNextPageToken())));
    }

    /** The claims about a person, who is shown already. */
    TimelineSource personClaims(PersonName person, TimelineQuery query) {
        return new TimelineSource("person-claims", TimelineOrder.PERSON_CLAIMS, Backend.STATEMENT, (token, size) -> statement
                .personClaims(query.asOf().on(ListPersonClaimsRequest.newBuilder().setPerson(person.toString())
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token),
                        ListPersonClaimsRequest.Builder::setAsOf).build())
                .chain(r -> claims(r.getItemsList(), Set.of(person), query, item -> false, r.getNextPageToken())));
    }

    TimelineSource countryFeed(String country, TimelineQuery query) {
        return new TimelineSource("detention-feed", TimelineOrder.DETENTION_FEED, Backend.DETENTION, (token, size) -> detention
                .countryFeed(query.asOf().on(ListCountryFeedRequest.newBuilder().setDetainingCountry(country)
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token),
                        ListCountryFeedRequest.Builder::setAsOf).build())
                .map(r -> Page.of(r.getItemsList(), item -> feedItem(item, null, query, Set.of()), r.getNextPageToken())));
    }

    /** Statements by the country's actors; known: persons this request already shows (its detainees). */
    TimelineSource countryStatements(String country, TimelineQuery query, Set<PersonName> known) {
        return new TimelineSource("country-statements", TimelineOrder.COUNTRY_STATEMENTS, Backend.STATEMENT, (token, size) -> statement
                .countryStatements(query.asOf().on(ListCountryStatementsRequest.newBuilder().setCountry(country)
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token),
                        ListCountryStatementsRequest.Builder::setAsOf).build())
                .chain(r -> statements(r.getStatementsList(), known, query, r.getNextPageToken())));
    }

    /** A page of statements as events, once the persons they name are checked (those known need no check). */
    Uni<Page> statements(List<Statement> statements, Set<PersonName> known, TimelineQuery query, String nextPageToken) {
        List<PersonName> named = new ArrayList<>();
        statements.forEach(s -> s.getClaimsList().forEach(c -> named.addAll(subjects(c))));
        return shownPersons.of(named, known, query.asOf()).map(shown -> Page.of(statements,
                s -> Item.of(s.getMadeOn(), mapper.statement(s, shown::contains)), nextPageToken));
    }

    /** Claims about the country or addressed to it; known as in {@link #countryStatements}. */
    TimelineSource countryClaims(String country, TimelineQuery query, Set<PersonName> known) {
        return new TimelineSource("country-claims", TimelineOrder.COUNTRY_CLAIMS, Backend.STATEMENT, (token, size) -> statement
                .countryClaims(query.asOf().on(ListCountryClaimsRequest.newBuilder().setCountry(country)
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token),
                        ListCountryClaimsRequest.Builder::setAsOf).build())
                .chain(r -> claims(r.getItemsList(), known, query, item -> false, r.getNextPageToken())));
    }

    /** Claims about any of the persons (shown already); those for which shownElsewhere holds occupy their place unshown. */
    TimelineSource detaineeClaims(List<PersonName> persons, TimelineQuery query, Predicate<ClaimItem> shownElsewhere) {
        Set<PersonName> detainees = Set.copyOf(persons);
        return new TimelineSource("detainee-claims", TimelineOrder.DETAINEE_CLAIMS, Backend.STATEMENT, (token, size) -> statement
                .claimsAboutPersons(query.asOf().on(ListClaimsAboutPersonsRequest.newBuilder()
                        .addAllPersons(StatementClient.names(persons)).setDateRange(query.dateRange()).setPageSize(size)
                        .setPageToken(token), ListClaimsAboutPersonsRequest.Builder::setAsOf).build())
                .chain(r -> claims(r.getItemsList(), detainees, query, shownElsewhere, r.getNextPageToken())));
    }

    /** A page of claims as events, once the persons they name are checked (those known need no check). */
    Uni<Page> claims(List<ClaimItem> items, Set<PersonName> known, TimelineQuery query,
            Predicate<ClaimItem> shownElsewhere, String nextPageToken) {
        List<PersonName> named = new ArrayList<>();
        for (ClaimItem item : items) {
            Claim claim = EventMapper.claimOf(item);
            if (claim != null && !shownElsewhere.test(item)) {
                named.addAll(subjects(claim));
            }
        }
        return shownPersons.of(named, known, query.asOf()).map(shown -> Page.of(items,
                item -> Item.of(item.getStatement().getMadeOn(),
                        shownElsewhere.test(item) ? null : mapper.claim(item, shown::contains)),
                nextPageToken));
    }

    /** A claim's subject persons; a name not of its form is statement-service's bad answer. */
    static List<PersonName> subjects(Claim claim) {
        return claim.getSubjectPersonsList().stream().map(p -> PersonName.parse(p, "Claim.subject_persons")).toList();
    }

    /** At its place in the feed's order: where detention-service placed it (placed_at) when set, its own date otherwise. */
    Item feedItem(FeedItem item, String displayName, TimelineQuery query, Set<String> hiddenDetentions) {
        TimelineEvent event = hiddenDetentions.contains(item.getDetentionName()) ? null : mapper.feedItem(item, displayName);
        return Item.of(item.hasPlacedAt() ? item.getPlacedAt() : item.getDate(),
                event != null && query.wants(event.kind()) ? event : null);
    }
}
