package io.habeas.detention.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.v1.ArticleCount;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.MonthlyCount;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every read of the levelled case as each role: exactly what comes back, derived facts and
 * counts included ({@link MatrixReads} names records by their label in {@link LevelledCase}).
 */
@QuarkusTest
class ClearanceMatrixGrpcTest extends LevelledCase {
    private static final String AZ_CODE = "Criminal Code of the Republic of Azerbaijan";
    private static final List<String> NOT_FOUND = List.of("NOT_FOUND");

    private MatrixReads as(Role role) {
        return new MatrixReads(this, personsAs(role), detentionsAs(role));
    }

    @Test
    void aViewerReadsOnlyWhatIsPublicAllTheWayUp() {
        MatrixReads viewer = as(Role.VIEWER);
        assertEquals(List.of("Public Person"), viewer.listedPersons());
        assertEquals(List.of("Public Person"), viewer.namedPersons());
        assertEquals(List.of("Public Person"), viewer.searchedPersons());
        assertEquals(List.of("Public Person"), viewer.gettablePersons());
        assertEquals(List.of("JAMnews"), publishers(viewer.person(publicPerson).getSourcesList()));

        assertEquals(List.of("D1"), viewer.listedDetentions());
        assertEquals(List.of("D1"), viewer.gettableDetentions());
        assertEquals(List.of(), viewer.detentionsWith(CustodyStatus.CUSTODY_STATUS_RELEASED));
        assertEquals(List.of("D1"), viewer.ongoingDetentions());
        assertHeldSince(viewer.detention(d1), CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION);

        assertEquals(List.of("E1"), viewer.listedEvents(d1));
        assertEquals(NOT_FOUND, viewer.listedEvents(d2));
        assertEquals(List.of("E1"), viewer.gettableEvents());
        assertEquals(List.of("C1"), viewer.listedCharges(d1));
        assertEquals(NOT_FOUND, viewer.listedCharges(d4));
        assertEquals(List.of("C1"), viewer.gettableCharges());

        assertEquals(List.of("D1", "C1", "E1"), viewer.personFeed(publicPerson));
        assertEquals(NOT_FOUND, viewer.personFeed(restrictedPerson));
        assertEquals(List.of("D1", "C1", "E1"), viewer.countryFeed());
        assertStatistics(viewer.statistics(), 1, List.of(month(2023, 7, 1, 0)), List.of(article("204", 1, 1)));
    }

    @Test
    void anAnalystAndARecorderReadRestrictedRecordsButNotConfidentialOnes() {
        for (Role role : List.of(Role.ANALYST, Role.RECORDER)) {
            MatrixReads reader = as(role);
            assertEquals(List.of("Public Person", "Restricted Person"), reader.listedPersons(), role.claim());
            assertEquals(List.of("Public Person", "Restricted Person"), reader.namedPersons());
            assertEquals(List.of("Public Person", "Restricted Person"), reader.searchedPersons());
            assertEquals(List.of("Public Person", "Restricted Person"), reader.gettablePersons());
            assertEquals(List.of("JAMnews"), publishers(reader.person(publicPerson).getSourcesList()));

            assertEquals(List.of("D3", "D1", "D2"), reader.listedDetentions());
            assertEquals(List.of("D1", "D2", "D3"), reader.gettableDetentions());
            assertEquals(List.of("D2"), reader.detentionsWith(CustodyStatus.CUSTODY_STATUS_RELEASED));
            assertEquals(List.of("D3", "D1"), reader.ongoingDetentions());
            assertHeldSince(reader.detention(d1), CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION);
            assertEnded(reader.detention(d2), 2022, 9, 1, 184);
            assertEquals(RESTRICTED, reader.detention(d3).getAccessLevel());

            assertEquals(List.of("E1"), reader.listedEvents(d1));
            assertEquals(List.of("E3"), reader.listedEvents(d2));
            assertEquals(List.of("E1", "E3"), reader.gettableEvents());
            assertEquals(List.of("C1", "C2"), reader.listedCharges(d1));
            assertEquals(List.of("C3"), reader.listedCharges(d2));
            assertEquals(List.of("C1", "C2", "C3"), reader.gettableCharges());

            assertEquals(List.of("D2", "C3", "E3", "D1", "C1", "E1", "C2"), reader.personFeed(publicPerson));
            assertEquals(List.of("D3"), reader.personFeed(restrictedPerson));
            assertEquals(List.of("D2", "C3", "E3", "D1", "C1", "E1", "C2", "D3"), reader.countryFeed());
            assertStatistics(reader.statistics(), 2,
                    List.of(month(2022, 3, 1, 0), month(2022, 9, 0, 1), month(2023, 7, 1, 0), month(2024, 1, 1, 0)),
                    List.of(article("204", 2, 1), article("167-3", 1, 1)));
        }
    }

