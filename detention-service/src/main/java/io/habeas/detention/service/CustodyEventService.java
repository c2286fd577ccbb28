package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.repository.DetentionRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.support.access.Caller;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Custody events: every change re-checks the detention's whole history before it is kept. */
@ApplicationScoped
public class CustodyEventService {
    @Inject
    RequestValidator validator;
    @Inject
    DetentionRepository repository;
    @Inject
    DetentionService detentions;
    @Inject
    DetentionOutcomes outcomes;
    @Inject
    FeedProjector feed;
    @Inject
    Caller caller;
    @Inject
    Revisions revisions;

    @Transactional
    public CustodyEvent create(String parent, CustodyEventDraft draft) {
        UUID detentionId = DetentionName.parse(parent, "parent").id();
        validator.check(draft, "custody_event");
        Detention detention = detentions.lockActive(detentionId);
        CustodyEvent event = newEvent(draft, detention);
        event.persist();
        settle(event, detention);
        revisions.record(change(event, detention, RevisionAction.CREATED));
        return event;
    }

    /** The event if the caller may see it, its detention and its person; NOT_FOUND as for an unknown one otherwise. */
    public CustodyEvent get(String name, String field) {
        CustodyEventName parsed = CustodyEventName.parse(name, field);
        return repository.findVisibleUnder(CustodyEvent.class, parsed.id(), parsed.detentionId(), caller.clearance().readableLevels())
                .orElseThrow(() -> new NotFoundException(name));
    }

    @Transactional
    public CustodyEvent update(String name, String etag, CustodyEventDraft merged) {
        CustodyEventName parsed = CustodyEventName.parse(name, "custody_event.name");
        Etags.require(etag, "custody_event.etag");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CustodyEvent event = get(name, "custody_event.name");
        CustodyEventDraft draft = merged.withSources(SourceCorrection.of(event.sources, merged.sources(),
                event.accessLevel, caller.clearance()));
        validator.check(draft, "custody_event");
        event.requireActive();
        event.requireEtag(etag);
        AccessLevel before = event.accessLevel;
        apply(event, draft, detention);
        settle(event, detention);
        revisions.record(change(event, detention, RevisionSnapshots.correction(before, event.accessLevel)));
        return event;
    }

    @Transactional
    public CustodyEvent retract(String name, Retraction retraction) {
        CustodyEventName parsed = CustodyEventName.parse(name, "name");
        validator.check(retraction, "");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CustodyEvent event = get(name, "name");
        event.requireEtag(retraction.etag());
        event.retract(retraction.reason());
        settle(event, detention);
        revisions.record(change(event, detention, RevisionAction.RETRACTED).because(retraction.reason()));
        return event;
    }

    /**
     * The event as one of its revisions left it, state included, checked as an update is: under an
     * active detention, in a custody history that still fits.
     */
    @Transactional
    public CustodyEvent restore(String name, Restoration restoration) {
        CustodyEventName parsed = CustodyEventName.parse(name, "name");
        validator.check(restoration, "");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CustodyEvent event = get(name, "name");
        Revision revision = revisions.find(RevisionSnapshots.CUSTODY_EVENT, event.id, restoration.revisionId());
        event.requireEtag(restoration.etag());
        var restored = RevisionSnapshots.restoredCustodyEvent(revision);
        restored.check(validator, event.resourceName());
        apply(event, restored.fields(), detention);
        restored.applyStateTo(event);
        settle(event, detention);
        revisions.record(change(event, detention, RevisionAction.RESTORED).because(restoration.reason())
                .restoring(revision.id));
        return event;
    }

    /** The event's revisions the caller may see, if it may see the event now (retracted or not). */
    public Page<Revision> revisions(String name, PageRequest page) {
        return revisions.list(RevisionSnapshots.CUSTODY_EVENT, get(name, "name").id, page);
    }

    /** A detention's events in date order, keyset on (date, precision, id). */
    public Page<CustodyEvent> list(String parent, PageRequest page, boolean showRetracted) {
        Detention detention = detentions.get(parent, "parent");
        return DatedRecordPages.under("detentionId", detention.id, "custodyEvents", page, caller.clearance(), showRetracted,
                (q, p) -> CustodyEvent.<CustodyEvent>find(q, p));
    }

    private void settle(CustodyEvent event, Detention detention) {
        event.flush();
        outcomes.replay(detention, caller.clearance());
        detention.touch();
        feed.custodyEventChanged(event, detention);
        event.flush(); // the answer carries the new version as its etag
    }

    private static Revisions.Change change(CustodyEvent event, Detention detention, RevisionAction action) {
        return RevisionSnapshots.of(event, detention, DetentionService.personOf(detention), action);
    }

    /** A new event of the detention, not stored yet and not yet checked against its history. */
    static CustodyEvent newEvent(CustodyEventDraft draft, Detention detention) {
        CustodyEvent event = new CustodyEvent();
        event.detentionId = detention.id;
        apply(event, draft, detention);
        return event;
    }

    /** An event without a level of its own takes its detention's. */
    private static void apply(CustodyEvent event, CustodyEventDraft draft, Detention detention) {
        event.type = draft.type();
        event.setOccurredOn(draft.occurredOn());
        event.untilDate = draft.untilDate();
        event.place = draft.place();
        event.description = draft.description();
        event.accessLevel = draft.accessLevel() != null ? draft.accessLevel() : detention.accessLevel;
        event.sources = draft.sources();
        event.touch();
    }
}
