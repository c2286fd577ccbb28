package io.habeas.detention.revisions;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.detention.support.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RevisionAction;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.support.RevisionCalls;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CourtDecision;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCourtEventRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.RetractCourtEventRequest;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.detention.v1.RetractCustodyEventRequest;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.UpdateChargeRequest;
import io.habeas.detention.v1.UpdateCourtEventRequest;
import io.habeas.detention.v1.UpdateCustodyEventRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every write RPC leaves exactly one revision of the record it writes, naming the token's subject,
 * the request id, what happened and why, with the record as the write left it; a retry leaves none.
 */
@QuarkusTest
class WriteRevisionsGrpcTest extends GrpcTest {
    private static final String ADMIN = "admin@habeas.test";
    private static final String RECORDER = "recorder@habeas.test";
    private static final String REASON = "Entered for the wrong person";

    @Inject
    EntityManager entityManager;

    @Test
    void everyPersonWriteLeavesOneRevision() {
        var recorder = personsAs(Role.RECORDER);
        String id = requestId();
        Person person = once(() -> recorder.createPerson(CreatePersonRequest.newBuilder().setPerson(ibadoglu())
                .setRequestId(id).build()).getPerson());
        assertNewest(person.getName(), RECORDER, id, RevisionAction.REVISION_ACTION_CREATED, "", person);
        String created = history().newest(person.getName()).revision().getRevisionId();

        String corrected = requestId();
        Person described = person;
        person = once(() -> recorder.updatePerson(UpdatePersonRequest.newBuilder().setPerson(described.toBuilder()
                .setDescription("Economist")).setUpdateMask(mask("description")).setRequestId(corrected).build())
                .getPerson());
        assertNewest(person.getName(), RECORDER, corrected, RevisionAction.REVISION_ACTION_UPDATED, "", person);

        String reclassified = requestId();
        Person before = person;
        person = once(() -> persons.updatePerson(UpdatePersonRequest.newBuilder().setPerson(before.toBuilder()
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)).setUpdateMask(mask("access_level"))
                .setRequestId(reclassified).build()).getPerson());
        assertNewest(person.getName(), ADMIN, reclassified, RevisionAction.REVISION_ACTION_RECLASSIFIED, "", person);

        String retracted = requestId();
        Person current = person;
        person = once(() -> persons.retractPerson(RetractPersonRequest.newBuilder().setName(current.getName())
                .setEtag(current.getEtag()).setReason(REASON).setRequestId(retracted).build()).getPerson());
        assertNewest(person.getName(), ADMIN, retracted, RevisionAction.REVISION_ACTION_RETRACTED, REASON, person);

