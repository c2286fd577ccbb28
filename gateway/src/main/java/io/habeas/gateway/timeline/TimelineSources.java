package io.habeas.gateway.timeline;

import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.DetentionClient;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.timeline.TimelineSource.Item;
import io.habeas.gateway.timeline.TimelineSource.Page;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The backend lists timelines merge, each read as events. Source ids name a source's position in
 * a cursor; within one timeline they are distinct.
 */
@ApplicationScoped
public class TimelineSources {

    @Inject
    DetentionClient detention;

    @Inject
    StatementClient statement;

    @Inject
    EventMapper mapper;

    /** A person's detention feed; events of the hidden detentions occupy their place unshown. */
    TimelineSource personFeed(PersonName person, TimelineQuery query, String displayName, Set<String> hiddenDetentions) {
        return new TimelineSource("detention-feed", Backend.DETENTION, (token, size) -> detention
                .personFeed(ListPersonFeedRequest.newBuilder().setPerson(person.toString()).setDateRange(query.dateRange())
                        .setPageSize(size).setPageToken(token).build())
                .map(r -> Page.of(r.getItemsList(), item -> feedItem(item, displayName, query, hiddenDetentions),
                        r.getNextPageToken())));
    }

    TimelineSource personClaims(PersonName person, TimelineQuery query) {
        return new TimelineSource("person-claims", Backend.STATEMENT, (token, size) -> statement
                .personClaims(ListPersonClaimsRequest.newBuilder().setPerson(person.toString()).setDateRange(query.dateRange())
                        .setPageSize(size).setPageToken(token).build())
                .map(r -> Page.of(r.getItemsList(), this::claim, r.getNextPageToken())));
    }

    TimelineSource countryFeed(String country, TimelineQuery query) {
        return new TimelineSource("detention-feed", Backend.DETENTION, (token, size) -> detention
                .countryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(country)
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                .map(r -> Page.of(r.getItemsList(), item -> feedItem(item, null, query, Set.of()), r.getNextPageToken())));
    }

    TimelineSource countryStatements(String country, TimelineQuery query) {
        return new TimelineSource("country-statements", Backend.STATEMENT, (token, size) -> statement
                .countryStatements(ListCountryStatementsRequest.newBuilder().setCountry(country)
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                .map(r -> Page.of(r.getStatementsList(), s -> Item.of(s.getMadeOn(), mapper.statement(s)),
                        r.getNextPageToken())));
    }

    TimelineSource countryClaims(String country, TimelineQuery query) {
        return new TimelineSource("country-claims", Backend.STATEMENT, (token, size) -> statement
                .countryClaims(ListCountryClaimsRequest.newBuilder().setCountry(country)
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                .map(r -> Page.of(r.getItemsList(), this::claim, r.getNextPageToken())));
    }

    /** Claims about any of the persons; those for which shownElsewhere holds occupy their place unshown. */
    TimelineSource detaineeClaims(List<PersonName> persons, TimelineQuery query, Predicate<ClaimItem> shownElsewhere) {
        return new TimelineSource("detainee-claims", Backend.STATEMENT, (token, size) -> statement
                .claimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder().addAllPersons(StatementClient.names(persons))
                        .setDateRange(query.dateRange()).setPageSize(size).setPageToken(token).build())
                .map(r -> Page.of(r.getItemsList(),
                        item -> shownElsewhere.test(item) ? Item.of(item.getStatement().getMadeOn(), null) : claim(item),
                        r.getNextPageToken())));
    }

    private Item claim(ClaimItem item) {
        return Item.of(item.getStatement().getMadeOn(), mapper.claim(item));
    }

    private Item feedItem(FeedItem item, String displayName, TimelineQuery query, Set<String> hiddenDetentions) {
        TimelineEvent event = hiddenDetentions.contains(item.getDetentionName()) ? null : mapper.feedItem(item, displayName);
        return Item.of(item.getDate(), event != null && query.wants(event.kind()) ? event : null);
    }
}
