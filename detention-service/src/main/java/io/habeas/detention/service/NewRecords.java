package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.detention.domain.Incident;
import io.habeas.detention.domain.Person;
import io.habeas.detention.mapping.CourtEventMapper;
import io.habeas.detention.mapping.DetentionMapper;
import io.habeas.detention.mapping.IncidentMapper;
import io.habeas.detention.mapping.PersonMapper;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.identifiers.ExternalIdTakenException;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.access.Caller;
import io.habeas.support.records.ExternalIdRegister;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Import records whose person is new, each built whole in memory by the pieces the single writes
 * build their records with, checked by the same rules, and stored with the batch's other new
 * records: one insert per table and JDBC batch, no read. A record this cannot build alone takes
 * the single writes ({@link RecordImport}): one with a second detention that is not concurrent
 * (the ongoing-detention rule reads the stored state), a court event naming charges, or a part
 * under a person or detention the caller may not see (the single writes answer NOT_FOUND there).
 *
 * <p>What the single writes check against the stored state holds here by construction: no person
 * holds the record's external ids (the batch's {@link ImportIndex} has none, and no earlier record
 * of the batch claimed one), and a new person has no detention, so none is ongoing. The checks on
 * each part alone ran before the batch ({@link RecordImport#precheck}).
 */
@ApplicationScoped
class NewRecords {
    private static final ExternalIdRegister EXTERNAL_IDS = new ExternalIdRegister("person");
    /** Rows per JDBC batch of one table, sent as one multi-row INSERT (reWriteBatchedInserts). */
    private static final int ROWS_PER_INSERT = 500;

    @Inject
    Caller caller;
    @Inject
    Revisions revisions;
    @Inject
    EntityManager entityManager;

    /** Another call stored one of the new persons' identifiers after this try looked them up: the try fails, and runs again. */
    static final class TakenMeanwhile extends RuntimeException {
        TakenMeanwhile(ExternalIdTakenException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A person record built whole, not stored yet. */
    record Built(Person person, List<BuiltDetention> detentions, List<Incident> incidents) {
    }

    /** A detention with what happened in it and where it stands for each reader level. */
    record BuiltDetention(Detention detention, List<DetentionOutcome> outcomes, List<CustodyEvent> custodyEvents,
            List<Charge> charges, List<CourtEvent> courtEvents) {
    }

    /** What one try of a batch built and has not stored yet, and the identifiers its new persons hold. */
    static final class Pending {
        private final List<Built> built = new ArrayList<>();
        private final Set<ExternalId> claimed = new HashSet<>();

        /** Whether no person this try created holds any of these identifiers. */
        boolean free(Collection<ExternalId> ids) {
            return ids.stream().noneMatch(claimed::contains);
        }

        void claim(Collection<ExternalId> ids) {
            claimed.addAll(ids);
        }
    }

    /**
     * The record built and added to what is pending, or empty when it takes the single writes. A
     * part a rule refuses is thrown as a {@link RejectedPart} naming it, as the single writes
     * would: the first in their order. Nothing of a refused record was stored.
     */
    Optional<Built> build(ImportRecord record, Pending pending) {
        if (!buildable(record)) {
            return Optional.empty();
        }
        Clearance writer = caller.clearance();
        Person person = RecordImport.part("", () -> PersonService.newPerson(PersonMapper.toDraft(record.getPerson())));
        if (!writer.clears(person.accessLevel)) {
            return Optional.empty();
        }
        List<BuiltDetention> detentions = new ArrayList<>();
        for (int i = 0; i < record.getDetentionsCount(); i++) {
            BuiltDetention built = detention(person, record.getDetentions(i), "detentions[" + i + "]", writer);
            if (built == null) {
                return Optional.empty();
            }
            detentions.add(built);
        }
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < record.getIncidentsCount(); i++) {
            var imported = record.getIncidents(i);
            Incident incident = RecordImport.part("incidents[" + i + "]",
                    () -> IncidentService.newIncident(IncidentMapper.toDraft(imported.getIncident()), person));
            incident.importKey = ImportKeys.stored(imported.getImportKey());
            incidents.add(incident);
        }
        Built built = new Built(person, detentions, incidents);
        pending.built.add(built);
        pending.claim(person.externalIds);
        return Optional.of(built);
    }

    /**
     * Stores what is pending: every row of one table after another, through a stateless session on
     * the transaction's connection (so that each table's inserts batch, and no copy of each row is
     * kept to be checked for changes at commit), then places the new detentions' feed entries in
     * their lifecycles, one statement.
     */
    void store(Pending pending) {
        if (pending.built.isEmpty()) {
            return;
        }
        List<Built> built = List.copyOf(pending.built);
        pending.built.clear();
        List<BuiltDetention> detentions = built.stream().flatMap(b -> b.detentions().stream()).toList();
        List<Object> feed = new ArrayList<>();
        List<Object> revised = new ArrayList<>();
        for (Built b : built) {
            revised.add(revisions.prepare(RevisionSnapshots.of(b.person(), RevisionAction.CREATED)));
            for (BuiltDetention d : b.detentions()) {
                Detention detention = d.detention();
                feed.addAll(FeedProjector.newEntries(detention, b.person(), d.custodyEvents(), d.charges(), d.courtEvents()));
                revised.add(revisions.prepare(RevisionSnapshots.of(detention, b.person(), RevisionAction.CREATED)));
                d.custodyEvents().forEach(e -> revised.add(revisions.prepare(
                        RevisionSnapshots.of(e, detention, b.person(), RevisionAction.CREATED))));
                d.charges().forEach(c -> revised.add(revisions.prepare(
                        RevisionSnapshots.of(c, detention, b.person(), RevisionAction.CREATED))));
                d.courtEvents().forEach(e -> revised.add(revisions.prepare(
                        RevisionSnapshots.of(e, detention, b.person(), RevisionAction.CREATED))));
            }
            for (Incident incident : b.incidents()) {
                feed.add(FeedProjector.newEntry(incident, b.person()));
                revised.add(revisions.prepare(IncidentMapper.revision(incident, b.person(), RevisionAction.CREATED)));
            }
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush(); // what the single writes left, first
        try (StatelessSession rows = session.statelessWithOptions().connection().statementInspector().open()) {
            rows.setJdbcBatchSize(ROWS_PER_INSERT);
            try {
                EXTERNAL_IDS.flush(() -> rows.insertMultiple(built.stream().map(Built::person).toList()), "person.external_ids");
            } catch (ExternalIdTakenException meanwhile) {
                throw new TakenMeanwhile(meanwhile);
            }
            rows.insertMultiple(detentions.stream().map(BuiltDetention::detention).toList());
            rows.insertMultiple(detentions.stream().flatMap(d -> d.outcomes().stream()).toList());
            rows.insertMultiple(detentions.stream().flatMap(d -> d.custodyEvents().stream()).toList());
            rows.insertMultiple(detentions.stream().flatMap(d -> d.charges().stream()).toList());
            rows.insertMultiple(detentions.stream().flatMap(d -> d.courtEvents().stream()).toList());
            rows.insertMultiple(built.stream().flatMap(b -> b.incidents().stream()).toList());
            rows.insertMultiple(feed);
            rows.insertMultiple(revised);
        }
        FeedProjector.placeInLifecycle(detentions.stream().map(d -> d.detention().id).toList());
    }

    /** Court events that name charges, and detentions after the first that are not concurrent, take the single writes. */
    private static boolean buildable(ImportRecord record) {
        for (int i = 0; i < record.getDetentionsCount(); i++) {
            ImportDetention detention = record.getDetentions(i);
            if (i > 0 && !detention.getAllowConcurrent()) {
                return false;
            }
            if (detention.getCourtEventsList().stream().anyMatch(e -> e.getCourtEvent().getChargesCount() > 0)) {
                return false;
            }
        }
        return true;
    }

    /** The detention built, or null when the caller may not see it once stored. */
    private BuiltDetention detention(Person person, ImportDetention imported, String path, Clearance writer) {
        var sent = imported.getDetention().toBuilder().setPerson(PersonName.of(person.id).toString()).build();
        Detention detention = RecordImport.part(path, () -> DetentionService.newDetention(DetentionMapper.toDraft(sent), person));
        detention.importKey = ImportKeys.stored(imported.getImportKey());
        if (!writer.clears(detention.accessLevel)) {
            return null;
        }
        List<CustodyEvent> events = new ArrayList<>();
        for (int j = 0; j < imported.getCustodyEventsCount(); j++) {
            var part = imported.getCustodyEvents(j);
            RecordImport.part(path + ".custody_events[" + j + "]", () -> {
                CustodyEvent event = CustodyEventService.newEvent(DetentionMapper.toDraft(part.getCustodyEvent()), detention);
                event.importKey = ImportKeys.stored(part.getImportKey());
                events.add(event);
                // As CreateCustodyEvent: the history with this event must hold together.
                return CustodyHistory.replay(detention, events, e -> writer.clears(e.accessLevel));
            });
        }
        List<DetentionOutcome> outcomes = DetentionOutcomes.outcomes(detention, events, writer);
        List<Charge> charges = new ArrayList<>();
        for (int j = 0; j < imported.getChargesCount(); j++) {
            var part = imported.getCharges(j);
            Charge charge = RecordImport.part(path + ".charges[" + j + "]",
                    () -> ChargeService.newCharge(DetentionMapper.toDraft(part.getCharge()), detention));
            charge.importKey = ImportKeys.stored(part.getImportKey());
            charges.add(charge);
        }
        List<CourtEvent> courtEvents = new ArrayList<>();
        for (int j = 0; j < imported.getCourtEventsCount(); j++) {
            var part = imported.getCourtEvents(j);
            CourtEvent event = RecordImport.part(path + ".court_events[" + j + "]",
                    () -> CourtEventService.newEvent(CourtEventMapper.toDraft(part.getCourtEvent()), List.<UUID>of(), detention));
            event.importKey = ImportKeys.stored(part.getImportKey());
            courtEvents.add(event);
        }
        return new BuiltDetention(detention, outcomes, events, charges, courtEvents);
    }
}
