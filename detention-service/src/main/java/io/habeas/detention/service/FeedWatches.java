package io.habeas.detention.service;

import io.grpc.stub.StreamObserver;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.mapping.FeedMapper;
import io.habeas.detention.repository.FeedChangeRepository;
import io.habeas.detention.repository.FeedChangeRepository.Feed;
import io.habeas.detention.repository.FeedChangeRepository.FeedChange;
import io.habeas.detention.repository.FeedRepository;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.support.history.AsOf;
import io.habeas.support.validation.Countries;
import io.habeas.support.watch.AsCaller;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.Watch;
import io.habeas.support.watch.WatchHub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live person and country feeds: watches of the feed change log (V15), each change sent as the
 * item it leaves, to the watches whose callers may read it now, by the list's rule.
 */
@ApplicationScoped
public class FeedWatches extends WatchHub<FeedChange> {
    static final String CHANNEL = "habeas_feed_change";

    @Inject
    FeedChangeRepository changes;
    @Inject
    FeedService feeds;
    @Inject
    PersonService persons;
    @ConfigProperty(name = "habeas.watch.change-retention", defaultValue = "12h")
    Duration retention;

    /** Starts watching a person's feed for the caller; NOT_FOUND as ListPersonFeed for a person it may not see. */
    public void watchPerson(String person, String resumeToken, StreamObserver<WatchPersonFeedResponse> responses) {
        UUID personId = QuarkusTransaction.requiringNew().call(() -> persons.get(person, "person", AsOf.NOW).id);
        Feed feed = new Feed(FeedRepository.Owner.PERSON, personId);
        watch(feed, "person", personId, resumeToken, responses, WatchPersonFeedResponse.getDefaultInstance());
    }

    /** Starts watching a detaining country's feed for the caller. */
    public void watchCountry(String country, String resumeToken, StreamObserver<WatchCountryFeedResponse> responses) {
        Countries.checkFilter(country, "detaining_country");
        if (country == null || country.isEmpty()) {
            throw InvalidArgumentException.of("detaining_country", "is required");
        }
        watch(new Feed(FeedRepository.Owner.COUNTRY, country), "country", country, resumeToken, responses,
                WatchCountryFeedResponse.getDefaultInstance());
    }

    @Override
    protected String channel() {
        return CHANNEL;
    }

    @Override
    protected FeedChangeRepository log() {
        return changes;
    }

