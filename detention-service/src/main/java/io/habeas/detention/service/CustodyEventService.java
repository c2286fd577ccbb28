package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.repository.DetentionRepository;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.paging.TimelineKeyset;
import io.habeas.support.records.RecordState;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import io.quarkus.panache.common.Parameters;
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

    @Transactional
    public CustodyEvent create(String parent, CustodyEventDraft draft) {
        UUID detentionId = DetentionName.parse(parent, "parent").id();
        validator.check(draft, "custody_event");
        Detention detention = detentions.lockActive(detentionId);
        CustodyEvent event = new CustodyEvent();
        event.detentionId = detention.id;
        apply(event, draft, detention);
        event.persist();
        return settle(event, detention);
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
        apply(event, draft, detention);
        return settle(event, detention);
    }

    @Transactional
    public CustodyEvent retract(String name, Retraction retraction) {
        CustodyEventName parsed = CustodyEventName.parse(name, "name");
        validator.check(retraction, "");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CustodyEvent event = get(name, "name");
        event.requireEtag(retraction.etag());
        event.retract(retraction.reason());
        return settle(event, detention);
    }

    /** A detention's events in date order, keyset on (date, precision, id). */
    public Page<CustodyEvent> list(String parent, PageRequest page, boolean showRetracted) {
        Detention detention = detentions.get(parent, "parent");
        StringBuilder where = new StringBuilder("detentionId = :detention and accessLevel in :levels");
        Parameters params = Parameters.with("detention", detention.id).and("levels", caller.clearance().readableLevels());
        if (!showRetracted) {
            where.append(" and state = :active");
            params.and("active", RecordState.ACTIVE);
        }
        return TimelineKeyset.page(page, QueryFingerprint.of("custodyEvents", detention.id, showRetracted),
                "occurredSort", where.toString(), params, (q, p) -> CustodyEvent.<CustodyEvent>find(q, p),
                event -> new Keys.Timeline(event.occurredSort, event.precisionRank, event.id));
    }

    private CustodyEvent settle(CustodyEvent event, Detention detention) {
        event.flush();
        outcomes.replay(detention, caller.clearance());
        detention.touch();
        feed.custodyEventChanged(event, detention);
        event.flush(); // the answer carries the new version as its etag
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
