package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.repository.DetentionRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.habeas.support.records.RecordState;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Court events: steps of the proceedings behind a detention, naming charges of that detention.
 * They change neither the custody status nor the detention's dates, which do not bound them.
 */
@ApplicationScoped
public class CourtEventService {
    @Inject
    RequestValidator validator;
    @Inject
    DetentionRepository repository;
    @Inject
    DetentionService detentions;
    @Inject
    FeedProjector feed;
    @Inject
    Caller caller;
    @Inject
    Revisions revisions;
    @Inject
    Snapshots snapshots;
    @Inject
    CourtEventLinks links;

    @Transactional
    public CourtEvent create(String parent, CourtEventDraft draft) {
        UUID detentionId = DetentionName.parse(parent, "parent").id();
        validator.check(draft, "court_event");
        List<UUID> charges = chargesOf(draft, detentionId);
        Detention detention = detentions.lockActive(detentionId);
        requireCharges(detention, charges, List.of());
        CourtEvent event = newEvent(draft, charges, detention);
        event.persist();
        settle(event, detention);
        revisions.record(change(event, detention, RevisionAction.CREATED));
        return event;
    }

    /** The event if the caller may see it, its detention and its person; NOT_FOUND as for an unknown one otherwise. */
    public CourtEvent get(String name, String field) {
        CourtEventName parsed = CourtEventName.parse(name, field);
        return repository.findVisibleUnder(CourtEvent.class, parsed.id(), parsed.detentionId(), caller.clearance().readableLevels())
                .orElseThrow(() -> new NotFoundException(name));
    }

    /**
     * A correction merged from what its writer was shown: the charges and sources hidden from the
     * writer are kept. Charges it adds must be ones it may see, and active.
     */
    @Transactional
    public CourtEvent update(String name, String etag, CourtEventDraft merged) {
        CourtEventName parsed = CourtEventName.parse(name, "court_event.name");
        Etags.require(etag, "court_event.etag");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CourtEvent event = get(name, "court_event.name");
        CourtEventDraft draft = merged.withSources(SourceCorrection.of(event.sources, merged.sources(), event.accessLevel,
                caller.clearance())).withCharges(correctedCharges(event, merged.charges()));
        validator.check(draft, "court_event");
        List<UUID> charges = chargesOf(draft, detention.id);
        event.requireActive();
        event.requireEtag(etag);
        requireCharges(detention, charges, event.charges());
        AccessLevel before = event.accessLevel;
        apply(event, draft, charges, detention);
        settle(event, detention);
        revisions.record(change(event, detention, RevisionSnapshots.correction(before, event.accessLevel)));
        return event;
    }

    @Transactional
    public CourtEvent retract(String name, Retraction retraction) {
        CourtEventName parsed = CourtEventName.parse(name, "name");
        validator.check(retraction, "");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CourtEvent event = get(name, "name");
        event.requireEtag(retraction.etag());
        event.retract(retraction.reason());
        settle(event, detention);
        revisions.record(change(event, detention, RevisionAction.RETRACTED).because(retraction.reason()));
        return event;
    }

    /** The event as one of its revisions left it, state included, checked as an update by an admin is. */
    @Transactional
    public CourtEvent restore(String name, Restoration restoration) {
        CourtEventName parsed = CourtEventName.parse(name, "name");
        validator.check(restoration, "");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CourtEvent event = get(name, "name");
        Revision revision = revisions.find(RevisionSnapshots.COURT_EVENT, event.id, restoration.revisionId());
        event.requireEtag(restoration.etag());
        var restored = RevisionSnapshots.restoredCourtEvent(revision);
        restored.check(validator, event.resourceName());
        List<UUID> charges = chargesOf(restored.fields(), detention.id);
        requireCharges(detention, charges, event.charges());
        apply(event, restored.fields(), charges, detention);
        restored.applyStateTo(event);
        settle(event, detention);
        revisions.record(change(event, detention, RevisionAction.RESTORED).because(restoration.reason())
                .restoring(revision.id));
        return event;
    }

    /** The event's revisions the caller may see, if it may see the event now (retracted or not). */
    public Page<Revision> revisions(String name, PageRequest page) {
        return revisions.list(RevisionSnapshots.COURT_EVENT, get(name, "name").id, page);
    }

