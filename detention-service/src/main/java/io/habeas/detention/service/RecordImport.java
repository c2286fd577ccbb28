package io.habeas.detention.service;

import io.habeas.detention.mapping.CourtEventMapper;
import io.habeas.detention.mapping.DetentionMapper;
import io.habeas.detention.mapping.IncidentMapper;
import io.habeas.detention.mapping.PersonMapper;
import io.habeas.detention.repository.ImportIndexRepository.KeyedTable;
import io.habeas.detention.v1.ImportCharge;
import io.habeas.detention.v1.ImportCourtEvent;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportIncident;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.errors.ConflictException;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.PermissionDeniedException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.access.Caller;
import io.habeas.support.imports.ImportEffect;
import io.habeas.support.imports.Reconciliation;
import io.habeas.support.imports.RejectedPart;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Stores one import record inside its batch's transaction, each part through the use case its
 * single write runs (so with the same checks, levels, feed entries and revisions). A part the use
 * case refuses is thrown as a {@link RejectedPart}; the batch then leaves the whole record out.
 */
@ApplicationScoped
class RecordImport {
    /** The record's effect and its person; or, refused before any of it was stored, the part refused. */
    record Stored(ImportEffect effect, String person, RejectedPart refused) {
        static Stored of(ImportEffect effect, UUID person) {
            return new Stored(effect, PersonName.of(person).toString(), null);
        }
    }

    @Inject
    PersonService persons;
    @Inject
    DetentionService detentions;
    @Inject
    CustodyEventService custodyEvents;
    @Inject
    ChargeService charges;
    @Inject
    CourtEventService courtEvents;
    @Inject
    IncidentService incidents;
    @Inject
    Reconciliation reconciliation;
    @Inject
    NewRecords newRecords;
    @Inject
    Caller caller;
    @Inject
    RequestValidator validator;

    /**
     * The checks each part's use case makes first, on the part alone, run before the batch's
     * transaction: a record that fails them is left out without costing the batch another try.
     */
    void precheck(ImportRecord record) {
        part("", () -> {
            ImportKeys.check(record);
            validator.check(PersonMapper.toDraft(record.getPerson()), "person");
            return null;
        });
        for (int i = 0; i < record.getDetentionsCount(); i++) {
            ImportDetention detention = record.getDetentions(i);
            String path = "detentions[" + i + "]";
            // Any person: the draft's own rules do not read it, and the record's person does not exist yet.
            check(path, DetentionMapper.toDraft(detention.getDetention().toBuilder().setPerson(PersonName.of(new UUID(0, 0))
                    .toString()).build()), "detention");
            for (int j = 0; j < detention.getCustodyEventsCount(); j++) {
                check(path + ".custody_events[" + j + "]",
                        DetentionMapper.toDraft(detention.getCustodyEvents(j).getCustodyEvent()), "custody_event");
            }
            for (int j = 0; j < detention.getChargesCount(); j++) {
                check(path + ".charges[" + j + "]", DetentionMapper.toDraft(detention.getCharges(j).getCharge()), "charge");
            }
            for (int j = 0; j < detention.getCourtEventsCount(); j++) {
                check(path + ".court_events[" + j + "]",
                        CourtEventMapper.toDraft(detention.getCourtEvents(j).getCourtEvent()), "court_event");
            }
        }
        for (int i = 0; i < record.getIncidentsCount(); i++) {
            check("incidents[" + i + "]", IncidentMapper.toDraft(record.getIncidents(i).getIncident()), "incident");
        }
    }

    private void check(String path, Object draft, String field) {
        part(path, () -> {
            validator.check(draft, field);
            return null;
        });
    }