    @Test
    void anAdminReadsEverythingAndIsToldWhatTheConfidentialReleaseChanged() {
        MatrixReads admin = as(Role.ADMIN);
        assertEquals(List.of("Public Person", "Restricted Person", "Confidential Person"), admin.listedPersons());
        assertEquals(List.of("Public Person", "Restricted Person", "Confidential Person"), admin.namedPersons());
        assertEquals(List.of("Public Person", "Restricted Person", "Confidential Person"), admin.searchedPersons());
        assertEquals(List.of("Public Person", "Restricted Person", "Confidential Person"), admin.gettablePersons());
        assertEquals(List.of("JAMnews", "Informant"), publishers(admin.person(publicPerson).getSourcesList()));

        assertEquals(List.of("D3", "D1", "D4", "D2"), admin.listedDetentions());
        assertEquals(List.of("D1", "D2", "D3", "D4"), admin.gettableDetentions());
        assertEquals(List.of("D1", "D2"), admin.detentionsWith(CustodyStatus.CUSTODY_STATUS_RELEASED));
        assertEquals(List.of("D3", "D4"), admin.ongoingDetentions());
        assertEnded(admin.detention(d1), 2024, 4, 22, 274);
        assertEnded(admin.detention(d2), 2022, 9, 1, 184);

        assertEquals(List.of("E1", "E2"), admin.listedEvents(d1));
        assertEquals(List.of("E1", "E2", "E3"), admin.gettableEvents());
        assertEquals(List.of("C1", "C2"), admin.listedCharges(d1));
        assertEquals(List.of("C4"), admin.listedCharges(d4));
        assertEquals(List.of("C1", "C2", "C3", "C4"), admin.gettableCharges());

        assertEquals(List.of("D2", "C3", "E3", "D1", "C1", "E1", "C2", "E2"), admin.personFeed(publicPerson));
        assertEquals(List.of("D4", "C4"), admin.personFeed(confidentialPerson));
        assertEquals(List.of("D2", "C3", "E3", "D4", "C4", "D1", "C1", "E1", "C2", "D3", "E2"), admin.countryFeed());
        assertStatistics(admin.statistics(), 2,
                List.of(month(2022, 3, 1, 0), month(2022, 9, 0, 1), month(2023, 5, 1, 0), month(2023, 7, 1, 0),
                        month(2024, 1, 1, 0), month(2024, 4, 0, 1)),
                List.of(article("204", 3, 2), article("167-3", 1, 1)));
    }

    @Test
    void feedItemsCarryTheirEffectiveLevel() {
        List<FeedItem> items = detentions.listPersonFeed(io.habeas.detention.v1.ListPersonFeedRequest.newBuilder()
                .setPerson(publicPerson.getName()).build()).getItemsList();
        assertEquals(List.of(RESTRICTED, RESTRICTED, RESTRICTED, PUBLIC, PUBLIC, PUBLIC, RESTRICTED, CONFIDENTIAL),
                items.stream().map(FeedItem::getAccessLevel).toList());
    }

    @Test
    void withoutATokenNoReadAnswers() {
        MatrixReads anonymous = new MatrixReads(this, personsWithoutToken(), detentionsWithoutToken());
        List<Runnable> reads = List.of(anonymous::listedPersons, anonymous::namedPersons, anonymous::searchedPersons,
                () -> anonymous.person(publicPerson), anonymous::listedDetentions, () -> anonymous.detention(d1),
                () -> anonymous.listedEvents(d1), () -> anonymous.listedCharges(d1), anonymous::gettableEvents,
                anonymous::gettableCharges, () -> anonymous.personFeed(publicPerson), anonymous::countryFeed,
                anonymous::statistics);
        for (Runnable read : reads) {
            StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    read::run);
            assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        }
    }

    private static void assertHeldSince(Detention detention, CustodyStatus status) {
        assertEquals(status, detention.getCurrentStatus());
        assertTrue(detention.getOngoing());
        assertFalse(detention.hasEndDate());
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2023, 7, 23), LocalDate.now(ZoneOffset.UTC)),
                detention.getDaysInCustody());
    }

    private static void assertEnded(Detention detention, int year, int month, int day, int days) {
        assertEquals(CustodyStatus.CUSTODY_STATUS_RELEASED, detention.getCurrentStatus());
        assertFalse(detention.getOngoing());
        PartialDate end = detention.getEndDate();
        assertEquals(List.of(year, month, day), List.of(end.getYear(), end.getMonth(), end.getDay()));
        assertEquals(days, detention.getDaysInCustody());
    }

    private static void assertStatistics(GetCountryStatisticsResponse statistics, int heldNow, List<MonthlyCount> monthly,
            List<ArticleCount> articles) {
        assertEquals(heldNow, statistics.getHeldNow());
        assertEquals(monthly, statistics.getMonthlyList());
        assertEquals(articles, statistics.getArticlesList());
    }

    private static MonthlyCount month(int year, int month, int started, int released) {
        return MonthlyCount.newBuilder().setYear(year).setMonth(month).setNewDetentions(started).setReleases(released).build();
    }

    private static ArticleCount article(String article, int charges, int persons) {
        return ArticleCount.newBuilder().setJurisdiction("AZ").setLegalCode(AZ_CODE).setArticle(article)
                .setChargeCount(charges).setPersonCount(persons).build();
    }

    static GetCountryStatisticsRequest az() {
        return GetCountryStatisticsRequest.newBuilder().setDetainingCountry("AZ").build();
    }

    static GetPersonRequest getPerson(String name) {
        return GetPersonRequest.newBuilder().setName(name).build();
    }

    static GetDetentionRequest getDetention(String name) {
        return GetDetentionRequest.newBuilder().setName(name).build();
    }
}
