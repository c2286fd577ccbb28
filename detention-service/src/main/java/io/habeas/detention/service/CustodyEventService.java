package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.QueryFingerprint;
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
    DetentionService detentions;
    @Inject
    FeedProjector feed;

    @Transactional
    public CustodyEvent create(String parent, CustodyEventDraft draft) {
        UUID detentionId = DetentionName.parse(parent, "parent").id();
        validator.check(draft, "custody_event");
        Detention detention = detentions.lockActive(detentionId);
        CustodyEvent event = new CustodyEvent();
        event.detentionId = detention.id;
        apply(event, draft);
        event.persist();
        return settle(event, detention);
    }

    public CustodyEvent get(String name, String field) {
        CustodyEventName parsed = CustodyEventName.parse(name, field);
        CustodyEvent event = CustodyEvent.findById(parsed.id());
        if (event == null || !event.detentionId.equals(parsed.detentionId())) {
            throw new NotFoundException(name);
        }
        return event;
    }

    @Transactional
    public CustodyEvent update(String name, String etag, CustodyEventDraft merged) {
        CustodyEventName parsed = CustodyEventName.parse(name, "custody_event.name");
        Etags.require(etag, "custody_event.etag");
        validator.check(merged, "custody_event");
        Detention detention = detentions.lockActive(parsed.detentionId());
        CustodyEvent event = get(name, "custody_event.name");
        event.requireActive();
        event.requireEtag(etag);
        apply(event, merged);
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
        StringBuilder where = new StringBuilder("detentionId = :detention");
        Parameters params = Parameters.with("detention", detention.id);
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
        detentions.replayHistory(detention);
        detention.touch();
        feed.custodyEventChanged(event, detention);
        event.flush(); // the answer carries the new version as its etag
        return event;
    }

    private static void apply(CustodyEvent event, CustodyEventDraft draft) {
        event.type = draft.type();
        event.setOccurredOn(draft.occurredOn());
        event.untilDate = draft.untilDate();
        event.place = draft.place();
        event.description = draft.description();
        event.accessLevel = AccessLevel.orDefault(draft.accessLevel());
        event.sources = draft.sources();
        event.touch();
    }
}
