package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.RecordState;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.ListCustodyEventsRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListDetentionsResponse;
import io.habeas.detention.v1.RetractCustodyEventRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.UpdateCustodyEventRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DetentionGrpcTest extends GrpcTest {
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    private Detention get(Detention detention) {
        return detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build()).getDetention();
    }

    @Test
    void recordsADetentionWithItsDerivedFacts() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));

        assertEquals(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY, detention.getCurrentStatus());
        assertTrue(detention.getOngoing());
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2023, 7, 23), LocalDate.now(java.time.ZoneOffset.UTC)),
                detention.getDaysInCustody());
        assertEquals(RecordState.RECORD_STATE_ACTIVE, detention.getState());
        assertEquals(detention, get(detention));
    }

    @Test
    void daysInCustodyCountOnlyCertainDaysOfAPartialStart() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2023, 8, 10)));

        Detention read = get(detention);
        assertFalse(read.getOngoing());
        assertEquals(CustodyStatus.CUSTODY_STATUS_RELEASED, read.getCurrentStatus());
        assertEquals(10, read.getDaysInCustody(), "from 31 July, the last day July 2023 can be, to 10 August");
        assertEquals(date(2023, 8, 10).toBuilder().setPrecision(io.habeas.common.v1.DatePrecision.DATE_PRECISION_DAY)
                .build(), read.getEndDate());
    }

    @Test
    void unknownPersonIsNotFoundAndNothingIsStored() {
        fails(Status.Code.NOT_FOUND, () -> createDetention(arrest("persons/0190a0e0-0000-7000-8000-000000000000",
                date(2023, 7, 23))));
        assertEquals(0, database.count("detention"));
        assertEquals(0, database.count("feed_entry"));
    }

    @Test
    void rejectsImpossibleAndFutureDatesBadCountriesAndMissingSources() {
        PartialDate tomorrow = date(LocalDate.now().plusDays(2).getYear(), LocalDate.now().plusDays(2).getMonthValue(),
                LocalDate.now().plusDays(2).getDayOfMonth());
        failsOnFields(() -> createDetention(arrest(person, date(2023, 2, 30))), "detention.start_date");
        failsOnFields(() -> createDetention(arrest(person, tomorrow)), "detention.start_date");
        failsOnFields(() -> createDetention(arrest(person, date(2023, 0, 5))), "detention.start_date");
        failsOnFields(() -> createDetention(arrest(person, date(2023, 7, 23)).setDetainingCountry("Azerbaijan")
                .clearSources().setAuthority("a".repeat(301))),
                "detention.detaining_country", "detention.sources", "detention.authority");
        failsOnFields(() -> createDetention(arrest(person, date(2023, 7, 23)).clearStartDate()
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_RELEASED)),
                "detention.start_date", "detention.initial_status");
        assertEquals(0, database.count("detention"));
    }

    @Test
    void eventsMoveTheCurrentStatus() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 24)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2023, 11, 0))
                .setUntilDate(date(2024, 4, 0)));
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, get(detention).getCurrentStatus());

        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22)));
        Detention read = get(detention);
        assertEquals(CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, read.getCurrentStatus());
        assertTrue(read.getOngoing());
    }

    @Test
    void rejectsAnEventBeforeTheDetentionStartedAndStoresNothing() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));

        failsPrecondition("EVENT_BEFORE_DETENTION_START",
                () -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 7, 22))));
        assertEquals(0, database.count("custody_event"));
        assertEquals(1, database.count("feed_entry"));
    }

    @Test
    void anEventInTheStartMonthDoesNotPredateADayPreciseStart() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 0)));
        assertEquals(1, database.count("custody_event"));
    }

    @Test
    void rejectsAnEventAfterTheFinalReleaseAndASecondRelease() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 5, 1)));

        failsPrecondition("EVENT_AFTER_FINAL_RELEASE",
                () -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 6, 1))));
        failsPrecondition("DETENTION_ALREADY_ENDED",
                () -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 5, 2))));
        failsPrecondition("EVENT_BEFORE_DETENTION_START", () -> detentions.updateDetention(UpdateDetentionRequest
                .newBuilder().setDetention(Detention.newBuilder().setName(detention.getName()).setEtag(get(detention).getEtag())
                        .setStartDate(date(2024, 5, 2)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("start_date")).setRequestId(requestId()).build()));

        assertEquals(1, database.count("custody_event"));
        assertEquals(date(2023, 7, 23).getDay(), get(detention).getStartDate().getDay());
    }

    @Test
    void rejectsAReleaseBeforeEventsAlreadyRecorded() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22)));

        failsPrecondition("EVENT_AFTER_FINAL_RELEASE",
                () -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 1, 1))));
        assertEquals(CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, get(detention).getCurrentStatus());
    }

    @Test
    void eventsNeedAnActiveKnownDetentionAndValidFields() {
        fails(Status.Code.NOT_FOUND, () -> addEvent(Detention.newBuilder()
                .setName("detentions/0190a0e0-0000-7000-8000-000000000000").build(),
                event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1))));
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        failsOnFields(() -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_UNSPECIFIED, date(2023, 13, 1))
                .clearSources()), "custody_event.type", "custody_event.occurred_on", "custody_event.sources");
        assertEquals(0, database.count("custody_event"));
    }

    @Test
    void correctsAnEventAndRecomputesTheStatus() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        CustodyEvent recorded = addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22)));

        CustodyEvent corrected = detentions.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder()
                .setCustodyEvent(CustodyEvent.newBuilder().setName(recorded.getName()).setEtag(recorded.getEtag())
                        .setType(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST))
                .setUpdateMask(FieldMask.newBuilder().addPaths("type")).setRequestId(requestId()).build()).getCustodyEvent();

        assertEquals(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, corrected.getType());
        assertEquals(recorded.getOccurredOn(), corrected.getOccurredOn());
        Detention read = get(detention);
        assertEquals(CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, read.getCurrentStatus());
        assertTrue(read.getOngoing());
        fails(Status.Code.ABORTED, () -> detentions.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder()
                .setCustodyEvent(CustodyEvent.newBuilder().setName(recorded.getName()).setEtag(recorded.getEtag())
                        .setPlace("stale"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("place")).setRequestId(requestId()).build()));
    }

    @Test
    void retractingAnEventKeepsItWithItsReasonButLeavesTheHistory() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        CustodyEvent release = addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22)));

        CustodyEvent retracted = detentions.retractCustodyEvent(RetractCustodyEventRequest.newBuilder()
                .setName(release.getName()).setEtag(release.getEtag()).setReason("The source confused him with another detainee")
                .setRequestId(requestId()).build()).getCustodyEvent();

        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getState());
        assertEquals("The source confused him with another detainee", retracted.getRetractionReason());
        assertTrue(get(detention).getOngoing());
        assertEquals(0, detentions.listCustodyEvents(ListCustodyEventsRequest.newBuilder()
                .setParent(detention.getName()).build()).getCustodyEventsCount());
        assertEquals(1, detentions.listCustodyEvents(ListCustodyEventsRequest.newBuilder()
                .setParent(detention.getName()).setShowRetracted(true).build()).getCustodyEventsCount());
        failsOnFields(() -> detentions.retractCustodyEvent(RetractCustodyEventRequest.newBuilder()
                .setName(release.getName()).setEtag(retracted.getEtag()).setRequestId(requestId()).build()), "reason");
    }

    @Test
    void retractedDetentionRefusesNewEvents() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(detention.getName())
                .setEtag(detention.getEtag()).setReason("Duplicate record").setRequestId(requestId()).build());

        failsPrecondition("RECORD_RETRACTED",
                () -> addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1))));
        assertEquals(0, database.count("feed_entry"));
    }

    @Test
    void createRetriedWithTheSameRequestIdIsNotDuplicated() {
        CreateDetentionRequest request = CreateDetentionRequest.newBuilder()
                .setDetention(arrest(person, date(2023, 7, 23))).setRequestId(requestId()).build();
        Detention first = detentions.createDetention(request).getDetention();
        Detention again = detentions.createDetention(request).getDetention();

        assertEquals(first.getName(), again.getName());
        assertEquals(1, database.count("detention"));
    }

    @Test
    void listsByPersonCountryAndStatusNewestFirstAcrossPages() {
        String other = createPerson(person("Tofig Yagublu", "AZ")).getName();
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(first, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2023, 9, 1)));
        Detention second = createDetention(arrest(person, date(2024, 1, 10)));
        Detention third = createDetention(arrest(other, date(2023, 12, 0)).setDetainingCountry("RU"));

        assertEquals(List.of(second.getName(), first.getName()), names(ListDetentionsRequest.newBuilder().setPerson(person)));
        assertEquals(List.of(third.getName()), names(ListDetentionsRequest.newBuilder().setDetainingCountry("RU")));
        assertEquals(List.of(first.getName()), names(ListDetentionsRequest.newBuilder()
                .setCurrentStatus(CustodyStatus.CUSTODY_STATUS_RELEASED)));

        List<String> walked = new ArrayList<>();
        ListDetentionsRequest.Builder page = ListDetentionsRequest.newBuilder().setPageSize(1);
        do {
            ListDetentionsResponse response = detentions.listDetentions(page.build());
            response.getDetentionsList().forEach(d -> walked.add(d.getName()));
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());
        assertEquals(List.of(second.getName(), third.getName(), first.getName()), walked);

        failsOnFields(() -> detentions.listDetentions(ListDetentionsRequest.newBuilder().setPageSize(-1).build()), "page_size");
        String token = detentions.listDetentions(ListDetentionsRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
        failsOnFields(() -> detentions.listDetentions(ListDetentionsRequest.newBuilder().setPageToken(token)
                .setDetainingCountry("RU").build()), "page_token");
    }

    @Test
    void listsTheDetentionsOfSeveralPersonsInOneCall() {
        String other = createPerson(person("Tofig Yagublu", "AZ")).getName();
        String third = createPerson(person("Bahruz Samadov", "AZ")).getName();
        Detention first = createDetention(arrest(person, date(2023, 7, 23)));
        Detention second = createDetention(arrest(other, date(2023, 12, 0)));
        createDetention(arrest(third, date(2024, 1, 10)));

        assertEquals(List.of(second.getName(), first.getName()),
                names(ListDetentionsRequest.newBuilder().addPersons(person).addPersons(other)));
        ListDetentionsRequest.Builder tooMany = ListDetentionsRequest.newBuilder();
        for (int i = 0; i < 201; i++) {
            tooMany.addPersons(person);
        }
        failsOnFields(() -> detentions.listDetentions(tooMany.build()), "persons");
        failsOnFields(() -> detentions.listDetentions(ListDetentionsRequest.newBuilder().addPersons(person)
                .addPersons("people/1").build()), "persons[1]");
    }

    private List<String> names(ListDetentionsRequest.Builder request) {
        return detentions.listDetentions(request.build()).getDetentionsList().stream().map(Detention::getName).toList();
    }
}
