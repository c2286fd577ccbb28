package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.DateRange;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonFeedResponse;
import io.habeas.detention.v1.RetractCustodyEventRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Within a detention, feeds follow its lifecycle: an imprecise custody event never sorts after the
 * final event or before the start, and on one date the start comes first and the final event last.
 */
@QuarkusTest
class FeedLifecycleGrpcTest extends HistoryCase {
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    /** "what date", with "@placed" when the item is placed elsewhere. */
    private static String describe(FeedItem item) {
        String what = switch (item.getRecordCase()) {
            case DETENTION -> "start";
            case CUSTODY_EVENT -> item.getCustodyEvent().getType().name().substring("CUSTODY_EVENT_TYPE_".length());
            case CHARGE -> "charge " + item.getCharge().getArticleReference();
            default -> "?";
        };
        return what + " " + text(item.getDate()) + (item.hasPlacedAt() ? " @" + text(item.getPlacedAt()) : "");
    }

    private static String text(PartialDate date) {
        return date.getYear() + (date.getMonth() == 0 ? "" : "-" + date.getMonth()) + (date.getDay() == 0 ? "" : "-" + date.getDay());
    }

    private List<String> personFeed() {
        return personFeed(ListPersonFeedRequest.newBuilder());
    }

    private List<String> personFeed(ListPersonFeedRequest.Builder request) {
        return detentions.listPersonFeed(request.setPerson(person).build()).getItemsList().stream()
                .map(FeedLifecycleGrpcTest::describe).toList();
    }

