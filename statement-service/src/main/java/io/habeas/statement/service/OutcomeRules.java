package io.habeas.statement.service;

import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.client.DetentionEpisodes.Episode;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.DetentionStanding;
import io.habeas.statement.repository.ReleaseCallRepository.ReleaseCall;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How calls meet detentions, as ReleaseOutcomeService's contract says. A call belongs to the
 * latest detention (in start order) that began no later than the call and had not certainly
 * ended before it, dates compared as periods: a detention "began no later" unless it certainly
 * began after the call (every day its start can be follows every day the call can be), and "had
 * certainly ended" when every day its end can be precedes every day the call can be. Days are
 * certain days, as Detention.days_in_custody counts them: from the last day the first call can
 * be to the first day the release can be, or to the read's day while held; never below 0.
 */
final class OutcomeRules {
    /** Detentions by start (timeline order of the date), then recording order (ids as PostgreSQL orders uuids). */
    static final Comparator<Keys.Timeline> KEY_ORDER = Comparator.comparing(Keys.Timeline::sort)
            .thenComparingInt(Keys.Timeline::rank).thenComparing(k -> k.id().toString());
    static final Comparator<Episode> START_ORDER = Comparator.comparing(OutcomeRules::key, KEY_ORDER);

    private OutcomeRules() {
    }

    /** A detention's place in start order, as page tokens carry it. */
    static Keys.Timeline key(Episode detention) {
        return Keys.Timeline.of(detention.start(), detention.id());
    }

    /** A person's calls matched to their detentions: one outcome per detention with calls, in start order. */
    record Matched(List<ReleaseOutcome> outcomes, int callsOutside) {
    }

    /** The person's calls (timeline order) against their detentions, counted to the read's day. */
    static Matched match(UUID person, List<ReleaseCall> calls, List<Episode> detentions, Map<UUID, Actor> actors,
            LocalDate today) {
        List<Episode> byStart = detentions.stream().sorted(START_ORDER).toList();
        Map<Episode, List<ReleaseCall>> during = new LinkedHashMap<>();
        int outside = 0;
        for (ReleaseCall call : calls) {
            Optional<Episode> detention = detentionOf(call.madeOn(), byStart);
            if (detention.isPresent()) {
                during.computeIfAbsent(detention.get(), d -> new ArrayList<>()).add(call);
            } else {
                outside++;
            }
        }
        List<ReleaseOutcome> outcomes = byStart.stream().filter(during::containsKey)
                .map(d -> outcome(person, d, during.get(d), actors, today)).toList();
        return new Matched(outcomes, outside);
    }

    /** The latest detention (of those in start order) that began no later than the call and had not certainly ended before it. */
    static Optional<Episode> detentionOf(PartialDate call, List<Episode> byStart) {
        for (int i = byStart.size() - 1; i >= 0; i--) {
            Episode detention = byStart.get(i);
            boolean begun = !call.certainlyBefore(detention.start());
            boolean ended = detention.end() != null && detention.end().certainlyBefore(call);
            if (begun && !ended) {
                return Optional.of(detention);
            }
        }
        return Optional.empty();
    }

    private static ReleaseOutcome outcome(UUID person, Episode detention, List<ReleaseCall> calls, Map<UUID, Actor> actors,
            LocalDate today) {
        LocalDate firstCall = calls.get(0).madeOn().latest();
        int toRelease = detention.standing() == DetentionStanding.RELEASED ? days(firstCall, detention.end().earliest()) : 0;
        int outstanding = detention.standing() == DetentionStanding.HELD ? days(firstCall, today) : 0;
        List<String> countries = calls.stream().map(c -> actors.get(c.actorId()).country).filter(Objects::nonNull)
                .distinct().sorted().toList();
        return new ReleaseOutcome(person, detention, List.copyOf(calls), FeedService.callers(calls, actors), countries,
                toRelease, outstanding);
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    /** The statistics of a scope, outcome by outcome in list order (persons in recording order). */
    static final class Tally {
        private final Set<UUID> persons = new HashSet<>();
        private final List<Integer> daysToRelease = new ArrayList<>();
        private int calls;
        private int stillHeld;
        private int otherEnd;
        private ReleaseOutcome longestHeld;

        void add(ReleaseOutcome outcome) {
            persons.add(outcome.person());
            calls += outcome.callCount();
            switch (outcome.standing()) {
                case RELEASED -> daysToRelease.add(outcome.daysToRelease());
                case HELD -> {
                    stillHeld++;
                    // Strictly longer only: on a tie the earliest recorded person, who came first, stays.
                    if (longestHeld == null || outcome.daysOutstanding() > longestHeld.daysOutstanding()) {
                        longestHeld = outcome;
                    }
                }
                case DIED_IN_CUSTODY, ESCAPED -> otherEnd++;
            }
        }

        ReleaseOutcome.Statistics result() {
            List<Integer> sorted = daysToRelease.stream().sorted().toList();
            return new ReleaseOutcome.Statistics(persons.size(), calls, sorted.size(), stillHeld, otherEnd, median(sorted),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                    longestHeld == null ? 0 : longestHeld.daysOutstanding(),
                    longestHeld == null ? null : longestHeld.person());
        }

        /** The middle value, or the mean of the two middle ones for an even count; 0 for none. */
        static double median(List<Integer> sorted) {
            int n = sorted.size();
            if (n == 0) {
                return 0;
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        }
    }
}
