package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.CustodyEventType;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.FeedItemKind;
import io.habeas.detention.domain.Incident;
import io.habeas.detention.domain.Person;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.records.RecordState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps feed entries in step with the records, in the same transaction as each write, including
 * each entry's effective level: the most restrictive of its record, its detention and its person
 * (an incident's: of itself and its person).
 */
@ApplicationScoped
class FeedProjector {
    /** The effective level of the entries chosen by a condition on f, recomputed from the records (as V2 does). */
    private static final String REFRESH_LEVELS = """
            UPDATE feed_entry f SET access_level = habeas_most_restrictive(
                (SELECT p.access_level FROM person p WHERE p.id = f.person_id),
                (SELECT d.access_level FROM detention d WHERE d.id = f.detention_id),
                (SELECT e.access_level FROM custody_event e WHERE e.id = f.record_id),
                (SELECT c.access_level FROM charge c WHERE c.id = f.record_id),
                (SELECT i.access_level FROM incident i WHERE i.id = f.record_id),
                (SELECT k.access_level FROM court_event k WHERE k.id = f.record_id))
            WHERE f.%s = :id""";
    /** Places the start and custody events of the detentions chosen by a condition on d, as V11 says. */
    private static final String PLACE_IN_LIFECYCLE =
            "SELECT habeas_place_in_lifecycle(d.id, string_to_array(:finals, ',')) FROM detention d WHERE d.%s = :id";
    /** The same for the detentions with these ids. */
    private static final String PLACE_ALL_IN_LIFECYCLE = "SELECT habeas_place_in_lifecycle(d.id, string_to_array(:finals, ','))"
            + " FROM detention d WHERE d.id = ANY(cast(:ids AS uuid[]))";
    /** The custody event types that end a detention, as the database is told them. */
    private static final String FINAL_TYPES = Arrays.stream(CustodyEventType.values()).filter(CustodyEventType::isFinal)
            .map(Enum::name).collect(Collectors.joining(","));

    void personChanged(Person person) {
        refreshLevels("person_id", person.id);
        placeInLifecycle("person_id", person.id); // whether an event may move to its release hangs on levels
    }

    /** A retracted person leaves both feeds with everything under it. */
    void personRetracted(Person person) {
        FeedEntry.delete("personId", person.id);
    }

    /** A person back from retraction: its active detentions come back with all under them, and its incidents. */
    void personRestored(Person person) {
        Detention.<Detention>list("personId = ?1 and state = ?2", person.id, RecordState.ACTIVE)
                .forEach(this::detentionRestored);
        Incident.<Incident>list("personId = ?1 and state = ?2", person.id, RecordState.ACTIVE)
                .forEach(incident -> incidentChanged(incident, person));
    }

    /**
     * A restored detention is projected whole: a retraction took its events and charges out with it,
     * and a restore may bring it back.
     */
    void detentionRestored(Detention detention) {
        detentionChanged(detention);
        if (!detention.isActive()) {
            return;
        }
        CustodyEvent.<CustodyEvent>list("detentionId = ?1 and state = ?2", detention.id, RecordState.ACTIVE)
                .forEach(event -> project(event, detention));
        Charge.<Charge>list("detentionId = ?1 and state = ?2", detention.id, RecordState.ACTIVE)
                .forEach(charge -> chargeChanged(charge, detention));
        CourtEvent.<CourtEvent>list("detentionId = ?1 and state = ?2", detention.id, RecordState.ACTIVE)
                .forEach(event -> courtEventChanged(event, detention));
        placeInLifecycle("id", detention.id);
    }

    void detentionChanged(Detention detention) {
        if (!detention.isActive()) {
            FeedEntry.delete("detentionId", detention.id);
            return;
        }
        upsert(FeedItemKind.DETENTION_STARTED, detention.id, FeedEntry.NO_STATUS_CHANGE, detention, detention.startDate,
                detention.accessLevel);
        FeedEntry.update("detainingCountry = ?1 where detentionId = ?2", detention.detainingCountry, detention.id);
        refreshLevels("detention_id", detention.id);
        placeInLifecycle("id", detention.id);
    }

    /** Any change to a custody event may move the others: it may be, or have been, the final one. */
    void custodyEventChanged(CustodyEvent event, Detention detention) {
        project(event, detention);
        placeInLifecycle("id", detention.id);
    }

    private static void project(CustodyEvent event, Detention detention) {
        if (!event.isActive()) {
            FeedEntry.delete("recordId", event.id);
            return;
        }
        upsert(FeedItemKind.CUSTODY_EVENT, event.id, FeedEntry.NO_STATUS_CHANGE, detention, event.occurredOn,
                event.accessLevel);
    }

    void courtEventChanged(CourtEvent event, Detention detention) {
        if (!event.isActive()) {
            FeedEntry.delete("recordId", event.id);
            return;
        }
        upsert(FeedItemKind.COURT_EVENT, event.id, FeedEntry.NO_STATUS_CHANGE, detention, event.occurredOn,
                event.accessLevel);
    }

    void chargeChanged(Charge charge, Detention detention) {
        if (!charge.isActive()) {
            FeedEntry.delete("recordId", charge.id);
            return;
        }
        upsert(FeedItemKind.CHARGE_FILED, charge.id, FeedEntry.NO_STATUS_CHANGE, detention, charge.filedOn,
                charge.accessLevel);
        for (int i = 0; i < charge.statusHistory.size(); i++) {
            upsert(FeedItemKind.CHARGE_STATUS_CHANGED, charge.id, i, detention,
                    charge.statusHistory.get(i).effectiveOn(), charge.accessLevel);
        }
        // A restore may give the charge a shorter history than it had.
        FeedEntry.delete("recordId = ?1 and statusChangeIndex >= ?2", charge.id, charge.statusHistory.size());
    }

    /** An incident is in its person's feed and its country's, under no detention. */
    void incidentChanged(Incident incident, Person person) {
        if (!incident.isActive() || !person.isActive()) {
            FeedEntry.delete("recordId", incident.id);
            return;
        }
        FeedEntry entry = FeedEntry.findById(incident.id);
        if (entry == null) {
            newEntry(incident, person).persist();
        } else {
            entry.place(incident, AccessLevel.mostRestrictive(incident.accessLevel, person.accessLevel));
        }
    }

    /** The entry of a new active incident of an active person, not stored yet. */
    static FeedEntry newEntry(Incident incident, Person person) {
        FeedEntry entry = new FeedEntry();
        entry.id = incident.id;
        entry.kind = FeedItemKind.INCIDENT;
        entry.recordId = incident.id;
        entry.place(incident, AccessLevel.mostRestrictive(incident.accessLevel, person.accessLevel));
        return entry;
    }

    /**
     * The entries of a new active detention and of the new records under it, as the single writes
     * project them one by one, not stored yet; {@link #placeInLifecycle(Collection)} places them once stored.
     */
    static List<FeedEntry> newEntries(Detention detention, Person person, List<CustodyEvent> custodyEvents, List<Charge> charges,
            List<CourtEvent> courtEvents) {
        List<FeedEntry> entries = new ArrayList<>();
        entries.add(newEntry(FeedItemKind.DETENTION_STARTED, detention.id, FeedEntry.NO_STATUS_CHANGE, detention, person,
                detention.startDate, detention.accessLevel));
        for (CustodyEvent event : custodyEvents) {
            entries.add(newEntry(FeedItemKind.CUSTODY_EVENT, event.id, FeedEntry.NO_STATUS_CHANGE, detention, person,
                    event.occurredOn, event.accessLevel));
        }
        for (Charge charge : charges) {
            entries.add(newEntry(FeedItemKind.CHARGE_FILED, charge.id, FeedEntry.NO_STATUS_CHANGE, detention, person,
                    charge.filedOn, charge.accessLevel));
            for (int i = 0; i < charge.statusHistory.size(); i++) {
                entries.add(newEntry(FeedItemKind.CHARGE_STATUS_CHANGED, charge.id, i, detention, person,
                        charge.statusHistory.get(i).effectiveOn(), charge.accessLevel));
            }
        }
        for (CourtEvent event : courtEvents) {
            entries.add(newEntry(FeedItemKind.COURT_EVENT, event.id, FeedEntry.NO_STATUS_CHANGE, detention, person,
                    event.occurredOn, event.accessLevel));
        }
        return entries;
    }

    private static void upsert(FeedItemKind kind, UUID recordId, int statusChangeIndex, Detention detention,
            PartialDate date, AccessLevel recordLevel) {
        Person person = Person.findById(detention.personId);
        FeedEntry entry = FeedEntry.<FeedEntry>find("recordId = ?1 and statusChangeIndex = ?2", recordId, statusChangeIndex)
                .firstResult();
        if (entry == null) {
            newEntry(kind, recordId, statusChangeIndex, detention, person, date, recordLevel).persist();
        } else {
            entry.place(detention, date, AccessLevel.mostRestrictive(recordLevel, detention.accessLevel, person.accessLevel));
        }
    }

    /** A new entry of a record under a detention, at the most restrictive level of the record, the detention and the person. */
    private static FeedEntry newEntry(FeedItemKind kind, UUID recordId, int statusChangeIndex, Detention detention, Person person,
            PartialDate date, AccessLevel recordLevel) {
        FeedEntry entry = new FeedEntry();
        entry.kind = kind;
        entry.recordId = recordId;
        entry.statusChangeIndex = statusChangeIndex;
        if (statusChangeIndex == FeedEntry.NO_STATUS_CHANGE) {
            entry.id = recordId;
        }
        entry.place(detention, date, AccessLevel.mostRestrictive(recordLevel, detention.accessLevel, person.accessLevel));
        return entry;
    }

    /** A level in the chain changed: every entry under it may now hang under another level. */
    private static void refreshLevels(String column, UUID id) {
        var entityManager = Panache.getEntityManager();
        entityManager.flush(); // the statement reads the records' levels as this transaction left them
        entityManager.createNativeQuery(REFRESH_LEVELS.formatted(column)).setParameter("id", id).executeUpdate();
    }

    /**
     * Places starts and custody events (the stage and placed date, which Hibernate only reads) from
     * the entries as this transaction left them, levels included.
     */
    private static void placeInLifecycle(String column, UUID id) {
        var entityManager = Panache.getEntityManager();
        entityManager.flush();
        entityManager.createNativeQuery(PLACE_IN_LIFECYCLE.formatted(column)).setParameter("finals", FINAL_TYPES)
                .setParameter("id", id).getResultList();
    }

    /** As {@link #placeInLifecycle(String, UUID)}, for many detentions in one statement. */
    static void placeInLifecycle(Collection<UUID> detentions) {
        if (detentions.isEmpty()) {
            return;
        }
        var entityManager = Panache.getEntityManager();
        entityManager.flush();
        entityManager.createNativeQuery(PLACE_ALL_IN_LIFECYCLE).setParameter("finals", FINAL_TYPES)
                .setParameter("ids", detentions.toArray(UUID[]::new)).getResultList();
    }
}