    private List<String> countryFeed() {
        return detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build())
                .getItemsList().stream().map(FeedLifecycleGrpcTest::describe).toList();
    }

    private Detention current(Detention detention) {
        return detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build()).getDetention();
    }

    /** Started 23 July 2023, extended some time in "2024", released on 1 August 2024. */
    private Detention releasedAfterAnExtensionKnownOnlyToItsYear() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 8, 1)));
        return detention;
    }

    @Test
    void anEventKnownOnlyToItsYearIsPlacedJustBeforeTheReleaseItCannotFollow() {
        releasedAfterAnExtensionKnownOnlyToItsYear();

        List<String> expected = List.of("start 2023-7-23", "DETENTION_EXTENDED 2024 @2024-8-1", "RELEASE 2024-8-1");
        assertEquals(expected, personFeed());
        assertEquals(expected, countryFeed());
    }

    @Test
    void anEventBeforeTheStartsLastPossibleDayIsPlacedJustAfterTheStartButChargesKeepTheirDates() {
        Detention detention = createDetention(arrest(person, date(2023, 0, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        addCharge(detention, charge("204.3.1", date(2023, 3, 1)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 12, 0)));

        List<String> expected = List.of("charge 204.3.1 2023-3-1", "start 2023", "TRANSFER 2023-8-1 @2023",
                "PRE_TRIAL_DETENTION 2023-12 @2023");
        assertEquals(expected, personFeed());
        assertEquals(expected, countryFeed());
    }

    @Test
    void onOneDayTheStartComesFirstAndTheFinalEventLastWhateverTheOrderTheyWereRecordedIn() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2023, 7, 23)));
        addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, date(2023, 7, 23)));

        List<String> expected = List.of("start 2023-7-23", "charge 204.3.1 2023-7-23", "ARREST 2023-7-23", "RELEASE 2023-7-23");
        assertEquals(expected, personFeed());
        assertEquals(expected, countryFeed());
    }

    @Test
    void aFinalEventIsNeverPlacedBeforeTheStart() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_ESCAPE, date(2023, 7, 31)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 7, 30)));

        assertEquals(List.of("start 2023-7", "TRANSFER 2023-7-30 @2023-7", "ESCAPE 2023-7-31 @2023-7"), personFeed());
    }

    @Test
    void correctingRetractingAndRestoringTheReleaseMovesTheEventsItHeldBack() {
        Detention detention = releasedAfterAnExtensionKnownOnlyToItsYear();
        CustodyEvent release = detentions.listCustodyEvents(io.habeas.detention.v1.ListCustodyEventsRequest.newBuilder()
                .setParent(detention.getName()).build()).getCustodyEvents(0);
        assertEquals(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, release.getType());

        release = updateEvent(release, "occurred_on", CustodyEvent.newBuilder().setOccurredOn(date(2025, 1, 10)));
        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024", "RELEASE 2025-1-10"), personFeed());

        release = updateEvent(release, "occurred_on", CustodyEvent.newBuilder().setOccurredOn(date(2024, 3, 1)));
        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024 @2024-3-1", "RELEASE 2024-3-1"), personFeed());

        release = updateEvent(release, "type", CustodyEvent.newBuilder().setType(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST));
        assertEquals(List.of("start 2023-7-23", "HOUSE_ARREST 2024-3-1", "DETENTION_EXTENDED 2024"), personFeed());

        release = updateEvent(release, "type", CustodyEvent.newBuilder().setType(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE));
        String finalVersion = history().newest(release.getName()).revision().getRevisionId();
        CustodyEvent retracted = detentions.retractCustodyEvent(RetractCustodyEventRequest.newBuilder()
                .setName(release.getName()).setEtag(release.getEtag()).setReason("Misreported").setRequestId(requestId())
                .build()).getCustodyEvent();
        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024"), personFeed());

        history().restore(release.getName(), finalVersion, retracted.getEtag(), "Confirmed after all", requestId());
        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024 @2024-3-1", "RELEASE 2024-3-1"), personFeed());
    }

    @Test
    void correctingTheStartMovesTheEventsBeforeIt() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        assertEquals(List.of("start 2023-7-23", "TRANSFER 2023-8-1"), personFeed());

        detention = updateDetention(current(detention), "start_date", Detention.newBuilder().setStartDate(date(2023, 0, 0)));
        assertEquals(List.of("start 2023", "TRANSFER 2023-8-1 @2023"), personFeed());

        updateDetention(detention, "start_date", Detention.newBuilder().setStartDate(date(2023, 7, 0)));
        assertEquals(List.of("start 2023-7", "TRANSFER 2023-8-1"), personFeed());
    }

    @Test
    void aPublicEventIsNotMovedByAReleaseHiddenFromItsReaders() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 0, 0))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 8, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));

        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024"), detentionsAs(Role.VIEWER)
                .listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build()).getItemsList().stream()
                .map(FeedLifecycleGrpcTest::describe).toList());
        // Whoever sees the confidential event sees the release: it moves; the public one may not.
        assertEquals(List.of("start 2023-7-23", "TRANSFER 2024 @2024-8-1", "RELEASE 2024-8-1", "DETENTION_EXTENDED 2024"),
                personFeed());
    }

    @Test
    void aDateRangeKeepsTheItemsWhoseOwnDatesOverlapItWherePlaced() {
        releasedAfterAnExtensionKnownOnlyToItsYear();

        assertEquals(List.of("DETENTION_EXTENDED 2024 @2024-8-1"), personFeed(ListPersonFeedRequest.newBuilder()
                .setDateRange(DateRange.newBuilder().setStart(date(2024, 9, 0)))));
        assertEquals(List.of("start 2023-7-23"), personFeed(ListPersonFeedRequest.newBuilder()
                .setDateRange(DateRange.newBuilder().setEnd(date(2023, 12, 0)))));
    }

    @Test
    void pagesOfOneWalkTheLifecycleOrder() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, date(2023, 7, 23)));
        Detention later = createDetention(arrest(person, date(2024, 1, 10)));
        addEvent(later, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0)));
        addEvent(later, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 1, 20)));
        addEvent(later, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 1, 20)));

        List<String> walked = new ArrayList<>();
        ListPersonFeedRequest.Builder page = ListPersonFeedRequest.newBuilder().setPerson(person).setPageSize(1);
        do {
            ListPersonFeedResponse response = detentions.listPersonFeed(page.build());
            response.getItemsList().forEach(item -> walked.add(describe(item)));
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());

        List<String> expected = List.of("start 2023-7-23", "ARREST 2023-7-23", "RELEASE 2023-7-23", "start 2024-1-10",
                "DETENTION_EXTENDED 2024 @2024-1-20", "TRANSFER 2024-1-20", "RELEASE 2024-1-20");
        assertEquals(expected, walked);
        assertEquals(expected, personFeed());
    }

    @Test
    void readAsOfAnInstantTheFeedIsPlacedAsItWasThen() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0)));
        Timestamp beforeTheRelease = instant();
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 8, 1)));
        Timestamp afterTheRelease = instant();
        updateDetention(current(detention), "start_date", Detention.newBuilder().setStartDate(date(2023, 0, 0)));

        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024"),
                personFeed(ListPersonFeedRequest.newBuilder().setAsOf(beforeTheRelease)));
        assertEquals(List.of("start 2023-7-23", "DETENTION_EXTENDED 2024 @2024-8-1", "RELEASE 2024-8-1"),
                personFeed(ListPersonFeedRequest.newBuilder().setAsOf(afterTheRelease)));
        assertEquals(List.of("start 2023", "DETENTION_EXTENDED 2024 @2024-8-1", "RELEASE 2024-8-1"), personFeed());
    }
}
