package io.habeas.gateway.timeline;

import com.google.protobuf.Message;
import io.habeas.detention.v1.FeedChange;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.client.WatchClient;
import io.habeas.gateway.live.LiveChange;
import io.habeas.gateway.live.LiveSource;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.ClaimChange;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementChange;
import io.habeas.statement.v1.WatchClaimsAboutPersonsRequest;
import io.habeas.statement.v1.WatchCountryClaimsRequest;
import io.habeas.statement.v1.WatchCountryStatementsRequest;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The backend watches live timelines merge, the live twins of {@link TimelineSources}' lists: the same
 * source ids, and each change read into an event by the same code as a page's items (the same access
 * checks, hidden detentions, persons named, and "shown elsewhere" rule). A source's rank is its place
 * in the paged timeline's source order, the third part of a change's sort key.
 */
@ApplicationScoped
public class LiveSources {

    private static final String DETENTION_ORIGIN = Backend.DETENTION.serviceName() + ":";
    private static final String STATEMENT_ORIGIN = Backend.STATEMENT.serviceName() + ":";

    @Inject
    WatchClient watches;

    @Inject
    TimelineSources sources;

    @Inject
    AccessPolicy access;

    LiveSource personFeed(PersonName person, TimelineQuery query, String displayName, Set<String> hidden, int rank) {
        String id = "detention-feed";
        return new LiveSource(id, Backend.DETENTION, token -> watches
                .personFeed(WatchPersonFeedRequest.newBuilder().setPerson(person.toString()).setResumeToken(token).build())
                .map(r -> r.hasChange() ? feedChange(id, rank, r.getChange(), r.getResumeToken(), displayName, query, hidden)
                        : LiveChange.started(id, r.getResumeToken())));
    }

    LiveSource countryFeed(String country, TimelineQuery query, int rank) {
        String id = "detention-feed";
        return new LiveSource(id, Backend.DETENTION, token -> watches
                .countryFeed(WatchCountryFeedRequest.newBuilder().setDetainingCountry(country).setResumeToken(token).build())
                .map(r -> r.hasChange() ? feedChange(id, rank, r.getChange(), r.getResumeToken(), null, query, Set.of())
                        : LiveChange.started(id, r.getResumeToken())));
    }

    LiveSource personClaims(PersonName person, TimelineQuery query, int rank) {
        String id = "person-claims";
        return new LiveSource(id, Backend.STATEMENT, token -> watches
                .personClaims(WatchPersonClaimsRequest.newBuilder().setPerson(person.toString()).setResumeToken(token).build())
                .onItem().transformToUniAndConcatenate(r -> r.hasChange() ? claimChange(id, rank, r.getChange(),
                        r.getResumeToken(), Set.of(person), query, item -> false) : started(id, r.getResumeToken())));
    }

    LiveSource countryStatements(String country, TimelineQuery query, Set<PersonName> known, int rank) {
        String id = "country-statements";
        return new LiveSource(id, Backend.STATEMENT, token -> watches
                .countryStatements(WatchCountryStatementsRequest.newBuilder().setCountry(country).setResumeToken(token).build())
                .onItem().transformToUniAndConcatenate(r -> r.hasChange() ? statementChange(id, rank, r.getChange(),
                        r.getResumeToken(), known, query) : started(id, r.getResumeToken())));
    }

    LiveSource countryClaims(String country, TimelineQuery query, Set<PersonName> known, int rank) {
        String id = "country-claims";
        return new LiveSource(id, Backend.STATEMENT, token -> watches
                .countryClaims(WatchCountryClaimsRequest.newBuilder().setCountry(country).setResumeToken(token).build())
                .onItem().transformToUniAndConcatenate(r -> r.hasChange() ? claimChange(id, rank, r.getChange(),
                        r.getResumeToken(), known, query, item -> false) : started(id, r.getResumeToken())));
    }

    LiveSource detaineeClaims(List<PersonName> persons, TimelineQuery query, Predicate<ClaimItem> shownElsewhere, int rank) {
        String id = "detainee-claims";
        Set<PersonName> detainees = Set.copyOf(persons);
        return new LiveSource(id, Backend.STATEMENT, token -> watches
                .claimsAboutPersons(WatchClaimsAboutPersonsRequest.newBuilder().addAllPersons(StatementClient.names(persons))
                        .setResumeToken(token).build())
                .onItem().transformToUniAndConcatenate(r -> r.hasChange() ? claimChange(id, rank, r.getChange(),
                        r.getResumeToken(), detainees, query, shownElsewhere) : started(id, r.getResumeToken())));
    }

    private static Uni<LiveChange> started(String source, String token) {
        return Uni.createFrom().item(LiveChange.started(source, token));
    }

    private LiveChange feedChange(String source, int rank, FeedChange change, String token, String displayName,
            TimelineQuery query, Set<String> hidden) {
        FeedItem item = change.getItem();
        if (change.getKind() == FeedChangeKind.FEED_CHANGE_KIND_RETRACTED) {
            return new LiveChange(source, LiveChange.Kind.RETRACTED, null, feedRetraction(item, query, hidden), null, token);
        }
        LiveChange.Kind kind = kind(change.getKind() == FeedChangeKind.FEED_CHANGE_KIND_ADDED,
                change.getKind() == FeedChangeKind.FEED_CHANGE_KIND_CORRECTED);
        TimelineSource.Item placed = sources.feedItem(item, displayName, query, hidden);
        return placedChange(source, kind, placed, rank, token);
    }

