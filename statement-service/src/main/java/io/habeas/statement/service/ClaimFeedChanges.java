package io.habeas.statement.service;

import io.habeas.statement.mapping.ClaimWatchMapper;
import io.habeas.statement.repository.ClaimChangeRepository;
import io.habeas.statement.repository.ClaimChangeRepository.ClaimChange;
import io.habeas.statement.repository.ClaimChangeRepository.Feed;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.habeas.support.records.RecordState;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.Watch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One batch of the claim change log, as the watches of one clearance may be sent it: read with a
 * fixed number of statements and detention-service batches whatever its size (the statements now,
 * the feeds their claims are in now, the watched persons the caller may see, and for retractions the
 * statements as they were just before), then sent to each watch by the rule of the watch contract.
 */
final class ClaimFeedChanges {
    /** What one transaction did to one item in one watch's feed: its first change per feed key, and its last. */
    record ItemChange(UUID itemId, UUID statementId, Map<String, Character> firstOps, ClaimChange last, Instant changedAt) {
        static List<ItemChange> of(List<ClaimChange> changes) {
            Map<List<Object>, Map<String, Character>> firsts = new HashMap<>();
            Map<List<Object>, ClaimChange> lasts = new LinkedHashMap<>();
            for (ClaimChange change : changes) {
                List<Object> key = List.of(change.position().xid(), change.itemId());
                firsts.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(change.key(), change.op());
                lasts.remove(key);
                lasts.put(key, change);
            }
            return lasts.entrySet().stream().map(e -> new ItemChange(e.getValue().itemId(), e.getValue().statementId(),
                    firsts.get(e.getKey()), e.getValue(), e.getValue().changedAt())).toList();
        }

        /**
         * Whether the item was in the feed before the transaction: under a key it changed, unless it
         * entered under it; or under a key the transaction left alone that holds it now.
         */
        boolean presentBefore(Set<String> watchedKeys, Set<String> keysNow) {
            if (firstOps.values().stream().anyMatch(op -> op != 'I')) {
                return true;
            }
            return keysNow.stream().anyMatch(key -> watchedKeys.contains(key) && !firstOps.containsKey(key));
        }
    }

    private record Decision(Watch<?> watch, ClaimFeed feed, ItemChange item, ChangeKind kind) {
    }

    private final List<ClaimChange> relevant;
    private final ClaimChangeRepository changes;
    private final StatementService statements;
    private final Visibility visibility;
    private final Snapshots snapshots;

    ClaimFeedChanges(List<ClaimChange> relevant, ClaimChangeRepository changes, StatementService statements,
            Visibility visibility, Snapshots snapshots) {
        this.relevant = relevant;
        this.changes = changes;
        this.statements = statements;
        this.visibility = visibility;
        this.snapshots = snapshots;
    }

