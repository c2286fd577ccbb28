package io.habeas.statement.outcome;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome figures against values computed by hand, on one fixture read as of an instant just
 * after it was recorded (so "today" is that instant's day, in UTC, for the whole test):
 *
 * <pre>
 * persons, in recording order   detentions (detention-service)                 calls (statement-service)
 * released     AZ from 23 Jul 2023, released 10 Jan 2024    Blinken 2 Aug 2023, Berlin Sep 2023 (a demand),
 *                                                           Blinken 15 Oct 2023; and, CONFIDENTIAL, the
 *                                                           Helsinki Commission 30 Jul 2023
 * held         AZ from May 2022, held                        Helsinki Commission 8 Mar 2023, Blinken Feb 2024
 * neverCalled  AZ from 1 Jan 2023, held                      a welcome, no call
 * outside      AZ 1 Feb 2021 to 30 Jun 2021 (released)      Berlin 12 Apr 2022: after the release
 * twice        AZ from 2019, released Apr 2020;             Blinken 20 Nov 2019 (the first);
 *              RU from 10 Sep 2022, held                    Berlin Oct 2022, Helsinki Commission 5 Jan 2023 (the second)
 * died         AZ 1 Jun 2020, died in custody 15 Jan 2021    Blinken 1 Dec 2020
 * hidden       CONFIDENTIAL person, AZ 1 Feb 2023 to 1 Apr 2023   Blinken 1 Mar 2023
 * </pre>
 *
 * Blinken and the Helsinki Commission are of the US, Berlin (the Federal Foreign Office) of DE.
 * Days are certain days: from the last day the first call can be to the first day the release can
 * be (days_to_release), or to the as_of's day (days_outstanding, which is why those are computed
 * from the day the test runs, by {@link #since}).
 */
@QuarkusTest
class ReleaseOutcomeFixtureGrpcTest extends HistoryCase {
    private static final AccessLevel CONFIDENTIAL = AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;
    private static final AccessLevel PUBLIC = AccessLevel.ACCESS_LEVEL_PUBLIC;

    @GrpcClient("statements")
    ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub outcomesChannel;

    private Actor blinken;
    private Actor helsinki;
    private Actor berlin;
    private String released, held, neverCalled, outside, twice, died, hidden;
    private String releasedDetention, heldDetention, twiceFirst, twiceSecond, diedDetention, hiddenDetention;
    private Timestamp asOf;
    private LocalDate today;

    @BeforeEach
    void recordTheFixture() {
        blinken = createActor(blinken());
        helsinki = createActor(actor("U.S. Helsinki Commission", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "US")
                .setAccessLevel(PUBLIC));
        berlin = createActor(actor("Federal Foreign Office", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "DE")
                .setAccessLevel(PUBLIC));

        released = detention.knownPerson();
        held = detention.knownPerson();
        neverCalled = detention.knownPerson();
        outside = detention.knownPerson();
        twice = detention.knownPerson();
        died = detention.knownPerson();
        hidden = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);

        releasedDetention = detention.detain(released, "AZ", day(2023, 7, 23));
        detention.end(releasedDetention, CustodyStatus.CUSTODY_STATUS_RELEASED, day(2024, 1, 10));
        heldDetention = detention.detain(held, "AZ", month(2022, 5));
        detention.detain(neverCalled, "AZ", day(2023, 1, 1));
        String outsideDetention = detention.detain(outside, "AZ", day(2021, 2, 1));
        detention.end(outsideDetention, CustodyStatus.CUSTODY_STATUS_RELEASED, day(2021, 6, 30));
        twiceFirst = detention.detain(twice, "AZ", year(2019));
        detention.end(twiceFirst, CustodyStatus.CUSTODY_STATUS_RELEASED, month(2020, 4));
        twiceSecond = detention.detain(twice, "RU", day(2022, 9, 10));
        diedDetention = detention.detain(died, "AZ", day(2020, 6, 1));
        detention.end(diedDetention, CustodyStatus.CUSTODY_STATUS_DECEASED, day(2021, 1, 15));
        hiddenDetention = detention.detain(hidden, "AZ", day(2023, 2, 1), io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        detention.end(hiddenDetention, CustodyStatus.CUSTODY_STATUS_RELEASED, day(2023, 4, 1));

        call(blinken, day(2023, 8, 2), released);
        call(berlin, month(2023, 9), ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, PUBLIC, released);
        call(blinken, day(2023, 10, 15), released);
        call(helsinki, day(2023, 7, 30), ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, CONFIDENTIAL, released);
        call(helsinki, day(2023, 3, 8), held);
        call(blinken, month(2024, 2), held);
        createStatement(statement(blinken.getName(), day(2024, 3, 1), "Welcome")
                .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the pardon").addSubjectPersons(neverCalled)));
        call(berlin, day(2022, 4, 12), outside);
        call(blinken, day(2019, 11, 20), twice);
        call(berlin, month(2022, 10), twice);
        call(helsinki, day(2023, 1, 5), twice);
        call(blinken, day(2020, 12, 1), died);
        call(blinken, day(2023, 3, 1), hidden);

        asOf = instant();
        today = LocalDate.ofInstant(Instant.ofEpochSecond(asOf.getSeconds(), asOf.getNanos()), ZoneOffset.UTC);
    }

    // ---- every field of each person's outcome

    @Test
    void eachPersonsOutcomeHasEveryFieldAsComputedByHand() {
        assertEquals(person(List.of(releasedRow()), 0), personOutcome(Role.VIEWER, released));
        assertEquals(person(List.of(heldRow()), 0), personOutcome(Role.VIEWER, held));
        assertEquals(person(List.of(), 0), personOutcome(Role.VIEWER, neverCalled), "a welcome is no call");
        assertEquals(person(List.of(), 1), personOutcome(Role.VIEWER, outside), "called for after the release");
        assertEquals(person(List.of(twiceSecondRow(), twiceFirstRow()), 0), personOutcome(Role.VIEWER, twice),
                "latest detention first");
        assertEquals(person(List.of(diedRow()), 0), personOutcome(Role.VIEWER, died));
        assertEquals(person(List.of(), 0), personOutcome(Role.VIEWER, hidden), "a person the viewer may not see");
        // as of the same instant, which the services keep to the microsecond
        assertTrue(detention.asOfs().stream().anyMatch(t -> t.getSeconds() == asOf.getSeconds()
                && t.getNanos() / 1000 == asOf.getNanos() / 1000), "detention-service was read as of the same instant");
    }

    @Test
    void anAdminAlsoCountsTheConfidentialCallAndTheConfidentialPerson() {
        assertEquals(person(List.of(releasedRowForAnAdmin()), 0), personOutcome(Role.ADMIN, released));
        assertEquals(person(List.of(hiddenRow()), 0), personOutcome(Role.ADMIN, hidden));
        assertEquals(personOutcome(Role.VIEWER, held), personOutcome(Role.ADMIN, held));
    }

    /** Released: 2 Aug 2023 (first call) to 10 Jan 2024 = 29 + 30 + 31 + 30 + 31 + 10 = 161 days. */
    private ReleaseOutcome releasedRow() {
        return row(released, releasedDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED,
                day(2023, 8, 2), day(2023, 10, 15), List.of(by(blinken, 2, day(2023, 10, 15)), by(berlin, 1, month(2023, 9))),
                List.of("DE", "US"), 3).setEndDate(day(2024, 1, 10)).setDaysToRelease(161).build();
    }

    /** With the CONFIDENTIAL call of 30 Jul 2023 first: 161 + 3 = 164 days; of the single callers Berlin called last. */
    private ReleaseOutcome releasedRowForAnAdmin() {
        return row(released, releasedDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED,
                day(2023, 7, 30), day(2023, 10, 15), List.of(by(blinken, 2, day(2023, 10, 15)), by(berlin, 1, month(2023, 9)),
                        by(helsinki, 1, day(2023, 7, 30))), List.of("DE", "US"), 4)
                .setEndDate(day(2024, 1, 10)).setDaysToRelease(164).build();
    }

    /** Still held: from 8 Mar 2023. One call each: the most recent caller (Blinken, Feb 2024) first. */
    private ReleaseOutcome heldRow() {
        return row(held, heldDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, day(2023, 3, 8),
                month(2024, 2), List.of(by(blinken, 1, month(2024, 2)), by(helsinki, 1, day(2023, 3, 8))), List.of("US"), 2)
                .setDaysOutstanding(since(2023, 3, 8)).build();
    }

    /** From 20 Nov 2019 to 1 Apr 2020 (April known to the month): 10 + 31 + 31 + 29 + 31 + 1 = 133 days. */
    private ReleaseOutcome twiceFirstRow() {
        return row(twice, twiceFirst, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED, day(2019, 11, 20),
                day(2019, 11, 20), List.of(by(blinken, 1, day(2019, 11, 20))), List.of("US"), 1)
                .setEndDate(month(2020, 4)).setDaysToRelease(133).build();
    }

    /** Held by Russia since 10 Sep 2022; the first call, October 2022, may have been on the 31st. */
    private ReleaseOutcome twiceSecondRow() {
        return row(twice, twiceSecond, "RU", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, month(2022, 10),
                day(2023, 1, 5), List.of(by(helsinki, 1, day(2023, 1, 5)), by(berlin, 1, month(2022, 10))),
                List.of("DE", "US"), 2).setDaysOutstanding(since(2022, 10, 31)).build();
    }

    private ReleaseOutcome diedRow() {
        return row(died, diedDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_DIED_IN_CUSTODY, day(2020, 12, 1),
                day(2020, 12, 1), List.of(by(blinken, 1, day(2020, 12, 1))), List.of("US"), 1)
                .setEndDate(day(2021, 1, 15)).build();
    }

    /** 1 Mar 2023 to 1 Apr 2023: 31 days. */
    private ReleaseOutcome hiddenRow() {
        return row(hidden, hiddenDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED, day(2023, 3, 1),
                day(2023, 3, 1), List.of(by(blinken, 1, day(2023, 3, 1))), List.of("US"), 1)
                .setEndDate(day(2023, 4, 1)).setDaysToRelease(31).build();
    }

    // ---- the rows of each scope

    @Test
    void aDetainingCountrysRowsAreItsDetentionsWithCallsInPersonOrder() {
        assertEquals(List.of(releasedRow(), heldRow(), twiceFirstRow(), diedRow()),
                list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")));
        assertEquals(List.of(twiceSecondRow()), list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setDetainingCountry("RU")));
        assertEquals(List.of(releasedRowForAnAdmin(), heldRow(), twiceFirstRow(), diedRow(), hiddenRow()),
                list(Role.ADMIN, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")));
    }

    @Test
    void aCallersRowsHoldOnlyItsCalls() {
        assertEquals(List.of(blinkenOnReleased(), blinkenOnHeld(), twiceFirstRow(), diedRow()),
                list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCaller(blinken.getName())));
        assertEquals(List.of(berlinOnReleased(), berlinOnTwice()),
                list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCaller(berlin.getName())),
                "Berlin's call after a release is in no row");
    }

    @Test
    void aCallerCountrysRowsHoldTheCallsOfItsActors() {
        assertEquals(List.of(blinkenOnReleased(), heldRow(), twiceFirstRow(), helsinkiOnTwice(), diedRow()),
                list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCallerCountry("US")));
        assertEquals(List.of(berlinOnReleased(), berlinOnTwice()),
                list(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCallerCountry("DE")));
    }

    private ReleaseOutcome blinkenOnReleased() {
        return row(released, releasedDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED, day(2023, 8, 2),
                day(2023, 10, 15), List.of(by(blinken, 2, day(2023, 10, 15))), List.of("US"), 2)
                .setEndDate(day(2024, 1, 10)).setDaysToRelease(161).build();
    }

    /** Blinken called for the held person only in February 2024: outstanding from the 29th (a leap year). */
    private ReleaseOutcome blinkenOnHeld() {
        return row(held, heldDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, month(2024, 2),
                month(2024, 2), List.of(by(blinken, 1, month(2024, 2))), List.of("US"), 1)
                .setDaysOutstanding(since(2024, 2, 29)).build();
    }

    /** September 2023 may be the 30th: to 10 Jan 2024, 31 + 30 + 31 + 10 = 102 days. */
    private ReleaseOutcome berlinOnReleased() {
        return row(released, releasedDetention, "AZ", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED, month(2023, 9),
                month(2023, 9), List.of(by(berlin, 1, month(2023, 9))), List.of("DE"), 1)
                .setEndDate(day(2024, 1, 10)).setDaysToRelease(102).build();
    }

    private ReleaseOutcome berlinOnTwice() {
        return row(twice, twiceSecond, "RU", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, month(2022, 10),
                month(2022, 10), List.of(by(berlin, 1, month(2022, 10))), List.of("DE"), 1)
                .setDaysOutstanding(since(2022, 10, 31)).build();
    }

    private ReleaseOutcome helsinkiOnTwice() {
        return row(twice, twiceSecond, "RU", ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, day(2023, 1, 5),
                day(2023, 1, 5), List.of(by(helsinki, 1, day(2023, 1, 5))), List.of("US"), 1)
                .setDaysOutstanding(since(2023, 1, 5)).build();
    }

    // ---- the statistics of each scope

    @Test
    void aDetainingCountrysStatistics() {
        // AZ: released 161 and 133 days after the first call: median (133 + 161) / 2 = 147; one held (since
        // 8 Mar 2023), one died; calls 3 + 2 + 1 + 1 = 7 about 4 persons
        assertEquals(statistics(4, 7, 2, 1, 1, 147.0, 161, since(2023, 3, 8), held),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")));
        assertEquals(statistics(1, 2, 0, 1, 0, 0.0, 0, since(2022, 10, 31), twice),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setDetainingCountry("RU")));
        // An admin also counts the CONFIDENTIAL call (164 days) and person (31 days): median of 31, 133, 164
        assertEquals(statistics(5, 9, 3, 1, 1, 133.0, 164, since(2023, 3, 8), held),
                statistics(Role.ADMIN, ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")));
    }

    @Test
    void aCallersStatistics() {
        assertEquals(statistics(4, 5, 2, 1, 1, 147.0, 161, since(2024, 2, 29), held),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCaller(blinken.getName())));
        assertEquals(statistics(2, 2, 1, 1, 0, 102.0, 102, since(2022, 10, 31), twice),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCaller(berlin.getName())));
    }

    @Test
    void aCallerCountrysStatistics() {
        // US: two held, since 8 Mar 2023 (held) and 5 Jan 2023 (twice, called for by the Helsinki Commission)
        assertEquals(statistics(4, 7, 2, 2, 1, 147.0, 161, since(2023, 1, 5), twice),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCallerCountry("US")));
        assertEquals(statistics(2, 2, 1, 1, 0, 102.0, 102, since(2022, 10, 31), twice),
                statistics(Role.VIEWER, ReleaseOutcomeScope.newBuilder().setCallerCountry("DE")));
    }

    @Test
    void pagesOfOneRowWalkTheSameRows() {
        for (var scope : List.of(ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ"),
                ReleaseOutcomeScope.newBuilder().setCallerCountry("US"))) {
            List<ReleaseOutcome> walked = new ArrayList<>();
            String token = "";
            int pages = 0;
            do {
                var page = outcomes(Role.VIEWER).listReleaseOutcomes(ListReleaseOutcomesRequest.newBuilder().setScope(scope)
                        .setPageSize(1).setPageToken(token).setAsOf(asOf).build());
                assertTrue(page.getOutcomesCount() <= 1);
                walked.addAll(page.getOutcomesList());
                token = page.getNextPageToken();
                pages++;
            } while (!token.isEmpty() && pages < 20);
            assertEquals(list(Role.VIEWER, scope), walked, scope.toString());
        }
    }

    // ---- helpers

    private int since(int year, int month, int day) {
        return (int) ChronoUnit.DAYS.between(LocalDate.of(year, month, day), today);
    }

    private void call(Actor actor, PartialDate on, String person) {
        call(actor, on, ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PUBLIC, person);
    }

    private void call(Actor actor, PartialDate on, ClaimKind kind, AccessLevel level, String person) {
        createStatement(statement(actor.getName(), on, "Call").setAccessLevel(level)
                .addClaims(claim(kind, "Called for the release").addSubjectPersons(person).addSubjectCountries("AZ")));
    }

    private ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub outcomes(Role role) {
        return Bearer.as(outcomesChannel, role);
    }

    private GetPersonReleaseOutcomeResponse personOutcome(Role role, String person) {
        return outcomes(role).getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(person)
                .setAsOf(asOf).build());
    }

    private List<ReleaseOutcome> list(Role role, ReleaseOutcomeScope.Builder scope) {
        var page = outcomes(role).listReleaseOutcomes(ListReleaseOutcomesRequest.newBuilder().setScope(scope)
                .setPageSize(200).setAsOf(asOf).build());
        assertEquals("", page.getNextPageToken());
        return page.getOutcomesList();
    }

    private ReleaseOutcomeStatistics statistics(Role role, ReleaseOutcomeScope.Builder scope) {
        return outcomes(role).getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.newBuilder().setScope(scope)
                .setAsOf(asOf).build()).getStatistics();
    }

    private static ReleaseOutcomeStatistics statistics(int persons, int calls, int released, int held, int otherEnd,
            double median, int longestToRelease, int longestOutstanding, String longestPerson) {
        return ReleaseOutcomeStatistics.newBuilder().setPersonsWithCalls(persons).setCallCount(calls)
                .setReleasedAfterCalls(released).setStillHeld(held).setOtherEnd(otherEnd).setMedianDaysToRelease(median)
                .setLongestDaysToRelease(longestToRelease).setLongestDaysOutstanding(longestOutstanding)
                .setLongestOutstandingPerson(longestPerson).build();
    }

    private static GetPersonReleaseOutcomeResponse person(List<ReleaseOutcome> outcomes, int outside) {
        return GetPersonReleaseOutcomeResponse.newBuilder().addAllOutcomes(outcomes).setCallsOutsideDetention(outside).build();
    }

    private static ReleaseOutcome.Builder row(String person, String detention, String country, ReleaseOutcomeStatus status,
            PartialDate first, PartialDate latest, List<CallerCount> callers, List<String> countries, int calls) {
        return ReleaseOutcome.newBuilder().setPerson(person).setDetention(detention).setDetainingCountry(country)
                .setCallCount(calls).setFirstCallDate(first).setLatestCallDate(latest).addAllCallers(callers)
                .addAllCallerCountries(countries).setStatus(status);
    }

    private static CallerCount by(Actor actor, int calls, PartialDate latest) {
        return CallerCount.newBuilder().setActor(actor.getName()).setDisplayName(actor.getDisplayName())
                .setCountry(actor.getCountry()).setCallCount(calls).setLatestCallDate(latest).build();
    }

    /** Dates as the service answers them, with their precision. */
    static PartialDate day(int year, int month, int day) {
        return CommonProtos.date(io.habeas.kernel.time.PartialDate.of(year, month, day));
    }

    static PartialDate month(int year, int month) {
        return day(year, month, 0);
    }

    static PartialDate year(int year) {
        return day(year, 0, 0);
    }
}