    /** A detention's court events in date order; keyset on (date, precision, id). */
    public Page<CourtEvent> list(String parent, PageRequest page, boolean showRetracted) {
        Detention detention = detentions.get(parent, "parent");
        var levels = caller.clearance().readableLevels();
        var now = snapshots.at(AsOf.NOW);
        return Pager.page(page, QueryFingerprint.of("courtEvents", detention.id, showRetracted), Keys.TIMELINE,
                event -> new Keys.Timeline(event.occurredSort, event.precisionRank, event.id),
                (after, limit) -> repository.listUnder(CourtEvent.class, "court_event", "occurred_sort", detention.id, levels,
                        showRetracted, after, limit, now));
    }

    /**
     * The charges a correction leaves: those its writer sent, and after them those hidden from it; what
     * it sent back as it saw it changes nothing, order included.
     */
    private List<String> correctedCharges(CourtEvent event, List<String> submitted) {
        LinkedRecords shown = links.of(List.of(event));
        List<String> seen = event.charges().stream().filter(shown::showsCharge).map(event::chargeName).toList();
        if (submitted.equals(seen)) {
            return event.charges().stream().map(event::chargeName).toList();
        }
        List<String> kept = new ArrayList<>(submitted);
        event.charges().stream().filter(id -> !shown.showsCharge(id)).map(event::chargeName).forEach(kept::add);
        return kept;
    }

    /** The charges' ids; each must be of this detention (INVALID_ARGUMENT naming the ones that are not). */
    private static List<UUID> chargesOf(CourtEventDraft draft, UUID detentionId) {
        List<UUID> ids = new ArrayList<>();
        List<FieldViolation> foreign = new ArrayList<>();
        for (int i = 0; i < draft.charges().size(); i++) {
            ChargeName charge = ChargeName.parse(draft.charges().get(i), "court_event.charges[" + i + "]");
            if (!charge.detentionId().equals(detentionId)) {
                foreign.add(new FieldViolation("court_event.charges[" + i + "]",
                        "must be a charge of " + DetentionName.of(detentionId) + ", the court event's detention"));
            }
            ids.add(charge.id());
        }
        if (!foreign.isEmpty()) {
            throw new InvalidArgumentException(foreign);
        }
        return ids;
    }

    /**
     * Charges newly named must be ones the caller may see, and active: NOT_FOUND, as for an unknown
     * one, otherwise. Those named already stay, whatever befell them since.
     */
    private void requireCharges(Detention detention, List<UUID> charges, Collection<UUID> namedAlready) {
        Set<UUID> added = charges.stream().filter(id -> !namedAlready.contains(id)).collect(Collectors.toSet());
        if (added.isEmpty()) {
            return;
        }
        Set<UUID> found = Charge.<Charge>find("id in ?1 and detentionId = ?2 and accessLevel in ?3 and state = ?4", added,
                detention.id, caller.clearance().readableLevels(), RecordState.ACTIVE)
                .stream().map(charge -> charge.id).collect(Collectors.toSet());
        for (UUID id : charges) {
            if (added.contains(id) && !found.contains(id)) {
                throw new NotFoundException(new ChargeName(detention.id, id).toString());
            }
        }
    }

    private void settle(CourtEvent event, Detention detention) {
        feed.courtEventChanged(event, detention);
        event.flush(); // the answer carries the new version as its etag
    }

    private static Revisions.Change change(CourtEvent event, Detention detention, RevisionAction action) {
        return RevisionSnapshots.of(event, detention, DetentionService.personOf(detention), action);
    }

    /** A new court event of the detention naming these charges (checked already), not stored yet. */
    static CourtEvent newEvent(CourtEventDraft draft, List<UUID> charges, Detention detention) {
        CourtEvent event = new CourtEvent();
        event.detentionId = detention.id;
        apply(event, draft, charges, detention);
        return event;
    }

    /** An event without a level of its own takes its detention's; a closed hearing is closed to the public. */
    private static void apply(CourtEvent event, CourtEventDraft draft, List<UUID> charges, Detention detention) {
        event.type = draft.type();
        event.setOccurredOn(draft.occurredOn());
        event.court = draft.court();
        event.place = draft.place();
        event.chargeIds = charges.toArray(UUID[]::new);
        event.decision = draft.decision();
        event.setSentence(draft.sentence());
        event.closedToPublic = draft.closedToPublic() || draft.type().closedToPublic();
        event.description = draft.description();
        event.accessLevel = draft.accessLevel() != null ? draft.accessLevel() : detention.accessLevel;
        event.sources = draft.sources();
        event.touch();
    }
}
