package io.habeas.detention.revisions;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.RevisionAction;
import io.habeas.common.v1.Source;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.support.RevisionCalls.Revised;
import io.habeas.detention.v1.Alias;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.RetractCustodyEventRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.UpdateChargeRequest;
import io.habeas.detention.v1.UpdateCustodyEventRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restore gives a record the recorded fields and state of one of its revisions, through the
 * same checks and projections as an update, and is itself a revision naming the one restored.
 */
@QuarkusTest
class RestoreGrpcTest extends GrpcTest {
    private static final String WHY = "The correction was made to the wrong record";

    private Person person;
    private Detention detention;
    private CustodyEvent event;
    private Charge charge;

    @BeforeEach
    void recordIbadoglu() {
        person = createPerson(ibadoglu());
        detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        event = addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 8, 1)));
        charge = addCharge(detention, charge("204.3.1", date(2023, 7, 25)));
    }

    @Test
    void aPersonRestoredToItsFirstRevisionHasItsRecordedFields() {
        Revised first = history().newest(person.getName());
        persons.updatePerson(UpdatePersonRequest.newBuilder().setPerson(person.toBuilder().setDisplayName("G. Ibadoglu")
                .clearAliases().addAliases(Alias.newBuilder().setName("Gubad Ibadov")).clearCitizenships()
                .addCitizenships("GE").setDescription("Corrected").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)
                .clearSources().addSources(otherSource())).setUpdateMask(mask("display_name", "aliases", "citizenships",
                        "description", "access_level", "sources")).setRequestId(requestId()).build());

        assertRestoredTo(first, restore(person.getName(), first));
    }

    @Test
    void aDetentionRestoredToItsFirstRevisionHasItsRecordedFieldsAndItsFeedDate() {
        Revised first = history().newest(detention.getName());
        detentions.updateDetention(UpdateDetentionRequest.newBuilder().setDetention(currentDetention().toBuilder()
                .setStartDate(date(2023, 7, 22)).setPlace("Sabail").setAuthority("State Security Service")
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION)
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED).clearSources().addSources(otherSource()))
                .setUpdateMask(mask("start_date", "place", "authority", "initial_status", "access_level", "sources"))
                .setRequestId(requestId()).build());

        Detention restored = (Detention) restore(detention.getName(), first);

        assertRestoredTo(first, restored);
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, restored.getCurrentStatus());
        assertEquals(detention.getStartDate(), feed().get(0).getDate());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, feed().get(0).getAccessLevel());
    }

    @Test
    void aCustodyEventRestoredToItsFirstRevisionGivesItsDetentionItsStatusBack() {
        Revised first = history().newest(event.getName());
        detentions.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder().setCustodyEvent(event.toBuilder()
                .setType(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE).setOccurredOn(date(2024, 4, 22))
                .setDescription("Released").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(mask("type", "occurred_on", "description", "access_level")).setRequestId(requestId()).build());
        assertEquals(CustodyStatus.CUSTODY_STATUS_RELEASED, currentDetention().getCurrentStatus());

        assertRestoredTo(first, restore(event.getName(), first));
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, currentDetention().getCurrentStatus());
        assertEquals(event.getOccurredOn(), feed().get(2).getDate());
    }

    @Test
    void aChargeRestoredBeforeItsStatusChangesLosesThemAndTheirFeedItems() {
        Revised filed = history().newest(charge.getName());
        Charge convicted = detentions.changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setName(charge.getName())
                .setEtag(charge.getEtag()).setStatusChange(ChargeStatusChange.newBuilder()
                        .setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED).setEffectiveOn(date(2024, 3, 0))
                        .setSentenceTerm(SentenceTerm.newBuilder().setYears(7)).addSources(source()))
                .setRequestId(requestId()).build()).getCharge();
        Revised withStatus = history().newest(charge.getName());
        detentions.updateCharge(UpdateChargeRequest.newBuilder().setCharge(convicted.toBuilder()
                .setArticleReference("167-3.1").setOffenceDescription("Religious extremist materials"))
                .setUpdateMask(mask("article_reference", "offence_description")).setRequestId(requestId()).build());
        assertEquals(4, feed().size());

        Charge restored = (Charge) restore(charge.getName(), filed);
        assertRestoredTo(filed, restored);
        assertEquals(ChargeStatus.CHARGE_STATUS_FILED, restored.getStatus());
        assertEquals(3, feed().size(), "the status change left the feed with the history");

        Charge again = (Charge) restore(charge.getName(), withStatus);
        assertRestoredTo(withStatus, again);
        assertEquals(1, again.getStatusHistoryCount());
        assertEquals(4, feed().size());
    }

    @Test
    void aRetractedDetentionRestoredComesBackToTheFeedWithEverythingUnderIt() {
        List<String> before = feedItems();
        Revised active = history().newest(detention.getName());
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(detention.getName())
                .setEtag(history().etag(detention.getName())).setReason("Duplicate").setRequestId(requestId()).build());
        assertEquals(List.of(), feedItems());

        Detention restored = (Detention) restore(detention.getName(), active);

        assertEquals(RecordState.RECORD_STATE_ACTIVE, restored.getState());
        assertEquals("", restored.getRetractionReason());
        assertEquals(before, feedItems());
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, restored.getCurrentStatus());
    }

    @Test
    void aRecordRestoredToARetractedRevisionIsRetractedAgainWithThatReason() {
        Charge retracted = detentions.retractCharge(RetractChargeRequest.newBuilder().setName(charge.getName())
                .setEtag(charge.getEtag()).setReason("Filed twice").setRequestId(requestId()).build()).getCharge();
        List<Revised> revisions = history().list(charge.getName());
        restore(charge.getName(), revisions.get(1));
        assertEquals(3, feed().size());

        Charge again = (Charge) restore(charge.getName(), revisions.get(0));

        assertEquals(RecordState.RECORD_STATE_RETRACTED, again.getState());
        assertEquals("Filed twice", again.getRetractionReason());
        assertEquals(withoutVersion(retracted), withoutVersion(again));
        assertEquals(2, feed().size());
    }

    @Test
    void aRestoreThatWouldBreakTheCustodyHistoryFailsAndStoresNothing() {
        Detention later = createDetention(arrest(createPerson(person("Tofig Yagublu", "AZ")).getName(), date(2023, 9, 1)));
        Revised startedInSeptember = history().newest(later.getName());
        Detention moved = detentions.updateDetention(UpdateDetentionRequest.newBuilder().setDetention(later.toBuilder()
                .setStartDate(date(2023, 7, 23))).setUpdateMask(mask("start_date")).setRequestId(requestId()).build())
                .getDetention();
        addEvent(moved, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 8, 1)));

        assertNothingStored(later.getName(), () -> failsPrecondition("EVENT_BEFORE_DETENTION_START",
                () -> restore(later.getName(), startedInSeptember)));
    }

    @Test
    void aRestoredEventThatWouldEndAnEndedDetentionAgainFailsAndStoresNothing() {
        CustodyEvent release = addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 22)));
        Revised released = history().newest(release.getName());
        detentions.retractCustodyEvent(RetractCustodyEventRequest.newBuilder().setName(release.getName())
                .setEtag(release.getEtag()).setReason("Wrong person").setRequestId(requestId()).build());
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 5, 1)));

        assertNothingStored(release.getName(), () -> failsPrecondition("DETENTION_ALREADY_ENDED",
                () -> restore(release.getName(), released)));
    }

    @Test
    void nothingIsRestoredUnderARetractedParent() {
        Revised eventCreated = history().newest(event.getName());
        Revised chargeCreated = history().newest(charge.getName());
        Revised detentionCreated = history().newest(detention.getName());
        Detention retracted = detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(detention.getName())
                .setEtag(history().etag(detention.getName())).setReason("Duplicate").setRequestId(requestId()).build()).getDetention();

        assertNothingStored(event.getName(), () -> failsPrecondition("RECORD_RETRACTED",
                () -> restore(event.getName(), eventCreated)));
        assertNothingStored(charge.getName(), () -> failsPrecondition("RECORD_RETRACTED",
                () -> restore(charge.getName(), chargeCreated)));

        persons.retractPerson(RetractPersonRequest.newBuilder().setName(person.getName())
                .setEtag(history().etag(person.getName())).setReason("Entered in error").setRequestId(requestId()).build());
        assertNothingStored(retracted.getName(), () -> failsPrecondition("RECORD_RETRACTED",
                () -> restore(detention.getName(), detentionCreated)));
    }

    /** The restored record holds the revision's recorded fields, and a new revision says it was restored from it. */
    private void assertRestoredTo(Revised revision, Message restored) {
        assertEquals(withoutVersion(revision.record()), withoutVersion(WriteRevisionsGrpcTest.recorded(restored)));
        Revised newest = history().newest(nameOf(restored));
        assertEquals(RevisionAction.REVISION_ACTION_RESTORED, newest.revision().getAction());
        assertEquals(revision.revision().getRevisionId(), newest.revision().getRestoredRevisionId());
        assertEquals(WHY, newest.revision().getReason());
        assertEquals(WriteRevisionsGrpcTest.recorded(restored), newest.record());
    }

    private void assertNothingStored(String name, Runnable refused) {
        long revisions = database.count("revision");
        long requests = database.count("request_log");
        Message before = history().get(name);
        refused.run();
        assertEquals(revisions, database.count("revision"));
        assertEquals(requests, database.count("request_log"));
        assertEquals(before, history().get(name));
    }

    private Message restore(String name, Revised revision) {
        return history().restore(name, revision.revision().getRevisionId(), history().etag(name), WHY, requestId());
    }

    /** A record without what every write changes: its version and update time. */
    static Message withoutVersion(Message record) {
        var descriptor = record.getDescriptorForType();
        return record.toBuilder().clearField(descriptor.findFieldByName("etag"))
                .clearField(descriptor.findFieldByName("update_time")).build();
    }

    private static String nameOf(Message record) {
        return (String) record.getField(record.getDescriptorForType().findFieldByName("name"));
    }

    private Detention currentDetention() {
        return (Detention) history().get(detention.getName());
    }

    private List<FeedItem> feed() {
        return detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person.getName()).build())
                .getItemsList();
    }

    /** The feed as kind, date and record, without versions. */
    private List<String> feedItems() {
        return feed().stream().map(item -> item.getKind() + " " + item.getDate() + " " + item.getStatusChangeIndex()
                + " " + item.getDetentionName() + " " + item.getAccessLevel()).toList();
    }

    private static Source otherSource() {
        return Source.newBuilder().setPublisher("Meydan TV").setTitle("Ibadoglu's arrest").build();
    }

    private static FieldMask mask(String... paths) {
        return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
    }
}
