package io.habeas.detention.mapping;

import io.habeas.common.v1.Source;
import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.ChargeStatus;
import io.habeas.detention.domain.ChargeStatusChange;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Person;
import io.habeas.detention.service.ChargeDraft;
import io.habeas.detention.service.CourtEventDraft;
import io.habeas.detention.service.CustodyEventDraft;
import io.habeas.detention.service.DetentionDraft;
import io.habeas.detention.service.LinkedRecords;
import io.habeas.detention.service.PersonDraft;
import io.habeas.detention.service.RestoredCharge;
import io.habeas.detention.service.RestoredRecord;
import io.habeas.detention.v1.ChargeRevision;
import io.habeas.detention.v1.CourtEventRevision;
import io.habeas.detention.v1.CustodyEventRevision;
import io.habeas.detention.v1.DetentionRevision;
import io.habeas.detention.v1.PersonRevision;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.grpc.RevisionMapper;
import io.habeas.support.grpc.SourceMapper;
import io.habeas.support.records.RecordState;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.revisions.Revisions.Change;
import java.util.List;

/**
 * What a revision keeps of each kind of record, and how it reads back. The snapshot is the
 * record's message as an admin reads it, every source included, without what derives from the
 * custody events a reader may see (a detention's current status, end, whether it is ongoing and
 * its days in custody: the events have revisions of their own), and of a charge's status changes
 * only what they hold themselves (the court event a change follows by name; the sentence taken
 * from it is not kept). Its level is the record's effective one: the most restrictive of its own
 * and those of what it hangs under.
 */
public final class RevisionSnapshots {
    public static final String PERSON = "person";
    public static final String DETENTION = "detention";
    public static final String CUSTODY_EVENT = "custody_event";
    public static final String CHARGE = "charge";
    public static final String COURT_EVENT = "court_event";

    static final Clearance EVERY_SOURCE = Clearance.of(Role.ADMIN);

    private RevisionSnapshots() {
    }

    /** A correction that changed the record's own level reclassified it. */
    public static RevisionAction correction(AccessLevel before, AccessLevel after) {
        return before == after ? RevisionAction.UPDATED : RevisionAction.RECLASSIFIED;
    }

    public static Change of(Person person, RevisionAction action) {
        return Change.of(PERSON, person.id, action, person.accessLevel, PersonMapper.toProto(person, EVERY_SOURCE));
    }

    public static Change of(Detention detention, Person person, RevisionAction action) {
        return Change.of(DETENTION, detention.id, action,
                AccessLevel.mostRestrictive(detention.accessLevel, person.accessLevel),
                DetentionMapper.recorded(detention, EVERY_SOURCE).build());
    }

    public static Change of(CustodyEvent event, Detention detention, Person person, RevisionAction action) {
        return Change.of(CUSTODY_EVENT, event.id, action,
                AccessLevel.mostRestrictive(event.accessLevel, detention.accessLevel, person.accessLevel),
                DetentionMapper.toProto(event, EVERY_SOURCE));
    }

    public static Change of(Charge charge, Detention detention, Person person, RevisionAction action) {
        return Change.of(CHARGE, charge.id, action,
                AccessLevel.mostRestrictive(charge.accessLevel, detention.accessLevel, person.accessLevel),
                DetentionMapper.toProto(charge, EVERY_SOURCE, LinkedRecords.STORED));
    }

    public static Change of(CourtEvent event, Detention detention, Person person, RevisionAction action) {
        return Change.of(COURT_EVENT, event.id, action,
                AccessLevel.mostRestrictive(event.accessLevel, detention.accessLevel, person.accessLevel),
                CourtEventMapper.toProto(event, EVERY_SOURCE, LinkedRecords.STORED));
    }

    // --- restores: the recorded fields, as drafts an update would take ---

    public static RestoredRecord<PersonDraft> restoredPerson(Revision revision) {
        var person = Revisions.snapshot(revision, io.habeas.detention.v1.Person.parser());
        return new RestoredRecord<>(PersonMapper.toDraft(person), state(person.getState()), person.getRetractionReason());
    }

    public static RestoredRecord<DetentionDraft> restoredDetention(Revision revision) {
        var detention = Revisions.snapshot(revision, io.habeas.detention.v1.Detention.parser());
        return new RestoredRecord<>(DetentionMapper.toDraft(detention), state(detention.getState()),
                detention.getRetractionReason());
    }

    public static RestoredRecord<CustodyEventDraft> restoredCustodyEvent(Revision revision) {
        var event = Revisions.snapshot(revision, io.habeas.detention.v1.CustodyEvent.parser());
        return new RestoredRecord<>(DetentionMapper.toDraft(event), state(event.getState()), event.getRetractionReason());
    }