    /**
     * Stores the record: built with the batch's other new records when its person is new and it
     * can ({@link NewRecords}), through the single writes otherwise, once all the batch built
     * before it is stored.
     */
    Stored store(ImportRecord record, ImportIndex index, NewRecords.Pending pending) {
        var ids = record.getPerson().getExternalIdsList().stream().map(ExternalId::fromProto).toList();
        var held = part("", () -> index.holder(ids));
        if (held.isEmpty() && pending.free(ids)) {
            try {
                var built = newRecords.build(record, pending);
                if (built.isPresent()) {
                    return Stored.of(ImportEffect.CREATED, built.get().person().id);
                }
            } catch (RejectedPart refused) {
                return new Stored(null, "", refused);
            }
        }
        newRecords.store(pending);
        pending.claim(ids); // created or given to a stored person: a later record's single write finds the holder
        UUID person;
        boolean changed;
        if (held.isPresent()) {
            person = held.get();
            changed = part("", () -> updatePerson(person, record.getPerson()));
        } else {
            person = part("", () -> persons.create(PersonMapper.toDraft(record.getPerson())).id);
            changed = true;
        }
        for (int i = 0; i < record.getDetentionsCount(); i++) {
            changed |= storeDetention(person, record.getDetentions(i), "detentions[" + i + "]", index);
        }
        for (int i = 0; i < record.getIncidentsCount(); i++) {
            changed |= storeIncident(person, record.getIncidents(i), "incidents[" + i + "]", index);
        }
        ImportEffect effect = held.isEmpty() ? ImportEffect.CREATED : changed ? ImportEffect.UPDATED : ImportEffect.UNCHANGED;
        return Stored.of(effect, person);
    }

    private boolean updatePerson(UUID id, io.habeas.detention.v1.Person incoming) {
        io.habeas.detention.domain.Person visible;
        try {
            visible = persons.get(PersonName.of(id).toString(), "person.external_ids");
        } catch (NotFoundException hidden) {
            // As CreatePerson: ALREADY_EXISTS for the taken identifier, naming no person the caller may not see.
            persons.create(PersonMapper.toDraft(incoming));
            throw new IllegalStateException("an identifier held by a hidden person was given to another");
        }
        var stored = PersonMapper.toProto(visible, caller.clearance());
        var merged = reconciliation.changes(stored, incoming, PersonMapper.UPDATABLE);
        merged.ifPresent(m -> persons.update(stored.getName(), stored.getEtag(), PersonMapper.toDraft(m)));
        return merged.isPresent();
    }

    private boolean storeDetention(UUID person, ImportDetention imported, String path, ImportIndex index) {
        var incoming = imported.getDetention().toBuilder().setPerson(PersonName.of(person).toString()).build();
        var keyed = index.keyed(KeyedTable.DETENTION, person, imported.getImportKey());
        UUID detention;
        boolean changed;
        if (keyed.isPresent()) {
            detention = keyed.get();
            String name = DetentionName.of(detention).toString();
            changed = part(path, () -> {
                var stored = DetentionMapper.toProto(keyed(() -> detentions.read(name, "detention.name")), caller.clearance(),
                        LocalDate.now(ZoneOffset.UTC));
                var merged = reconciliation.changes(stored, incoming, DetentionMapper.DETENTION_UPDATABLE);
                merged.ifPresent(m -> detentions.update(name, stored.getEtag(), DetentionMapper.toDraft(m)));
                return merged.isPresent();
            });
        } else {
            detention = part(path, () -> {
                var created = detentions.create(DetentionMapper.toDraft(incoming), imported.getAllowConcurrent()).detention();
                created.importKey = ImportKeys.stored(imported.getImportKey());
                return created.id;
            });
            changed = true;
        }
        String parent = DetentionName.of(detention).toString();
        for (int i = 0; i < imported.getCustodyEventsCount(); i++) {
            changed |= storeCustodyEvent(detention, parent, imported.getCustodyEvents(i), path + ".custody_events[" + i + "]", index);
        }
        for (int i = 0; i < imported.getChargesCount(); i++) {
            changed |= storeCharge(detention, parent, imported.getCharges(i), path + ".charges[" + i + "]", index);
        }
        for (int i = 0; i < imported.getCourtEventsCount(); i++) {
            changed |= storeCourtEvent(detention, parent, imported.getCourtEvents(i), path + ".court_events[" + i + "]", index);
        }
        return changed;
    }

    private boolean storeCustodyEvent(UUID detention, String parent, ImportCustodyEvent imported, String path, ImportIndex index) {
        var keyed = index.keyed(KeyedTable.CUSTODY_EVENT, detention, imported.getImportKey());
        return part(path, () -> {
            if (keyed.isPresent()) {
                String name = new CustodyEventName(detention, keyed.get()).toString();
                var stored = DetentionMapper.toProto(keyed(() -> custodyEvents.get(name, "custody_event.name")), caller.clearance());
                var merged = reconciliation.changes(stored, imported.getCustodyEvent(), DetentionMapper.EVENT_UPDATABLE);
                merged.ifPresent(m -> custodyEvents.update(name, stored.getEtag(), DetentionMapper.toDraft(m)));
                return merged.isPresent();
            }
            custodyEvents.create(parent, DetentionMapper.toDraft(imported.getCustodyEvent())).importKey =
                    ImportKeys.stored(imported.getImportKey());
            return true;
        });
    }

