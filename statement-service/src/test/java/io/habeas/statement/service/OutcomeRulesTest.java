package io.habeas.statement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.client.DetentionEpisodes.Episode;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.DetentionStanding;
import io.habeas.statement.repository.ReleaseCallRepository.ReleaseCall;
import io.habeas.support.records.UuidV7;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which detention a call belongs to, with dates as precise as their sources, and the days and figures after. */
class OutcomeRulesTest {
    private static final UUID PERSON = UuidV7.next();
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    private static PartialDate on(String date) {
        return PartialDate.parse(date, "date");
    }

    private static Episode held(String country, String start) {
        return new Episode(UuidV7.next(), PERSON, country, on(start), DetentionStanding.HELD, null);
    }

    private static Episode ended(String start, DetentionStanding how, String end) {
        return new Episode(UuidV7.next(), PERSON, "AZ", on(start), how, on(end));
    }

    private static Optional<Episode> of(String call, Episode... detentions) {
        return OutcomeRules.detentionOf(on(call), List.of(detentions).stream().sorted(OutcomeRules.START_ORDER).toList());
    }

    @Test
    void aCallDuringADetentionBelongsToIt() {
        Episode detention = ended("2023-07-23", DetentionStanding.RELEASED, "2024-01-10");
        assertEquals(Optional.of(detention), of("2023-08-02", detention));
    }

    @Test
    void aCallBeforeTheStartOrAfterTheEndBelongsToNone() {
        Episode detention = ended("2023-07-23", DetentionStanding.RELEASED, "2024-01-10");
        assertEquals(Optional.empty(), of("2023-07-22", detention));
        assertEquals(Optional.empty(), of("2024-01-11", detention));
        assertEquals(Optional.empty(), of("2023-06", detention), "June 2023 is over before 23 July");
    }

    @Test
    void aCallOnTheDayOfTheStartOrOfTheReleaseBelongsToIt() {
        Episode detention = ended("2023-07-23", DetentionStanding.RELEASED, "2024-01-10");
        assertEquals(Optional.of(detention), of("2023-07-23", detention));
        assertEquals(Optional.of(detention), of("2024-01-10", detention));
    }

    @Test
    void periodsThatMayOverlapCountAsOverlapping() {
        // July 2023 may be the 23rd or later; 2024 may be any day up to the release; a release in April
        // 2020 may be after 15 April
        Episode held = held("AZ", "2023-07-23");
        assertEquals(Optional.of(held), of("2023-07", held));
        Episode released = ended("2023-07-23", DetentionStanding.RELEASED, "2024-01-10");
        assertEquals(Optional.of(released), of("2024", released));
        Episode monthEnd = ended("2019", DetentionStanding.RELEASED, "2020-04");
        assertEquals(Optional.of(monthEnd), of("2020-04-15", monthEnd));
        assertEquals(Optional.empty(), of("2020-05-01", monthEnd));
    }

    @Test
    void aCallBelongsToTheLatestDetentionItMayFallIn() {
        Episode first = ended("2019", DetentionStanding.RELEASED, "2020-04");
        Episode second = held("RU", "2022-09-10");
        assertEquals(Optional.of(first), of("2019-11-20", first, second));
        assertEquals(Optional.of(second), of("2022-10", first, second));
        assertEquals(Optional.empty(), of("2021-02", first, second), "between the two");
        // Held by two authorities at once: the one that began later
        Episode alsoHeld = held("AZ", "2023-01-01");
        assertEquals(Optional.of(alsoHeld), of("2023-05-05", second, alsoHeld));
    }

    @Test
    void daysRunFromTheLastDayOfTheFirstCallToTheFirstDayOfTheReleaseOrToToday() {
        Actor blinken = actor("US");
        Episode released = ended("2019", DetentionStanding.RELEASED, "2020-04");
        Episode stillHeld = held("RU", "2022-09-10");
        var matched = OutcomeRules.match(PERSON, List.of(call(blinken, "2019-11"), call(blinken, "2019-12-02"),
                call(blinken, "2021-02-02"), call(blinken, "2022-10")), List.of(stillHeld, released), actors(blinken), TODAY);

        assertEquals(1, matched.callsOutside());
        assertEquals(2, matched.outcomes().size());
        ReleaseOutcome first = matched.outcomes().get(0);
        assertEquals(released, first.detention());
        assertEquals(2, first.callCount());
        // 30 November 2019 to 1 April 2020: 1 + 31 (December) + 31 + 29 (February of a leap year) + 31 = 123
        assertEquals(123, first.daysToRelease());
        assertEquals(0, first.daysOutstanding());
        ReleaseOutcome second = matched.outcomes().get(1);
        // 31 October 2022 to 30 June 2024: 365 (to 31 October 2023) + 30 + 31 + 31 + 29 + 31 + 30 + 31 + 30 = 608
        assertEquals(608, second.daysOutstanding());
        assertEquals(0, second.daysToRelease());
    }