    @Override
    protected List<FeedChange> forFeed(Object feed, ChangePosition after, ChangePosition through, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> changes.forFeed((Feed) feed, after, through, limit));
    }

    /** Callers of one clearance see the same items: each item is read and mapped once per clearance. */
    @Override
    protected void deliver(List<FeedChange> batch, List<Watch<?>> watches) {
        Map<Clearance, List<Watch<?>>> byClearance = watches.stream()
                .collect(Collectors.groupingBy(w -> w.subject().clearance(), LinkedHashMap::new, Collectors.toList()));
        byClearance.forEach((clearance, group) -> {
            Set<Object> feedsWatched = group.stream().map(w -> w.subject().feed()).collect(Collectors.toSet());
            List<EntryChange> relevant = EntryChange.of(batch.stream()
                    .filter(change -> feedsWatched.stream().anyMatch(feed -> change.concerns((Feed) feed))).toList());
            if (relevant.isEmpty()) {
                return;
            }
            Items items = AsCaller.run(group.get(0).subject().identity(), () -> read(relevant, clearance));
            for (Watch<?> watch : group) {
                Feed feed = (Feed) watch.subject().feed();
                for (EntryChange change : relevant) {
                    if (change.last().concerns(feed)) {
                        send(watch, feed, change, items);
                    }
                }
            }
        });
    }

    /**
     * What one transaction did to one entry in one feed, from its first change to its last: a new
     * entry is placed and given its level in further updates of the same write, which no one saw apart.
     */
    record EntryChange(FeedChange first, FeedChange last) {
        static List<EntryChange> of(List<FeedChange> changes) {
            Map<List<Object>, FeedChange> firsts = new HashMap<>();
            Map<List<Object>, FeedChange> lasts = new LinkedHashMap<>();
            for (FeedChange change : changes) {
                List<Object> key = List.of(change.position().xid(), change.entryId(), change.personId(), change.country());
                firsts.putIfAbsent(key, change);
                lasts.remove(key);
                lasts.put(key, change);
            }
            return lasts.entrySet().stream().map(e -> new EntryChange(firsts.get(e.getKey()), e.getValue())).toList();
        }

        boolean added() {
            return first.op() == 'I';
        }
    }

    /** The items of a batch's changes, as one clearance sees them: the entries now, and those the changes retracted. */
    private record Items(Map<UUID, FeedItem> now, Map<UUID, FeedEntry> nowEntries, Map<Long, FeedItem> before) {
    }

    private Items read(List<EntryChange> relevant, Clearance clearance) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var levels = clearance.readableLevels();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<UUID, FeedEntry> current = changes.current(
                    relevant.stream().map(c -> c.last().entryId()).collect(Collectors.toSet()), levels);
            Map<UUID, FeedItem> now = new HashMap<>();
            for (FeedService.Item item : feeds.itemsNow(new ArrayList<>(current.values()))) {
                now.put(item.entry().id, FeedMapper.toProto(item, clearance, today));
            }
            Map<Long, FeedChangeRepository.Before> gone = changes.before(relevant.stream().filter(c -> !c.added())
                    .map(c -> c.first().position().seq()).toList(), levels);
            Map<FeedEntry, Long> seqOf = new HashMap<>();
            gone.forEach((seq, before) -> seqOf.put(before.entry(), seq));
            Map<Long, FeedItem> before = new HashMap<>();
            for (FeedService.Item item : feeds.itemsNow(gone.values().stream().map(FeedChangeRepository.Before::entry).toList())) {
                long seq = seqOf.get(item.entry());
                FeedItem full = FeedMapper.toProto(item, clearance, today);
                before.put(seq, gone.get(seq).recordReadable() ? full : FeedMapper.withRecordNameOnly(full));
            }
            return new Items(now, current, before);
        });
    }

    /**
     * The change as the item it leaves: the entry as it is now when the caller may read it in this
     * feed (a later change of the same entry then sends the same state again, never an older one);
     * else, for an entry that was in the feed before, a retraction of it as the caller could read it then.
     */
    @SuppressWarnings("unchecked")
    private static void send(Watch<?> watch, Feed feed, EntryChange change, Items items) {
        FeedEntry current = items.nowEntries().get(change.last().entryId());
        FeedItem now = items.now().get(change.last().entryId());
        boolean inFeed = current != null && (feed.owner() == FeedRepository.Owner.PERSON
                ? current.personId.equals(feed.value()) : current.detainingCountry.equals(feed.value()));
        long firstSeq = change.first().position().seq();
        io.habeas.detention.v1.FeedChange message;
        if (now != null && inFeed) {
            message = io.habeas.detention.v1.FeedChange.newBuilder().setItem(now)
                    .setKind(change.added() ? FeedChangeKind.FEED_CHANGE_KIND_ADDED : FeedChangeKind.FEED_CHANGE_KIND_CORRECTED)
                    .build();
        } else if (!change.added() && items.before().containsKey(firstSeq)) {
            message = io.habeas.detention.v1.FeedChange.newBuilder().setItem(items.before().get(firstSeq))
                    .setKind(FeedChangeKind.FEED_CHANGE_KIND_RETRACTED).build();
        } else {
            return;
        }
        ChangePosition at = change.last().position();
        if (feed.owner() == FeedRepository.Owner.PERSON) {
            ((Watch<WatchPersonFeedResponse>) watch).offer(at,
                    token -> WatchPersonFeedResponse.newBuilder().setChange(message).setResumeToken(token).build());
        } else {
            ((Watch<WatchCountryFeedResponse>) watch).offer(at,
                    token -> WatchCountryFeedResponse.newBuilder().setChange(message).setResumeToken(token).build());
        }
    }

    @Scheduled(identity = "habeas-feed-change-purge", every = "${habeas.watch.purge-every:5m}",
            delayed = "${habeas.watch.purge-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOldChanges() {
        purge(Instant.now().minus(retention));
    }

}
