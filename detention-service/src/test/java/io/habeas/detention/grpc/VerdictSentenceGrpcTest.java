package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CourtDecision;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.GetCourtEventRequest;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListCourtEventsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.RetractCourtEventRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdateCourtEventRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One sentence over several charges, recorded once on the verdict: convictions following it show it
 * as their own, to callers who may see the verdict; court events show only the charges their reader
 * may see; corrections keep what their writer could not see.
 */
@QuarkusTest
class VerdictSentenceGrpcTest extends GrpcTest {
    private static final SentenceTerm TEN_YEARS = SentenceTerm.newBuilder().setYears(10).build();

    private Detention detention;
    private Charge counterfeit;
    private Charge extremism;
    private Charge restricted;
    private CourtEvent verdict;

    @BeforeEach
    void recordAVerdictOverThreeCharges() {
        detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
        counterfeit = addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        extremism = addCharge(detention, charge("167-3.1", date(2023, 12, 0)));
        restricted = addCharge(detention, charge("193-1.3", date(2024, 1, 0)).setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        verdict = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0))
                .setDecision(CourtDecision.COURT_DECISION_CONVICTED).setSentence(TEN_YEARS)
                .addCharges(counterfeit.getName()).addCharges(extremism.getName()).addCharges(restricted.getName()));
    }

    private static ChargeStatusChange.Builder convicted(CourtEvent event) {
        return ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .setEffectiveOn(date(2024, 9, 0)).setCourtEvent(event.getName()).addSources(source());
    }

    private Charge change(Charge charge, ChargeStatusChange.Builder change) {
        return detentions.changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setName(charge.getName())
                .setEtag(read(charge).getEtag()).setStatusChange(change).setRequestId(requestId()).build()).getCharge();
    }

    private Charge read(Charge charge) {
        return readAs(detentions, charge);
    }

    private static Charge readAs(DetentionServiceGrpc.DetentionServiceBlockingStub stub, Charge charge) {
        return stub.getCharge(GetChargeRequest.newBuilder().setName(charge.getName()).build()).getCharge();
    }

    private static CourtEvent readAs(DetentionServiceGrpc.DetentionServiceBlockingStub stub, CourtEvent event) {
        return stub.getCourtEvent(GetCourtEventRequest.newBuilder().setName(event.getName()).build()).getCourtEvent();
    }

    private CourtEvent updateVerdict(String path, CourtEvent.Builder values) {
        return updateAs(detentions, verdict, path, values);
    }

    private static CourtEvent updateAs(DetentionServiceGrpc.DetentionServiceBlockingStub stub, CourtEvent event,
            String path, CourtEvent.Builder values) {
        return stub.updateCourtEvent(UpdateCourtEventRequest.newBuilder().setRequestId(requestId())
                .setCourtEvent(values.setName(event.getName()).setEtag(readAs(stub, event).getEtag()))
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)).build()).getCourtEvent();
    }

    /** The call is refused and the charge, its revisions and the logged answers are as they were. */
    private void refusedChangingNothing(Charge charge, Executable refused) {
        Charge before = read(charge);
        long revisions = database.count("revision");
        long requests = database.count("request_log");
        try {
            refused.execute();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        assertEquals(before, read(charge));
        assertEquals(revisions, database.count("revision"));
        assertEquals(requests, database.count("request_log"));
    }

    // --- the sentence through the verdict ---

    @Test
    void convictionsFollowingTheVerdictShowItsSentenceWhereverTheChargeIsRead() {
        Charge convicted = change(counterfeit, convicted(verdict));
        change(extremism, convicted(verdict));

        ChargeStatusChange shown = convicted.getStatusHistory(0);
        assertEquals(TEN_YEARS, shown.getSentenceTerm());
        assertEquals(verdict.getName(), shown.getCourtEvent());
        assertEquals(convicted, read(counterfeit));
        assertEquals(List.of(TEN_YEARS, TEN_YEARS, SentenceTerm.getDefaultInstance()), detentions.listCharges(
                ListChargesRequest.newBuilder().setParent(detention.getName()).build()).getChargesList().stream()
                .map(c -> c.getStatusHistoryCount() == 0 ? SentenceTerm.getDefaultInstance()
                        : c.getStatusHistory(0).getSentenceTerm()).toList());
        FeedItem conviction = personFeed(detentions).stream()
                .filter(item -> item.getKind() == FeedItemKind.FEED_ITEM_KIND_CHARGE_STATUS_CHANGED).findFirst().orElseThrow();
        assertEquals(TEN_YEARS, conviction.getCharge().getStatusHistory(conviction.getStatusChangeIndex()).getSentenceTerm());
    }

    @Test
    void oneSentenceCorrectedOnTheVerdictIsCorrectedForEveryConviction() {
        change(counterfeit, convicted(verdict));
        change(extremism, convicted(verdict));
        SentenceTerm nine = SentenceTerm.newBuilder().setYears(9).setMonths(6).build();

        updateVerdict("sentence", CourtEvent.newBuilder().setSentence(nine));

        assertEquals(nine, read(counterfeit).getStatusHistory(0).getSentenceTerm());
        assertEquals(nine, read(extremism).getStatusHistory(0).getSentenceTerm());
        updateVerdict("charges", CourtEvent.newBuilder().addCharges(counterfeit.getName()));
        assertFalse(read(extremism).getStatusHistory(0).hasSentenceTerm(), "the verdict no longer names it");
        assertEquals(verdict.getName(), read(extremism).getStatusHistory(0).getCourtEvent());
    }

    @Test
    void aTermOfTheChangesOwnIsShownAsItIs() {
        SentenceTerm five = SentenceTerm.newBuilder().setYears(5).setSuspended(true).build();
        Charge convicted = change(counterfeit, convicted(verdict).setSentenceTerm(five));

        assertEquals(five, convicted.getStatusHistory(0).getSentenceTerm());
        assertEquals(verdict.getName(), convicted.getStatusHistory(0).getCourtEvent());
    }

    @Test
    void aRetractedVerdictTakesItsSentenceAwayAndItsRestoreBringsItBack() {
        change(counterfeit, convicted(verdict));
        CourtEvent retracted = detentions.retractCourtEvent(RetractCourtEventRequest.newBuilder()
                .setName(verdict.getName()).setEtag(verdict.getEtag()).setReason("Recorded for the wrong trial")
                .setRequestId(requestId()).build()).getCourtEvent();

        ChargeStatusChange shown = read(counterfeit).getStatusHistory(0);
        assertFalse(shown.hasSentenceTerm());
        assertEquals(verdict.getName(), shown.getCourtEvent(), "the retracted verdict can still be read");

        String created = history().list(verdict.getName()).get(1).revision().getRevisionId();
        history().restore(verdict.getName(), created, retracted.getEtag(), "Retracted in error", requestId());
        assertEquals(TEN_YEARS, read(counterfeit).getStatusHistory(0).getSentenceTerm());
    }

    @Test
    void otherChangesMayFollowACourtEventWithoutASentence() {
        CourtEvent acquittal = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_APPEAL_DECIDED,
                date(2025, 2, 0)).setDecision(CourtDecision.COURT_DECISION_ACQUITTED).addCharges(extremism.getName()));

        Charge acquitted = change(extremism, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_ACQUITTED)
                .setEffectiveOn(date(2025, 2, 0)).setCourtEvent(acquittal.getName()).addSources(source()));

        assertEquals(acquittal.getName(), acquitted.getStatusHistory(0).getCourtEvent());
        assertFalse(acquitted.getStatusHistory(0).hasSentenceTerm());
    }

    // --- refused references ---

    @Test
    void aConvictionWithoutATermNeedsACourtEventThatSetsOne() {
        CourtEvent hearing = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_HEARING, date(2024, 6, 0))
                .addCharges(counterfeit.getName()));

        refusedChangingNothing(counterfeit, () -> failsOnFields(() -> change(counterfeit, convicted(hearing)),
                "status_change.sentence_term"));
        refusedChangingNothing(counterfeit, () -> failsOnFields(() -> change(counterfeit, convicted(verdict)
                .clearCourtEvent()), "status_change.sentence_term"));
        refusedChangingNothing(counterfeit, () -> failsOnFields(() -> change(counterfeit, convicted(verdict)
                .setStatus(ChargeStatus.CHARGE_STATUS_DROPPED).setSentenceTerm(TEN_YEARS)), "status_change.sentence_term"));
    }

    @Test
    void aCourtEventThatDoesNotNameTheChargeOrIsNoNameIsInvalid() {
        CourtEvent trial = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0))
                .setSentence(TEN_YEARS).addCharges(counterfeit.getName()));

        refusedChangingNothing(extremism, () -> failsOnFields(() -> change(extremism, convicted(trial)),
                "status_change.court_event"));
        refusedChangingNothing(extremism, () -> failsOnFields(() -> change(extremism, convicted(trial)
                .setCourtEvent("courtEvents/1")), "status_change.court_event"));
        refusedChangingNothing(extremism, () -> failsOnFields(() -> change(extremism, convicted(trial)
                .setCourtEvent(counterfeit.getName())), "status_change.court_event"));
    }

    @Test
    void aCourtEventUnknownOfAnotherDetentionRetractedOrHiddenIsNotFound() {
        Detention other = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2022, 1, 1)));
        Charge elsewhere = addCharge(other, charge("228", date(2022, 1, 2)));
        CourtEvent otherVerdict = addCourtEvent(other, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2022, 6, 1))
                .setSentence(TEN_YEARS).addCharges(elsewhere.getName()));
        String unknown = detention.getName() + "/courtEvents/0190a0e0-0000-7000-8000-000000000000";

        refusedChangingNothing(counterfeit, () -> fails(Status.Code.NOT_FOUND, () -> change(counterfeit,
                convicted(verdict).setCourtEvent(unknown))));
        refusedChangingNothing(counterfeit, () -> fails(Status.Code.NOT_FOUND, () -> change(counterfeit,
                convicted(otherVerdict))));

        CourtEvent secret = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 1))
                .setSentence(TEN_YEARS).addCharges(counterfeit.getName()).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        var recorder = detentionsAs(Role.RECORDER);
        refusedChangingNothing(counterfeit, () -> fails(Status.Code.NOT_FOUND, () -> recorder.changeChargeStatus(
                ChangeChargeStatusRequest.newBuilder().setName(counterfeit.getName()).setEtag(counterfeit.getEtag())
                        .setStatusChange(convicted(secret)).setRequestId(requestId()).build())));

        detentions.retractCourtEvent(RetractCourtEventRequest.newBuilder().setName(verdict.getName())
                .setEtag(verdict.getEtag()).setReason("Recorded twice").setRequestId(requestId()).build());
        refusedChangingNothing(counterfeit, () -> fails(Status.Code.NOT_FOUND, () -> change(counterfeit, convicted(verdict))));
    }

    // --- what each role is shown ---

    @Test
    void aConvictionShowsTheVerdictAndItsSentenceOnlyToThoseWhoMaySeeTheVerdict() {
        CourtEvent restrictedVerdict = updateVerdict("access_level", CourtEvent.newBuilder()
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        change(counterfeit, convicted(restrictedVerdict));

        ChargeStatusChange toViewer = readAs(detentionsAs(Role.VIEWER), counterfeit).getStatusHistory(0);
        assertEquals(ChargeStatus.CHARGE_STATUS_CONVICTED, toViewer.getStatus());
        assertFalse(toViewer.hasSentenceTerm());
        assertEquals("", toViewer.getCourtEvent());
        ChargeStatusChange toAnalyst = readAs(detentionsAs(Role.ANALYST), counterfeit).getStatusHistory(0);
        assertEquals(TEN_YEARS, toAnalyst.getSentenceTerm());
        assertEquals(verdict.getName(), toAnalyst.getCourtEvent());

        FeedItem viewersItem = personFeed(detentionsAs(Role.VIEWER)).stream()
                .filter(item -> item.getKind() == FeedItemKind.FEED_ITEM_KIND_CHARGE_STATUS_CHANGED).findFirst().orElseThrow();
        assertEquals(toViewer, viewersItem.getCharge().getStatusHistory(0));
        assertEquals(List.of(toViewer), detentionsAs(Role.VIEWER).listCharges(ListChargesRequest.newBuilder()
                .setParent(detention.getName()).build()).getCharges(0).getStatusHistoryList());
        assertEquals(List.of(""), historyAs(Role.VIEWER).list(counterfeit.getName()).stream().limit(1)
                .map(r -> ((Charge) r.record()).getStatusHistory(0).getCourtEvent()).toList());
        assertEquals(List.of(verdict.getName()), historyAs(Role.ANALYST).list(counterfeit.getName()).stream().limit(1)
                .map(r -> ((Charge) r.record()).getStatusHistory(0).getCourtEvent()).toList());
    }

    @Test
    void aCourtEventShowsOnlyTheChargesItsReaderMaySee() {
        List<String> all = List.of(counterfeit.getName(), extremism.getName(), restricted.getName());
        List<String> publicOnes = List.of(counterfeit.getName(), extremism.getName());
        var viewer = detentionsAs(Role.VIEWER);

        assertEquals(publicOnes, readAs(viewer, verdict).getChargesList());
        assertEquals(all, readAs(detentionsAs(Role.ANALYST), verdict).getChargesList());
        assertEquals(publicOnes, viewer.listCourtEvents(ListCourtEventsRequest.newBuilder().setParent(detention.getName())
                .build()).getCourtEvents(0).getChargesList());
        assertEquals(publicOnes, personFeed(viewer).stream().filter(FeedItem::hasCourtEvent).findFirst().orElseThrow()
                .getCourtEvent().getChargesList());
        assertEquals(publicOnes, ((CourtEvent) historyAs(Role.VIEWER).newest(verdict.getName()).record()).getChargesList());
        assertEquals(all, ((CourtEvent) historyAs(Role.ANALYST).newest(verdict.getName()).record()).getChargesList());
    }

    @Test
    void aCorrectionKeepsTheChargesItsWriterCannotSee() {
        Charge secret = addCharge(detention, charge("228", date(2024, 2, 0)).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        CourtEvent sentence = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_SENTENCE, date(2024, 9, 2))
                .setSentence(TEN_YEARS).addCharges(secret.getName()).addCharges(counterfeit.getName()));
        var recorder = detentionsAs(Role.RECORDER);
        assertEquals(List.of(counterfeit.getName()), readAs(recorder, sentence).getChargesList());

        updateAs(recorder, sentence, "description", CourtEvent.newBuilder().setDescription("Read out in court"));
        assertEquals(List.of(secret.getName(), counterfeit.getName()), readAs(detentions, sentence).getChargesList());

        CourtEvent corrected = updateAs(recorder, sentence, "charges", CourtEvent.newBuilder().addCharges(extremism.getName()));
        assertEquals(List.of(extremism.getName()), corrected.getChargesList());
        assertEquals(List.of(extremism.getName(), secret.getName()), readAs(detentions, sentence).getChargesList());
    }

    private List<FeedItem> personFeed(DetentionServiceGrpc.DetentionServiceBlockingStub stub) {
        return stub.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(detention.getPerson()).build()).getItemsList();
    }
}