    /** Offers each watch of the group what it may read of the batch; runs as the group's caller, in a transaction. */
    void send(List<Watch<?>> group) {
        Map<UUID, StatementView> views = statements.visibleNow(
                relevant.stream().map(ClaimChange::statementId).collect(Collectors.toSet()));
        Map<UUID, Set<String>> personFeeds = changes.claimFeedsNow(Feed.PERSON_CLAIMS, itemsOf(Feed.PERSON_CLAIMS));
        Map<UUID, Set<String>> countryFeeds = changes.claimFeedsNow(Feed.COUNTRY_CLAIMS, itemsOf(Feed.COUNTRY_CLAIMS));
        Set<String> personsShown = personsShown(group, personFeeds);

        List<Decision> decisions = new ArrayList<>();
        Map<Instant, Set<UUID>> askedBefore = new HashMap<>();
        for (Watch<?> watch : group) {
            ClaimFeed feed = ClaimWatches.feedOf(watch);
            Set<String> keys = feed.rpc().feed == Feed.PERSON_CLAIMS
                    ? feed.keys().stream().filter(personsShown::contains).collect(Collectors.toSet()) : feed.keys();
            List<ClaimChange> mine = relevant.stream()
                    .filter(c -> c.feed() == feed.rpc().feed && keys.contains(c.key())).toList();
            for (ItemChange item : ItemChange.of(mine)) {
                Set<String> keysNow = keysNow(feed, item, views, personFeeds, countryFeeds);
                boolean inFeed = keysNow.stream().anyMatch(keys::contains);
                boolean before = item.presentBefore(keys, keysNow);
                if (inFeed) {
                    decisions.add(new Decision(watch, feed, item, before ? ChangeKind.CHANGE_KIND_CORRECTED
                            : ChangeKind.CHANGE_KIND_ADDED));
                } else if (before) {
                    decisions.add(new Decision(watch, feed, item, ChangeKind.CHANGE_KIND_RETRACTED));
                    askedBefore.computeIfAbsent(item.changedAt(), t -> new HashSet<>()).add(item.statementId());
                }
            }
        }
        Map<Instant, Set<UUID>> readableBefore = new HashMap<>();
        askedBefore.forEach((at, ids) -> readableBefore.put(at, visibility.statementsVisibleThen(ids,
                snapshots.at(new AsOf(at.minus(1, ChronoUnit.MICROS))))));
        for (Decision decision : decisions) {
            ItemChange item = decision.item();
            if (decision.kind() == ChangeKind.CHANGE_KIND_RETRACTED
                    && !readableBefore.get(item.changedAt()).contains(item.statementId())) {
                continue; // the retraction of an item the caller could not read does not exist for it
            }
            offer(decision, views.get(item.statementId()));
        }
    }

    /** The keys of the watch's log feed that hold the item now, for a caller who may see its statement. */
    private static Set<String> keysNow(ClaimFeed feed, ItemChange item, Map<UUID, StatementView> views,
            Map<UUID, Set<String>> personFeeds, Map<UUID, Set<String>> countryFeeds) {
        StatementView view = views.get(item.statementId());
        if (view == null) {
            return Set.of();
        }
        return switch (feed.rpc().feed) {
            case PERSON_CLAIMS -> personFeeds.getOrDefault(item.itemId(), Set.of());
            case COUNTRY_CLAIMS -> countryFeeds.getOrDefault(item.itemId(), Set.of());
            case COUNTRY_STATEMENTS -> view.statement().state == RecordState.ACTIVE && view.statement().actorCountry != null
                    ? Set.of(view.statement().actorCountry) : Set.of();
        };
    }

    /** Of the watched persons the batch concerns, those the caller may see now, not retracted; one batch. */
    private Set<String> personsShown(List<Watch<?>> group, Map<UUID, Set<String>> personFeeds) {
        Set<String> watched = group.stream().map(ClaimWatches::feedOf).filter(f -> f.rpc().feed == Feed.PERSON_CLAIMS)
                .flatMap(f -> f.keys().stream()).collect(Collectors.toSet());
        Set<String> concerned = new HashSet<>();
        relevant.stream().filter(c -> c.feed() == Feed.PERSON_CLAIMS).forEach(c -> concerned.add(c.key()));
        personFeeds.values().forEach(concerned::addAll);
        concerned.retainAll(watched);
        if (concerned.isEmpty()) {
            return Set.of();
        }
        return visibility.personsShown(concerned.stream().map(UUID::fromString).toList()).stream().map(UUID::toString)
                .collect(Collectors.toSet());
    }

    private Set<UUID> itemsOf(Feed feed) {
        return relevant.stream().filter(c -> c.feed() == feed).map(ClaimChange::itemId).collect(Collectors.toSet());
    }

    private static void offer(Decision decision, StatementView view) {
        ItemChange item = decision.item();
        ChangePosition at = item.last().position();
        if (decision.feed().rpc() == ClaimFeed.Rpc.COUNTRY_STATEMENTS) {
            ClaimWatchMapper.offer(decision.watch(), decision.feed().rpc(), at,
                    ClaimWatchMapper.statementChange(decision.kind(), view, item.statementId()));
        } else {
            ClaimWatchMapper.offer(decision.watch(), decision.feed().rpc(), at,
                    ClaimWatchMapper.claimChange(decision.kind(), view, item.statementId(), item.itemId()));
        }
    }
}