    @Test
    void daysAreNeverNegative() {
        Actor blinken = actor("US");
        // The call is known only to 2024: its last day is after the release on 1 March 2024.
        var released = OutcomeRules.match(PERSON, List.of(call(blinken, "2024")),
                List.of(ended("2023-07-23", DetentionStanding.RELEASED, "2024-03-01")), actors(blinken), TODAY);
        assertEquals(0, released.outcomes().get(0).daysToRelease());
        var held = OutcomeRules.match(PERSON, List.of(call(blinken, "2024")), List.of(held("AZ", "2023-07-23")),
                actors(blinken), TODAY);
        assertEquals(0, held.outcomes().get(0).daysOutstanding());
    }

    @Test
    void callerCountriesAreEachOnceInAlphabeticalOrderAndCallersMostCallsFirst() {
        Actor blinken = actor("US");
        Actor berlin = actor("DE");
        Actor international = actor(null);
        // In timeline order: September 2023 may be its last day, so it follows the 20th
        var matched = OutcomeRules.match(PERSON, List.of(call(blinken, "2023-08-02"), call(international, "2023-09-20"),
                call(berlin, "2023-09"), call(blinken, "2023-10-15")), List.of(held("AZ", "2023-07-23")),
                actors(blinken, berlin, international), TODAY);
        ReleaseOutcome outcome = matched.outcomes().get(0);
        assertEquals(List.of("DE", "US"), outcome.callerCountries());
        assertEquals(List.of(blinken, berlin, international), outcome.callers().stream().map(FeedService.Caller::actor).toList(),
                "two calls first; then the most recent of the single callers");
        assertEquals(on("2023-08-02"), outcome.firstCall());
        assertEquals(on("2023-10-15"), outcome.latestCall());
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(0.0, OutcomeRules.Tally.median(List.of()));
        assertEquals(5.0, OutcomeRules.Tally.median(List.of(5)));
        assertEquals(2.0, OutcomeRules.Tally.median(List.of(1, 3)));
        assertEquals(3.0, OutcomeRules.Tally.median(List.of(1, 3, 10)));
        assertEquals(2.5, OutcomeRules.Tally.median(List.of(1, 2, 3, 4)));
        assertEquals(131.5, OutcomeRules.Tally.median(List.of(102, 161)));
    }

    @Test
    void onATieTheEarliestRecordedPersonIsTheLongestOutstanding() {
        Actor blinken = actor("US");
        List<ReleaseOutcome> rows = new ArrayList<>();
        UUID first = UuidV7.next();
        UUID second = UuidV7.next();
        for (UUID person : List.of(first, second)) {
            Episode episode = new Episode(UuidV7.next(), person, "AZ", on("2023-01-01"), DetentionStanding.HELD, null);
            rows.addAll(OutcomeRules.match(person, List.of(call(person, blinken, "2023-02-01")), List.of(episode),
                    actors(blinken), TODAY).outcomes());
        }
        OutcomeRules.Tally tally = new OutcomeRules.Tally();
        rows.forEach(tally::add);
        var statistics = tally.result();
        assertEquals(first, statistics.longestOutstandingPerson());
        assertEquals(2, statistics.stillHeld());
        assertEquals(2, statistics.personsWithCalls());
    }

    @Test
    void statisticsOfNoRowsAreZeroWithoutAPerson() {
        var statistics = new OutcomeRules.Tally().result();
        assertEquals(new ReleaseOutcome.Statistics(0, 0, 0, 0, 0, 0.0, 0, 0, null), statistics);
        assertNull(statistics.longestOutstandingPerson());
    }

    @Test
    void deathAndEscapeAreOtherEndsWithoutDays() {
        Actor blinken = actor("US");
        OutcomeRules.Tally tally = new OutcomeRules.Tally();
        for (DetentionStanding how : List.of(DetentionStanding.DIED_IN_CUSTODY, DetentionStanding.ESCAPED)) {
            var outcome = OutcomeRules.match(PERSON, List.of(call(blinken, "2020-12-01")),
                    List.of(ended("2020-06-01", how, "2021-01-15")), actors(blinken), TODAY).outcomes().get(0);
            assertEquals(0, outcome.daysToRelease());
            assertEquals(0, outcome.daysOutstanding());
            tally.add(outcome);
        }
        assertEquals(new ReleaseOutcome.Statistics(1, 2, 0, 0, 2, 0.0, 0, 0, null), tally.result());
    }

    private static Actor actor(String country) {
        Actor actor = new Actor();
        actor.displayName = "Caller of " + country;
        actor.country = country;
        return actor;
    }

    private static Map<UUID, Actor> actors(Actor... actors) {
        return List.of(actors).stream().collect(java.util.stream.Collectors.toMap(a -> a.id, a -> a));
    }

    private static ReleaseCall call(Actor actor, String on) {
        return call(PERSON, actor, on);
    }

    private static ReleaseCall call(UUID person, Actor actor, String on) {
        PartialDate date = on(on);
        return new ReleaseCall(person, UuidV7.next(), actor.id, date, date.sortKey(), date.precisionRank(), UuidV7.next());
    }
}