        assertRestoreLeavesOneRevision(person.getName(), created);
        assertEquals(5, history().list(person.getName()).size());
    }

    @Test
    void aPersonsReclassificationWritesNoRevisionForItsDetentions() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));

        once(() -> persons.updatePerson(UpdatePersonRequest.newBuilder().setPerson(person.toBuilder()
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).setUpdateMask(mask("access_level"))
                .setRequestId(requestId()).build()));

        assertEquals(1, history().list(detention.getName()).size());
    }

    @Test
    void everyDetentionWriteLeavesOneRevision() {
        Person person = createPerson(ibadoglu());
        var recorder = detentionsAs(Role.RECORDER);
        String id = requestId();
        Detention detention = once(() -> recorder.createDetention(CreateDetentionRequest.newBuilder()
                .setDetention(arrest(person.getName(), date(2023, 7, 23))).setRequestId(id).build()).getDetention());
        assertNewest(detention.getName(), RECORDER, id, RevisionAction.REVISION_ACTION_CREATED, "", detention);
        String created = history().newest(detention.getName()).revision().getRevisionId();

        String corrected = requestId();
        Detention placed = detention;
        detention = once(() -> recorder.updateDetention(UpdateDetentionRequest.newBuilder().setDetention(placed.toBuilder()
                .setPlace("Kurdakhani pre-trial detention centre")).setUpdateMask(mask("place"))
                .setRequestId(corrected).build()).getDetention());
        assertNewest(detention.getName(), RECORDER, corrected, RevisionAction.REVISION_ACTION_UPDATED, "", detention);

        String reclassified = requestId();
        Detention levelled = detention;
        detention = once(() -> detentions.updateDetention(UpdateDetentionRequest.newBuilder().setDetention(levelled
                .toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)).setUpdateMask(mask("access_level"))
                .setRequestId(reclassified).build()).getDetention());
        assertNewest(detention.getName(), ADMIN, reclassified, RevisionAction.REVISION_ACTION_RECLASSIFIED, "", detention);

        String retracted = requestId();
        Detention current = detention;
        detention = once(() -> detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(current.getName())
                .setEtag(current.getEtag()).setReason(REASON).setRequestId(retracted).build()).getDetention());
        assertNewest(detention.getName(), ADMIN, retracted, RevisionAction.REVISION_ACTION_RETRACTED, REASON, detention);

        assertRestoreLeavesOneRevision(detention.getName(), created);
        assertEquals(1, history().list(person.getName()).size(), "the person's own revisions only");
    }

    @Test
    void everyCustodyEventWriteLeavesOneRevisionAndNoneForItsDetention() {
        Detention detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
        var recorder = detentionsAs(Role.RECORDER);
        String id = requestId();
        CustodyEvent event = once(() -> recorder.createCustodyEvent(CreateCustodyEventRequest.newBuilder()
                .setParent(detention.getName()).setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION,
                        date(2023, 7, 25))).setRequestId(id).build()).getCustodyEvent());
        assertNewest(event.getName(), RECORDER, id, RevisionAction.REVISION_ACTION_CREATED, "", event);
        String created = history().newest(event.getName()).revision().getRevisionId();

        String corrected = requestId();
        CustodyEvent described = event;
        event = once(() -> recorder.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder().setCustodyEvent(described
                .toBuilder().setDescription("Four months, by the Khatai District Court")).setUpdateMask(mask("description"))
                .setRequestId(corrected).build()).getCustodyEvent());
        assertNewest(event.getName(), RECORDER, corrected, RevisionAction.REVISION_ACTION_UPDATED, "", event);

        String reclassified = requestId();
        CustodyEvent levelled = event;
        event = once(() -> detentions.updateCustodyEvent(UpdateCustodyEventRequest.newBuilder().setCustodyEvent(levelled
                .toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).setUpdateMask(mask("access_level"))
                .setRequestId(reclassified).build()).getCustodyEvent());
        assertNewest(event.getName(), ADMIN, reclassified, RevisionAction.REVISION_ACTION_RECLASSIFIED, "", event);

        String retracted = requestId();
        CustodyEvent current = event;
        event = once(() -> detentions.retractCustodyEvent(RetractCustodyEventRequest.newBuilder().setName(current.getName())
                .setEtag(current.getEtag()).setReason(REASON).setRequestId(retracted).build()).getCustodyEvent());
        assertNewest(event.getName(), ADMIN, retracted, RevisionAction.REVISION_ACTION_RETRACTED, REASON, event);

        assertRestoreLeavesOneRevision(event.getName(), created);
        assertEquals(1, history().list(detention.getName()).size(), "an event's writes leave none for its detention");
    }

    @Test
    void everyCourtEventWriteLeavesOneRevisionAndNoneForItsDetentionOrCharges() {
        Detention detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
        Charge charge = addCharge(detention, charge("204.3.1", date(2023, 7, 25)));
        var recorder = detentionsAs(Role.RECORDER);
        String id = requestId();
        CourtEvent event = once(() -> recorder.createCourtEvent(CreateCourtEventRequest.newBuilder()
                .setParent(detention.getName()).setCourtEvent(courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT,
                        date(2024, 3, 1)).addCharges(charge.getName()).setSentence(SentenceTerm.newBuilder().setYears(7)))
                .setRequestId(id).build()).getCourtEvent());
        assertNewest(event.getName(), RECORDER, id, RevisionAction.REVISION_ACTION_CREATED, "", event);
        String created = history().newest(event.getName()).revision().getRevisionId();

        String corrected = requestId();
        CourtEvent decided = event;
        event = once(() -> recorder.updateCourtEvent(UpdateCourtEventRequest.newBuilder().setCourtEvent(decided
                .toBuilder().setDecision(CourtDecision.COURT_DECISION_CONVICTED)).setUpdateMask(mask("decision"))
                .setRequestId(corrected).build()).getCourtEvent());
        assertNewest(event.getName(), RECORDER, corrected, RevisionAction.REVISION_ACTION_UPDATED, "", event);

        String reclassified = requestId();
        CourtEvent levelled = event;
        event = once(() -> detentions.updateCourtEvent(UpdateCourtEventRequest.newBuilder().setCourtEvent(levelled
                .toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)).setUpdateMask(mask("access_level"))
                .setRequestId(reclassified).build()).getCourtEvent());
        assertNewest(event.getName(), ADMIN, reclassified, RevisionAction.REVISION_ACTION_RECLASSIFIED, "", event);

        String retracted = requestId();
        CourtEvent current = event;
        event = once(() -> detentions.retractCourtEvent(RetractCourtEventRequest.newBuilder().setName(current.getName())
                .setEtag(current.getEtag()).setReason(REASON).setRequestId(retracted).build()).getCourtEvent());
        assertNewest(event.getName(), ADMIN, retracted, RevisionAction.REVISION_ACTION_RETRACTED, REASON, event);

        assertRestoreLeavesOneRevision(event.getName(), created);
        assertEquals(1, history().list(detention.getName()).size(), "a court event's writes leave none for its detention");
        assertEquals(1, history().list(charge.getName()).size(), "nor for its charges");
    }

    @Test
    void everyChargeWriteLeavesOneRevision() {
        Detention detention = createDetention(arrest(createPerson(ibadoglu()).getName(), date(2023, 7, 23)));
        var recorder = detentionsAs(Role.RECORDER);
        String id = requestId();
        Charge charge = once(() -> recorder.createCharge(CreateChargeRequest.newBuilder().setParent(detention.getName())
                .setCharge(charge("204.3.1", date(2023, 7, 25))).setRequestId(id).build()).getCharge());
        assertNewest(charge.getName(), RECORDER, id, RevisionAction.REVISION_ACTION_CREATED, "", charge);
        String created = history().newest(charge.getName()).revision().getRevisionId();

        String corrected = requestId();
        Charge described = charge;
        charge = once(() -> recorder.updateCharge(UpdateChargeRequest.newBuilder().setCharge(described.toBuilder()
                .setOffenceDescription("Counterfeit money")).setUpdateMask(mask("offence_description"))
                .setRequestId(corrected).build()).getCharge());
        assertNewest(charge.getName(), RECORDER, corrected, RevisionAction.REVISION_ACTION_UPDATED, "", charge);

        String changed = requestId();
        Charge filed = charge;
        charge = once(() -> recorder.changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setName(filed.getName())
                .setEtag(filed.getEtag()).setStatusChange(ChargeStatusChange.newBuilder()
                        .setStatus(ChargeStatus.CHARGE_STATUS_AMENDED).setEffectiveOn(date(2023, 12, 0)).addSources(source()))
                .setRequestId(changed).build()).getCharge());
        assertNewest(charge.getName(), RECORDER, changed, RevisionAction.REVISION_ACTION_STATUS_CHANGED, "", charge);

        String reclassified = requestId();
        Charge levelled = charge;
        charge = once(() -> detentions.updateCharge(UpdateChargeRequest.newBuilder().setCharge(levelled.toBuilder()
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)).setUpdateMask(mask("access_level"))
                .setRequestId(reclassified).build()).getCharge());
        assertNewest(charge.getName(), ADMIN, reclassified, RevisionAction.REVISION_ACTION_RECLASSIFIED, "", charge);

        String retracted = requestId();
        Charge current = charge;
        charge = once(() -> detentions.retractCharge(RetractChargeRequest.newBuilder().setName(current.getName())
                .setEtag(current.getEtag()).setReason(REASON).setRequestId(retracted).build()).getCharge());
        assertNewest(charge.getName(), ADMIN, retracted, RevisionAction.REVISION_ACTION_RETRACTED, REASON, charge);

        assertRestoreLeavesOneRevision(charge.getName(), created);
    }

    @Test
    void aRetryWithTheSameRequestIdLeavesNoSecondRevision() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        Charge charge = addCharge(detention, charge("204.3.1", date(2023, 7, 25)));
        List<Message> writes = List.of(
                CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build(),
                UpdatePersonRequest.newBuilder().setPerson(person.toBuilder().setDescription("Economist"))
                        .setUpdateMask(mask("description")).setRequestId(requestId()).build(),
                ChangeChargeStatusRequest.newBuilder().setName(charge.getName()).setEtag(charge.getEtag())
                        .setStatusChange(ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_DROPPED)
                                .setEffectiveOn(date(2024, 1, 0)).addSources(source()))
                        .setRequestId(requestId()).build(),
                RetractDetentionRequest.newBuilder().setName(detention.getName()).setEtag(detention.getEtag())
                        .setReason(REASON).setRequestId(requestId()).build());
        for (Message write : writes) {
            once(() -> send(write));
            long revisions = database.count("revision");
            send(write);
            assertEquals(revisions, database.count("revision"), write.getDescriptorForType().getName());
        }
        String revision = history().list(detention.getName()).get(1).revision().getRevisionId();
        String restoreId = requestId();
        String etag = history().etag(detention.getName());
        once(() -> history().restore(detention.getName(), revision, etag, "Retracted in error", restoreId));
        history().restore(detention.getName(), revision, etag, "Retracted in error", restoreId);
        assertEquals(3, history().list(detention.getName()).size());
    }

    @Test
    void theRevisionTableRefusesUpdatesAndDeletes() {
        Person person = createPerson(ibadoglu());

        for (String change : List.of("UPDATE revision SET reason = 'rewritten'", "DELETE FROM revision",
                "TRUNCATE revision")) {
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.createNativeQuery(change).executeUpdate()), change);
        }
        assertEquals(1, database.count("revision"));
        assertEquals("", history().list(person.getName()).get(0).revision().getReason());
    }

    private void assertRestoreLeavesOneRevision(String name, String revisionId) {
        String id = requestId();
        Message restored = once(() -> history().restore(name, revisionId, history().etag(name), "Retracted in error", id));
        assertNewest(name, ADMIN, id, RevisionAction.REVISION_ACTION_RESTORED, "Retracted in error", restored);
        assertEquals(revisionId, history().newest(name).revision().getRestoredRevisionId());
    }

    /** The newest revision names who, which request, what and why, and holds the record as the write answered it. */
    private void assertNewest(String name, String principal, String requestId, RevisionAction action, String reason,
            Message answer) {
        RevisionCalls.Revised newest = history().newest(name);
        assertEquals(principal, newest.revision().getPrincipal());
        assertEquals(requestId, newest.revision().getRequestId());
        assertEquals(action, newest.revision().getAction());
        assertEquals(reason, newest.revision().getReason());
        assertTrue(newest.revision().hasCreateTime());
        assertEquals(recorded(answer), newest.record());
    }

    /** What a revision keeps of a record: a detention without where it stands, which its events' revisions tell. */
    static Message recorded(Message record) {
        if (record instanceof Detention detention) {
            return detention.toBuilder().clearCurrentStatus().clearOngoing().clearDaysInCustody().clearEndDate().build();
        }
        return record;
    }

    /** Runs one write and checks that it left exactly one revision. */
    private <T> T once(Supplier<T> write) {
        long before = database.count("revision");
        T answer = write.get();
        assertEquals(before + 1, database.count("revision"), "revisions after one write");
        return answer;
    }

    private Message send(Message write) {
        if (write instanceof CreatePersonRequest r) {
            return persons.createPerson(r);
        }
        if (write instanceof UpdatePersonRequest r) {
            return persons.updatePerson(r);
        }
        if (write instanceof ChangeChargeStatusRequest r) {
            return detentions.changeChargeStatus(r);
        }
        return detentions.retractDetention((RetractDetentionRequest) write);
    }

    private static FieldMask mask(String path) {
        return FieldMask.newBuilder().addPaths(path).build();
    }
}