    public static RestoredRecord<RestoredCharge> restoredCharge(Revision revision) {
        var charge = Revisions.snapshot(revision, io.habeas.detention.v1.Charge.parser());
        var fields = new RestoredCharge(DetentionMapper.toRestoredDraft(charge),
                CommonProtos.toDomain(charge.getStatus(), ChargeStatus.class),
                charge.getStatusHistoryList().stream().map(DetentionMapper::statusChange).toList());
        return new RestoredRecord<>(fields, state(charge.getState()), charge.getRetractionReason());
    }

    public static RestoredRecord<CourtEventDraft> restoredCourtEvent(Revision revision) {
        var event = Revisions.snapshot(revision, io.habeas.detention.v1.CourtEvent.parser());
        return new RestoredRecord<>(CourtEventMapper.toDraft(event), state(event.getState()), event.getRetractionReason());
    }

    /** The records a revision's snapshot names: a court event's charges. */
    public static List<String> chargesNamedBy(Revision revision) {
        return Revisions.snapshot(revision, io.habeas.detention.v1.CourtEvent.parser()).getChargesList();
    }

    /** The status changes of a charge as one revision left it. */
    public static List<ChargeStatusChange> statusChangesOf(Revision revision) {
        return Revisions.snapshot(revision, io.habeas.detention.v1.Charge.parser()).getStatusHistoryList().stream()
                .map(DetentionMapper::statusChange).toList();
    }

    // --- reads: each snapshot with the sources the reader may see ---

    public static PersonRevision personRevision(Revision revision, Clearance reader) {
        var person = Revisions.snapshot(revision, io.habeas.detention.v1.Person.parser());
        return PersonRevision.newBuilder().setRevision(RevisionMapper.toProto(revision))
                .setPerson(person.toBuilder().clearSources()
                        .addAllSources(visible(person.getSourcesList(), revision, reader)))
                .build();
    }

    public static DetentionRevision detentionRevision(Revision revision, Clearance reader) {
        var detention = Revisions.snapshot(revision, io.habeas.detention.v1.Detention.parser());
        return DetentionRevision.newBuilder().setRevision(RevisionMapper.toProto(revision))
                .setDetention(detention.toBuilder().clearSources()
                        .addAllSources(visible(detention.getSourcesList(), revision, reader)))
                .build();
    }

    public static CustodyEventRevision custodyEventRevision(Revision revision, Clearance reader) {
        var event = Revisions.snapshot(revision, io.habeas.detention.v1.CustodyEvent.parser());
        return CustodyEventRevision.newBuilder().setRevision(RevisionMapper.toProto(revision))
                .setCustodyEvent(event.toBuilder().clearSources()
                        .addAllSources(visible(event.getSourcesList(), revision, reader)))
                .build();
    }

    /** The charge as the revision left it, with the sources and the court events the reader may see. */
    public static ChargeRevision chargeRevision(Revision revision, Clearance reader, LinkedRecords linked) {
        var charge = Revisions.snapshot(revision, io.habeas.detention.v1.Charge.parser()).toBuilder();
        var sources = visible(charge.getSourcesList(), revision, reader);
        charge.clearSources().addAllSources(sources);
        for (var change : charge.getStatusHistoryBuilderList()) {
            var shown = visible(change.getSourcesList(), revision, reader);
            change.clearSources().addAllSources(shown);
            if (!change.getCourtEvent().isEmpty() && !linked.showsCourtEvent(change.getCourtEvent())) {
                change.clearCourtEvent();
            }
        }
        return ChargeRevision.newBuilder().setRevision(RevisionMapper.toProto(revision)).setCharge(charge).build();
    }

    /** The court event as the revision left it, with the sources and the charges the reader may see. */
    public static CourtEventRevision courtEventRevision(Revision revision, Clearance reader, LinkedRecords linked) {
        var event = Revisions.snapshot(revision, io.habeas.detention.v1.CourtEvent.parser());
        return CourtEventRevision.newBuilder().setRevision(RevisionMapper.toProto(revision))
                .setCourtEvent(event.toBuilder().clearSources()
                        .addAllSources(visible(event.getSourcesList(), revision, reader))
                        .clearCharges().addAllCharges(event.getChargesList().stream()
                                .filter(charge -> linked.showsCharge(ChargeName.parse(charge, "charges").id())).toList()))
                .build();
    }

    /**
     * The sources the reader may see, by the revision's level: the reader clears it, so the answer is
     * the same as by the record's own level then. An unlevelled source goes with its record.
     */
    static List<Source> visible(List<Source> sources, Revision revision, Clearance reader) {
        return sources.stream()
                .filter(source -> SourceAccess.visible(SourceMapper.sources(List.of(source)).get(0), revision.accessLevel,
                        reader))
                .toList();
    }

    static RecordState state(io.habeas.common.v1.RecordState state) {
        return state == io.habeas.common.v1.RecordState.RECORD_STATE_RETRACTED ? RecordState.RETRACTED
                : RecordState.ACTIVE;
    }
}