    private Uni<LiveChange> claimChange(String source, int rank, ClaimChange change, String token, Set<PersonName> known,
            TimelineQuery query, Predicate<ClaimItem> shownElsewhere) {
        ClaimItem item = change.getItem();
        if (change.getKind() == ChangeKind.CHANGE_KIND_RETRACTED) {
            return Uni.createFrom().item(new LiveChange(source, LiveChange.Kind.RETRACTED, null,
                    claimRetraction(item, query, shownElsewhere), null, token));
        }
        LiveChange.Kind kind = kind(change.getKind() == ChangeKind.CHANGE_KIND_ADDED,
                change.getKind() == ChangeKind.CHANGE_KIND_CORRECTED);
        return sources.claims(List.of(item), known, query, shownElsewhere, "").map(page -> page.items().get(0))
                .map(placed -> placedChange(source, kind, placed, rank, token));
    }

    private Uni<LiveChange> statementChange(String source, int rank, StatementChange change, String token,
            Set<PersonName> known, TimelineQuery query) {
        Statement statement = change.getStatement();
        if (change.getKind() == ChangeKind.CHANGE_KIND_RETRACTED) {
            String id = query.wants(EventMapper.STATEMENT) && (nameOnly(statement) || access.visible(statement.getAccessLevel()))
                    ? STATEMENT_ORIGIN + StatementName.parse(statement.getName(), "Statement.name") : null;
            return Uni.createFrom().item(new LiveChange(source, LiveChange.Kind.RETRACTED, null, id, null, token));
        }
        LiveChange.Kind kind = kind(change.getKind() == ChangeKind.CHANGE_KIND_ADDED,
                change.getKind() == ChangeKind.CHANGE_KIND_CORRECTED);
        return sources.statements(List.of(statement), known, query, "").map(page -> page.items().get(0))
                .map(placed -> placedChange(source, kind, placed, rank, token));
    }

    /** An added or corrected event, carrying its place in the paged order as the page's events do. */
    private static LiveChange placedChange(String source, LiveChange.Kind kind, TimelineSource.Item placed, int rank,
            String token) {
        String key = TimelineOrder.sortKey(placed.date(), rank);
        TimelineEvent event = kind == null || placed.event() == null ? null : placed.event().withSortKey(key);
        return new LiveChange(source, kind, event, null, key, token);
    }

    /** A kind this build does not know is not shown (it only moves the resume point). */
    private static LiveChange.Kind kind(boolean added, boolean corrected) {
        return added ? LiveChange.Kind.ADDED : corrected ? LiveChange.Kind.CORRECTED : null;
    }

    /**
     * The id of the event a feed item's retraction removes, or null when the caller was never shown it: a kind
     * filtered out, a hidden detention's, or an item above the caller's clearance. An item that carries only its
     * record's name (the caller may no longer read the record) is one the service says the caller could read.
     */
    private String feedRetraction(FeedItem item, TimelineQuery query, Set<String> hidden) {
        Message record = record(item);
        if (record == null) {
            return null;
        }
        String name = (String) record.getField(record.getDescriptorForType().findFieldByName("name"));
        String kind = feedKind(item);
        boolean hiddenDetention = hidden.contains(item.getDetentionName()) || hidden.contains(name)
                || hidden.stream().anyMatch(d -> name.startsWith(d + "/"));
        if (name.isEmpty() || !query.wants(kind) || hiddenDetention
                || !(nameOnly(record) || access.visible(item.getAccessLevel()))) {
            return null;
        }
        return DETENTION_ORIGIN + name + (EventMapper.CHARGE_STATUS.equals(kind) ? "#status" + item.getStatusChangeIndex() : "");
    }

    /** As {@link #feedRetraction}, for a claim: the claim's event, unless another source shows it. */
    private String claimRetraction(ClaimItem item, TimelineQuery query, Predicate<ClaimItem> shownElsewhere) {
        String name = ClaimName.parse(item.getClaim(), "ClaimItem.claim").toString();
        if (!query.wants(EventMapper.CLAIM)) {
            return null;
        }
        if (!item.hasStatement()) {
            return STATEMENT_ORIGIN + name;
        }
        if (!access.visible(item.getStatement().getAccessLevel())
                || (EventMapper.claimOf(item) != null && shownElsewhere.test(item))) {
            return null;
        }
        return STATEMENT_ORIGIN + name;
    }

    private static Message record(FeedItem item) {
        return switch (item.getRecordCase()) {
            case DETENTION -> item.getDetention();
            case CUSTODY_EVENT -> item.getCustodyEvent();
            case CHARGE -> item.getCharge();
            case INCIDENT -> item.getIncident();
            case COURT_EVENT -> item.getCourtEvent();
            default -> null;
        };
    }

    private static String feedKind(FeedItem item) {
        return switch (item.getRecordCase()) {
            case DETENTION -> EventMapper.DETENTION;
            case CUSTODY_EVENT -> EventMapper.CUSTODY;
            case CHARGE -> item.getKind() == FeedItemKind.FEED_ITEM_KIND_CHARGE_STATUS_CHANGED ? EventMapper.CHARGE_STATUS
                    : EventMapper.CHARGE;
            case INCIDENT -> EventMapper.INCIDENT;
            case COURT_EVENT -> EventMapper.COURT;
            default -> "";
        };
    }

    /** A record sent as its name alone: the services' form of a retraction the caller may no longer read. */
    private static boolean nameOnly(Message record) {
        Message.Builder rest = record.toBuilder();
        rest.clearField(record.getDescriptorForType().findFieldByName("name"));
        return rest.build().equals(record.getDefaultInstanceForType());
    }
}
