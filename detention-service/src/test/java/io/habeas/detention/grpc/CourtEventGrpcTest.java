package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CourtDecision;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CreateCourtEventRequest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetCourtEventRequest;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.ListCourtEventsRequest;
import io.habeas.detention.v1.ListCourtEventsResponse;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.RetractCourtEventRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdateCourtEventRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Court events recorded, read, corrected, retracted and listed; every bad request refused with nothing stored. */
@QuarkusTest
class CourtEventGrpcTest extends GrpcTest {
    private static final String COURT = "Baku Grave Crimes Court";
    private static final SentenceTerm TEN_YEARS = SentenceTerm.newBuilder().setYears(10).build();

    private Detention detention;
    private Charge counterfeit;
    private Charge extremism;

    @BeforeEach
    void recordTheCase() {
        detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
        counterfeit = addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        extremism = addCharge(detention, charge("167-3.1", date(2023, 12, 0)));
    }

    private CourtEvent.Builder verdict() {
        return courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0)).setPlace("Baku")
                .setDecision(CourtDecision.COURT_DECISION_CONVICTED).setSentence(TEN_YEARS)
                .addCharges(counterfeit.getName()).addCharges(extremism.getName())
                .setDescription("Found guilty of both charges; ten years in total");
    }

    private CreateCourtEventRequest.Builder creating(CourtEvent.Builder event) {
        return CreateCourtEventRequest.newBuilder().setParent(detention.getName()).setCourtEvent(event)
                .setRequestId(requestId());
    }

    private CourtEvent read(CourtEvent event) {
        return detentions.getCourtEvent(GetCourtEventRequest.newBuilder().setName(event.getName()).build()).getCourtEvent();
    }

    private List<CourtEvent> list(boolean showRetracted) {
        return detentions.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName())
                .setShowRetracted(showRetracted).build()).getCourtEventsList();
    }

    private CourtEvent update(CourtEvent event, String path, CourtEvent.Builder values) {
        return detentions.updateCourtEvent(UpdateCourtEventRequest.newBuilder().setRequestId(requestId())
                .setCourtEvent(values.setName(event.getName()).setEtag(event.getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getCourtEvent();
    }

    /** The call is refused, and it stored no court event, revision, feed entry or logged answer. */
    private void refusedStoringNothing(Executable refused) {
        long events = database.count("court_event");
        long revisions = database.count("revision");
        long entries = database.count("feed_entry");
        long requests = database.count("request_log");
        try {
            refused.execute();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        assertEquals(events, database.count("court_event"));
        assertEquals(revisions, database.count("revision"));
        assertEquals(entries, database.count("feed_entry"));
        assertEquals(requests, database.count("request_log"));
    }

    // --- recording and reading ---

    @Test
    void recordsAVerdictSettingOneSentenceOverTwoCharges() {
        CourtEvent recorded = addCourtEvent(detention, verdict());

        assertTrue(recorded.getName().startsWith(detention.getName() + "/courtEvents/"));
        assertEquals(CourtEventType.COURT_EVENT_TYPE_VERDICT, recorded.getType());
        assertEquals(COURT, recorded.getCourt());
        assertEquals("Baku", recorded.getPlace());
        assertEquals(List.of(counterfeit.getName(), extremism.getName()), recorded.getChargesList());
        assertEquals(CourtDecision.COURT_DECISION_CONVICTED, recorded.getDecision());
        assertEquals(TEN_YEARS, recorded.getSentence());
        assertFalse(recorded.getClosedToPublic());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, recorded.getAccessLevel(), "its detention's level");
        assertEquals(RecordState.RECORD_STATE_ACTIVE, recorded.getState());
        assertEquals(recorded, read(recorded));
        assertEquals(List.of(recorded), list(false));
        assertEquals(1, database.count("court_event"));
    }

    @Test
    void aClosedHearingIsAlwaysClosedToThePublicAndOthersAsTold() {
        CourtEvent closed = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_CLOSED_HEARING,
                date(2024, 6, 3)));
        CourtEvent opened = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_TRIAL_OPENED,
                date(2024, 6, 1)).setClosedToPublic(true));
        CourtEvent hearing = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 6, 2)));

        assertTrue(closed.getClosedToPublic());
        assertTrue(opened.getClosedToPublic());
        assertFalse(hearing.getClosedToPublic());
        assertTrue(update(closed, "closed_to_public", CourtEvent.newBuilder().setClosedToPublic(false)).getClosedToPublic());
    }

    @Test
    void courtEventsAreNotBoundToTheDetentionsDatesAndLeaveItsStatusAlone() {
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22)));
        Detention before = detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build())
                .getDetention();

        CourtEvent indictment = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_INDICTMENT,
                date(2023, 7, 1)));
        CourtEvent appeal = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_APPEAL_DECIDED,
                date(2024, 11, 5)).setDecision(CourtDecision.COURT_DECISION_UPHELD));
        addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_PARDON, date(2025, 1, 0)));

        Detention after = detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build())
                .getDetention();
        assertEquals(before, after, "its status, end and etag unchanged");
        assertEquals(CustodyStatus.CUSTODY_STATUS_RELEASED, after.getCurrentStatus());
        assertEquals(List.of(indictment.getName(), appeal.getName()), list(false).stream().map(CourtEvent::getName)
                .toList().subList(0, 2));
    }

    @Test
    void anEventWithoutALevelTakesItsDetentionsAndOneWithALevelKeepsIt() {
        Detention restricted = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2022, 1, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, addCourtEvent(restricted,
                courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2022, 5, 1))).getAccessLevel());
        assertEquals(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, addCourtEvent(detention,
                courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 5, 1))
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).getAccessLevel());
    }

    @Test
    void aRetryWithTheSameRequestIdAnswersTheSameEventAndStoresNothingNew() {
        CreateCourtEventRequest request = creating(verdict()).build();
        CourtEvent first = detentions.createCourtEvent(request).getCourtEvent();
        long revisions = database.count("revision");

        assertEquals(first, detentions.createCourtEvent(request).getCourtEvent());
        assertEquals(1, database.count("court_event"));
        assertEquals(revisions, database.count("revision"));
        var reused = fails(Status.Code.ALREADY_EXISTS, () -> detentions.createCourtEvent(request.toBuilder()
                .setCourtEvent(verdict().setPlace("Sumgait")).build()));
        assertEquals("REQUEST_ID_REUSED", detail(reused, ErrorInfo.class).getReason());
        assertEquals(1, database.count("court_event"));
    }

    @Test
    void aRetryReadsTheEventAgainAsTheCallerMaySeeItNow() {
        CreateCourtEventRequest request = creating(verdict()).build();
        var recorder = detentionsAs(Role.RECORDER);
        CourtEvent first = recorder.createCourtEvent(request).getCourtEvent();
        CourtEvent corrected = update(first, "description", CourtEvent.newBuilder().setDescription("Read out in court"));

        assertEquals(corrected, recorder.createCourtEvent(request).getCourtEvent());
        update(corrected, "access_level", CourtEvent.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        fails(Status.Code.NOT_FOUND, () -> recorder.createCourtEvent(request));
        assertEquals(1, database.count("court_event"));
    }

    // --- bad requests ---

    @Test
    void everyBadFieldIsReportedAtOnce() {
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(CourtEvent.newBuilder()
                .setOccurredOn(date(2023, 2, 30)).setCourt("a".repeat(301)).setPlace("Baku\nSumgait")
                .setDescription("d".repeat(2001))).build()),
                "court_event.type", "court_event.occurred_on", "court_event.court", "court_event.place",
                "court_event.description", "court_event.sources"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict().clearOccurredOn()
                .setCourt("Baku\u202E Court")).build()), "court_event.occurred_on", "court_event.court"));
        CourtEvent.Builder manySources = verdict();
        IntStream.range(0, 20).forEach(i -> manySources.addSources(manySources.getSources(0)));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(manySources).build()),
                "court_event.sources"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict().setSources(0,
                manySources.getSources(0).toBuilder().setTitle("\u0007"))).build()), "court_event.sources[0].title"));
    }

    @Test
    void aDecisionIsRecordedOnlyWhereACourtDecides() {
        for (CourtEventType type : List.of(CourtEventType.COURT_EVENT_TYPE_VERDICT,
                CourtEventType.COURT_EVENT_TYPE_APPEAL_DECIDED, CourtEventType.COURT_EVENT_TYPE_CASSATION)) {
            assertEquals(CourtDecision.COURT_DECISION_UPHELD, addCourtEvent(detention, courtEvent(type, date(2024, 9, 1))
                    .setDecision(CourtDecision.COURT_DECISION_UPHELD)).getDecision());
        }
        for (CourtEventType type : List.of(CourtEventType.COURT_EVENT_TYPE_HEARING, CourtEventType.COURT_EVENT_TYPE_SENTENCE,
                CourtEventType.COURT_EVENT_TYPE_APPEAL_FILED, CourtEventType.COURT_EVENT_TYPE_PARDON)) {
            refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(courtEvent(type,
                    date(2024, 9, 1)).setDecision(CourtDecision.COURT_DECISION_ACQUITTED)).build()), "court_event.decision"));
        }
    }

    @Test
    void aSentenceIsSetOnlyWhereACourtSentencesOverTheChargesNamed() {
        CourtEvent sentence = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_SENTENCE, date(2024, 9, 2))
                .addCharges(counterfeit.getName()).setSentence(TEN_YEARS));
        assertEquals(TEN_YEARS, sentence.getSentence());

        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(courtEvent(
                CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 9, 1)).addCharges(counterfeit.getName())
                .setSentence(TEN_YEARS)).build()), "court_event.sentence"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict().clearCharges())
                .build()), "court_event.sentence"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict()
                .setSentence(SentenceTerm.newBuilder().setSuspended(true))).build()), "court_event.sentence.years"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict()
                .setSentence(SentenceTerm.newBuilder().setYears(101).setMonths(-1).setDays(36501))).build()),
                "court_event.sentence.years", "court_event.sentence.months", "court_event.sentence.days"));
    }

    @Test
    void chargesAreNamedWellOnceEachAndOfTheEventsOwnDetention() {
        Detention other = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2022, 1, 1)));
        Charge elsewhere = addCharge(other, charge("228", date(2022, 1, 2)));

        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict()
                .addCharges("charges/42").addCharges(counterfeit.getName().toUpperCase().replace("DETENTIONS", "detentions")
                        .replace("CHARGES", "charges"))).build()),
                "court_event.charges[2]", "court_event.charges[3]"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict()
                .addCharges(elsewhere.getName())).build()), "court_event.charges[2]"));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(verdict().clearCharges()
                .addAllCharges(IntStream.range(0, 51).mapToObj(i -> detention.getName() + "/charges/" + UUID.randomUUID())
                        .toList())).build()), "court_event.charges"));
    }

    @Test
    void aChargeUnknownRetractedOrHiddenFromTheWriterIsNotFound() {
        String unknown = detention.getName() + "/charges/0190a0e0-0000-7000-8000-000000000000";
        var notFound = fails(Status.Code.NOT_FOUND, () -> detentions.createCourtEvent(creating(verdict()
                .addCharges(unknown)).build()));
        assertEquals(unknown, detail(notFound, ResourceInfo.class).getResourceName());

        Charge hidden = addCharge(detention, charge("228", date(2023, 8, 1)).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        refusedStoringNothing(() -> fails(Status.Code.NOT_FOUND, () -> detentionsAs(Role.RECORDER).createCourtEvent(
                creating(verdict().addCharges(hidden.getName())).build())));

        detentions.retractCharge(RetractChargeRequest.newBuilder().setName(extremism.getName()).setEtag(extremism.getEtag())
                .setReason("Filed against another person").setRequestId(requestId()).build());
        refusedStoringNothing(() -> fails(Status.Code.NOT_FOUND, () -> detentions.createCourtEvent(creating(verdict())
                .build())));
    }

    @Test
    void underAnUnknownDetentionItIsNotFoundAndUnderARetractedOneOrPersonRefused() {
        refusedStoringNothing(() -> fails(Status.Code.NOT_FOUND, () -> detentions.createCourtEvent(creating(
                courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 1, 1)))
                .setParent("detentions/0190a0e0-0000-7000-8000-000000000000").build())));
        refusedStoringNothing(() -> failsOnFields(() -> detentions.createCourtEvent(creating(
                courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 1, 1))).setParent("detentions/42").build()),
                "parent"));

        Detention other = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2022, 1, 1)));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(other.getName()).setEtag(other.getEtag())
                .setReason("Duplicate record").setRequestId(requestId()).build());
        refusedStoringNothing(() -> failsPrecondition("RECORD_RETRACTED", () -> addCourtEvent(other,
                courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2022, 2, 1)))));

        CourtEvent hearing = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 1, 1)));
        var person = persons.getPerson(io.habeas.detention.v1.GetPersonRequest.newBuilder()
                .setName(detention.getPerson()).build()).getPerson();
        persons.retractPerson(RetractPersonRequest.newBuilder().setName(person.getName()).setEtag(person.getEtag())
                .setReason("Entered in error").setRequestId(requestId()).build());
        refusedStoringNothing(() -> failsPrecondition("RECORD_RETRACTED", () -> addCourtEvent(detention,
                courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 2, 1)))));
        refusedStoringNothing(() -> failsPrecondition("RECORD_RETRACTED", () -> update(hearing, "place",
                CourtEvent.newBuilder().setPlace("Baku"))));
    }

    // --- corrections and retraction ---

    @Test
    void correctsTheFieldsNamedAndKeepsTheOthers() {
        CourtEvent recorded = addCourtEvent(detention, verdict());

        CourtEvent corrected = update(recorded, "sentence", CourtEvent.newBuilder()
                .setSentence(SentenceTerm.newBuilder().setYears(9).setMonths(6)).setPlace("ignored: not in the mask"));
        assertEquals(SentenceTerm.newBuilder().setYears(9).setMonths(6).build(), corrected.getSentence());
        assertEquals("Baku", corrected.getPlace());
        assertNotEquals(recorded.getEtag(), corrected.getEtag());
        assertEquals(corrected, read(recorded));

        CourtEvent narrowed = update(corrected, "charges", CourtEvent.newBuilder().addCharges(extremism.getName()));
        assertEquals(List.of(extremism.getName()), narrowed.getChargesList());
        CourtEvent appeal = update(narrowed, "type", CourtEvent.newBuilder()
                .setType(CourtEventType.COURT_EVENT_TYPE_APPEAL_DECIDED));
        assertEquals(CourtEventType.COURT_EVENT_TYPE_APPEAL_DECIDED, appeal.getType());
    }

    @Test
    void aCorrectionBreakingARuleOrFromAStaleReadChangesNothing() {
        CourtEvent recorded = addCourtEvent(detention, verdict());

        refusedStoringNothing(() -> failsOnFields(() -> update(recorded, "type", CourtEvent.newBuilder()
                .setType(CourtEventType.COURT_EVENT_TYPE_HEARING)), "court_event.decision", "court_event.sentence"));
        refusedStoringNothing(() -> failsOnFields(() -> update(recorded, "charges", CourtEvent.newBuilder()),
                "court_event.sentence"));
        refusedStoringNothing(() -> failsOnFields(() -> update(recorded, "state", CourtEvent.newBuilder()),
                "update_mask.paths[0]"));
        refusedStoringNothing(() -> failsOnFields(() -> update(recorded.toBuilder().setEtag("").build(), "place",
                CourtEvent.newBuilder().setPlace("Baku")), "court_event.etag"));
        CourtEvent moved = update(recorded, "place", CourtEvent.newBuilder().setPlace("Sumgait"));
        var stale = fails(Status.Code.ABORTED, () -> update(recorded, "place", CourtEvent.newBuilder().setPlace("Baku")));
        assertEquals("STALE_ETAG", detail(stale, ErrorInfo.class).getReason());
        assertEquals(moved, read(recorded));
    }

    @Test
    void aRecorderCannotReclassifyOrRetract() {
        CourtEvent recorded = addCourtEvent(detention, verdict());
        var recorder = detentionsAs(Role.RECORDER);

        refusedStoringNothing(() -> fails(Status.Code.PERMISSION_DENIED, () -> recorder.updateCourtEvent(
                UpdateCourtEventRequest.newBuilder().setCourtEvent(recorded.toBuilder()
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build())));
        refusedStoringNothing(() -> fails(Status.Code.PERMISSION_DENIED, () -> recorder.retractCourtEvent(
                RetractCourtEventRequest.newBuilder().setName(recorded.getName()).setEtag(recorded.getEtag())
                        .setReason("Wrong court").setRequestId(requestId()).build())));
        refusedStoringNothing(() -> fails(Status.Code.PERMISSION_DENIED, () -> detentionsAs(Role.VIEWER).createCourtEvent(
                creating(verdict()).build())));
        assertEquals(recorded, read(recorded));
    }

    @Test
    void aRetractedEventIsKeptWithItsReasonOutOfListsAndUnchangeable() {
        CourtEvent hearing = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 5, 1)));
        CourtEvent wrong = addCourtEvent(detention, verdict());

        refusedStoringNothing(() -> failsOnFields(() -> detentions.retractCourtEvent(RetractCourtEventRequest.newBuilder()
                .setName(wrong.getName()).setEtag(wrong.getEtag()).setRequestId(requestId()).build()), "reason"));
        CourtEvent retracted = detentions.retractCourtEvent(RetractCourtEventRequest.newBuilder().setName(wrong.getName())
                .setEtag(wrong.getEtag()).setReason("The verdict was another defendant's").setRequestId(requestId())
                .build()).getCourtEvent();

        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getState());
        assertEquals("The verdict was another defendant's", retracted.getRetractionReason());
        assertEquals(retracted, read(wrong));
        assertEquals(List.of(hearing), list(false));
        assertEquals(List.of(hearing, retracted), list(true));
        refusedStoringNothing(() -> failsPrecondition("RECORD_RETRACTED", () -> update(retracted, "place",
                CourtEvent.newBuilder().setPlace("Baku"))));
    }

    // --- listing ---

    @Test
    void pagesThroughADetentionsEventsInDateOrder() {
        CourtEvent year = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_APPEAL_FILED, date(2024, 0, 0)));
        CourtEvent month = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_TRIAL_OPENED, date(2024, 3, 0)));
        CourtEvent day = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 3, 31)));

        List<CourtEvent> seen = new ArrayList<>();
        String token = "";
        do {
            ListCourtEventsResponse page = detentions.listCourtEvents(ListCourtEventsRequest.newBuilder()
                    .setParent(detention.getName()).setPageSize(1).setPageToken(token).build());
            assertEquals(1, page.getCourtEventsCount());
            seen.addAll(page.getCourtEventsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertEquals(List.of(day, month, year), seen);
        failsOnFields(() -> detentions.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName())
                .setPageSize(-1).build()), "page_size");
        String first = detentions.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName())
                .setPageSize(1).build()).getNextPageToken();
        failsOnFields(() -> detentions.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName())
                .setPageSize(1).setShowRetracted(true).setPageToken(first).build()), "page_token");
        fails(Status.Code.NOT_FOUND, () -> detentions.listCourtEvents(ListCourtEventsRequest.newBuilder()
                .setParent("detentions/0190a0e0-0000-7000-8000-000000000000").build()));
        failsOnFields(() -> detentions.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent("persons/1").build()),
                "parent");
    }
}