    private boolean storeCharge(UUID detention, String parent, ImportCharge imported, String path, ImportIndex index) {
        var keyed = index.keyed(KeyedTable.CHARGE, detention, imported.getImportKey());
        return part(path, () -> {
            if (keyed.isPresent()) {
                String name = new ChargeName(detention, keyed.get()).toString();
                var stored = DetentionMapper.toProto(keyed(() -> charges.get(name, "charge.name")), caller.clearance(), LinkedRecords.STORED);
                var merge = reconciliation.merge(stored, sentArticle(stored, imported.getCharge()),
                        DetentionMapper.CHARGE_UPDATABLE);
                merge.ifPresent(m -> charges.update(name, stored.getEtag(), DetentionMapper.toCorrectionDraft(m.merged(), m.changed())));
                return merge.isPresent();
            }
            charges.create(parent, DetentionMapper.toDraft(imported.getCharge())).importKey =
                    ImportKeys.stored(imported.getImportKey());
            return true;
        });
    }

    private boolean storeCourtEvent(UUID detention, String parent, ImportCourtEvent imported, String path, ImportIndex index) {
        var keyed = index.keyed(KeyedTable.COURT_EVENT, detention, imported.getImportKey());
        return part(path, () -> {
            if (keyed.isPresent()) {
                String name = new CourtEventName(detention, keyed.get()).toString();
                var stored = CourtEventMapper.toProto(keyed(() -> courtEvents.get(name, "court_event.name")), caller.clearance(),
                        LinkedRecords.STORED);
                var merged = reconciliation.changes(stored, imported.getCourtEvent(), CourtEventMapper.UPDATABLE);
                merged.ifPresent(m -> courtEvents.update(name, stored.getEtag(), CourtEventMapper.toDraft(m)));
                return merged.isPresent();
            }
            courtEvents.create(parent, CourtEventMapper.toDraft(imported.getCourtEvent())).importKey =
                    ImportKeys.stored(imported.getImportKey());
            return true;
        });
    }

    private boolean storeIncident(UUID person, ImportIncident imported, String path, ImportIndex index) {
        var keyed = index.keyed(KeyedTable.INCIDENT, person, imported.getImportKey());
        return part(path, () -> {
            if (keyed.isPresent()) {
                String name = new IncidentName(person, keyed.get()).toString();
                var stored = IncidentMapper.toProto(keyed(() -> incidents.get(name, "incident.name")), caller.clearance());
                var merged = reconciliation.changes(stored, imported.getIncident(), IncidentMapper.UPDATABLE);
                merged.ifPresent(m -> incidents.update(name, stored.getEtag(), IncidentMapper.toDraft(m)));
                return merged.isPresent();
            }
            incidents.create(PersonName.of(person).toString(), IncidentMapper.toDraft(imported.getIncident())).importKey =
                    ImportKeys.stored(imported.getImportKey());
            return true;
        });
    }

    /**
     * The charge as sent, a missing article read as the stored one: the structure Habeas read from
     * the reference stays (and is read again if the reference changes).
     */
    private static io.habeas.detention.v1.Charge sentArticle(io.habeas.detention.v1.Charge stored,
            io.habeas.detention.v1.Charge incoming) {
        return incoming.hasArticle() || !stored.hasArticle() ? incoming : incoming.toBuilder().setArticle(stored.getArticle()).build();
    }

    /**
     * The stored record an import key names. One the caller may not see is not named: the key is
     * taken (ALREADY_EXISTS, IMPORT_KEY_TAKEN), as an external id another person holds is.
     */
    private static <T> T keyed(Supplier<T> read) {
        try {
            return read.get();
        } catch (NotFoundException hidden) {
            throw new ConflictException(ConflictException.Kind.ALREADY_EXISTS, "IMPORT_KEY_TAKEN",
                    "import_key names a record under this parent that the caller may not see");
        }
    }

    /** Runs one part's write; a refusal its single write would answer rejects the record, naming the part. */
    static <T> T part(String path, Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidArgumentException | NotFoundException | FailedPreconditionException | PermissionDeniedException
                | ConflictException refused) {
            throw new RejectedPart(path, refused);
        }
    }
}
