package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.ChargeStatusChange;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.repository.DetentionRepository;
import io.habeas.kernel.names.ChargeName;
import io.habeas.support.access.Caller;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds which of the records an answer links to its reader may see: at most one statement for the
 * charges and one for the court events, whatever the answer's size, none when nothing is linked.
 */
@ApplicationScoped
public class CourtEventLinks {
    @Inject
    DetentionRepository repository;
    @Inject
    Caller caller;
    @Inject
    Snapshots snapshots;

    /** The links of these records (court events, charges; others link nothing), read now. */
    public LinkedRecords of(Collection<?> records) {
        return of(records, snapshots.at(AsOf.NOW));
    }

    /** The links of these records, read as of the instant they were read at (and visible now). */
    public LinkedRecords of(Collection<?> records, AsOf asOf) {
        return of(records, snapshots.at(asOf));
    }

    /** The links of these records, as of the snapshot they were read at (and visible now). */
    public LinkedRecords of(Collection<?> records, Snapshot at) {
        Set<UUID> charges = new HashSet<>();
        Set<UUID> courtEvents = new HashSet<>();
        for (Object record : records) {
            if (record instanceof CourtEvent event) {
                charges.addAll(event.charges());
            } else if (record instanceof Charge charge) {
                courtEventsOf(charge.statusHistory, courtEvents);
            }
        }
        return resolve(charges, courtEvents, at);
    }

    /** The links of a court event's revisions: the charges they name, as visible now. */
    public LinkedRecords ofChargeNames(Collection<String> names) {
        Set<UUID> ids = names.stream().map(name -> ChargeName.parse(name, "charges").id()).collect(Collectors.toSet());
        return resolve(ids, Set.of(), snapshots.at(AsOf.NOW));
    }

    /** The links of a charge's revisions: the court events their status changes follow, as visible now. */
    public LinkedRecords ofStatusChanges(Collection<ChargeStatusChange> changes) {
        Set<UUID> ids = new HashSet<>();
        courtEventsOf(changes, ids);
        return resolve(Set.of(), ids, snapshots.at(AsOf.NOW));
    }

    private LinkedRecords resolve(Set<UUID> charges, Set<UUID> courtEvents, Snapshot at) {
        var levels = caller.clearance().readableLevels();
        Set<UUID> shownCharges = repository.visibleAmong(Charge.class, "charge", charges, levels, at).stream()
                .map(charge -> charge.id).collect(Collectors.toSet());
        List<CourtEvent> shownEvents = repository.visibleAmong(CourtEvent.class, "court_event", courtEvents, levels, at);
        return new LinkedRecords(shownCharges,
                shownEvents.stream().collect(Collectors.toMap(event -> event.id, Function.identity())), false);
    }

    private static void courtEventsOf(Collection<ChargeStatusChange> changes, Set<UUID> into) {
        changes.stream().filter(change -> change.courtEvent() != null)
                .forEach(change -> into.add(LinkedRecords.id(change.courtEvent())));
    }
}
