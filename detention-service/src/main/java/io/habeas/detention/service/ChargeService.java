package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.ChargeStatus;
import io.habeas.detention.domain.ChargeStatusChange;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.repository.DetentionRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CourtEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.kernel.paging.Pager;
import io.habeas.support.access.Caller;
import io.habeas.support.paging.TimelineKeyset;
import io.habeas.support.records.RecordState;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class ChargeService {
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

    @Transactional
    public Charge create(String parent, ChargeDraft draft) {
        UUID detentionId = DetentionName.parse(parent, "parent").id();
        validator.check(draft, "charge");
        Detention detention = detentions.lockActive(detentionId);
        Charge charge = newCharge(draft, detention);
        charge.persist();
        feed.chargeChanged(charge, detention);
        charge.flush();
        revisions.record(change(charge, RevisionAction.CREATED));
        return charge;
    }

    /** The charge if the caller may see it, its detention and its person; NOT_FOUND as for an unknown one otherwise. */
    public Charge get(String name, String field) {
        ChargeName parsed = ChargeName.parse(name, field);
        return repository.findVisibleUnder(Charge.class, parsed.id(), parsed.detentionId(), caller.clearance().readableLevels())
                .orElseThrow(() -> new NotFoundException(name));
    }

    @Transactional
    public Charge update(String name, String etag, ChargeDraft merged) {
        Etags.require(etag, "charge.etag");
        Detention detention = detentions.lockActive(ChargeName.parse(name, "charge.name").detentionId());
        Charge charge = get(name, "charge.name");
        ChargeDraft draft = merged.withSources(SourceCorrection.of(charge.sources, merged.sources(),
                charge.accessLevel, caller.clearance()));
        validator.check(draft, "charge");
        AccessLevel before = charge.accessLevel;
        Charge updated = change(charge, detention, etag, edited -> {
            apply(edited, draft, detention);
            requireChangesAfterFiling(edited, edited.statusHistory);
        });
        revisions.record(change(updated, RevisionSnapshots.correction(before, updated.accessLevel)));
        return updated;
    }

    @Transactional
    public Charge changeStatus(String name, String etag, ChargeStatusChange change) {
        Etags.require(etag, "etag");
        validator.check(change, "status_change");
        Charge changed = change(name, "name", etag, charge -> {
            requireCourtEvent(charge, change);
            List<ChargeStatusChange> history = new ArrayList<>(charge.statusHistory);
            history.add(change);
            requireChangesAfterFiling(charge, history);
            charge.statusHistory = history;
            charge.status = change.status();
            charge.touch();
        });
        revisions.record(change(changed, RevisionAction.STATUS_CHANGED));
        return changed;
    }

    @Transactional
    public Charge retract(String name, Retraction retraction) {
        validator.check(retraction, "");
        Charge retracted = change(name, "name", retraction.etag(), charge -> charge.retract(retraction.reason()));
        revisions.record(change(retracted, RevisionAction.RETRACTED).because(retraction.reason()));
        return retracted;
    }

    /**
     * The charge as one of its revisions left it, status history and state included, checked as an
     * update is: under an active detention, no status change before the filing.
     */
    @Transactional
    public Charge restore(String name, Restoration restoration) {
        ChargeName parsed = ChargeName.parse(name, "name");
        validator.check(restoration, "");
        Detention detention = detentions.lockActive(parsed.detentionId());
        Charge charge = get(name, "name");
        Revision revision = revisions.find(RevisionSnapshots.CHARGE, charge.id, restoration.revisionId());
        charge.requireEtag(restoration.etag());
        var restored = RevisionSnapshots.restoredCharge(revision);
        restored.check(validator, charge.resourceName());
        apply(charge, restored.fields().draft(), detention);
        charge.status = restored.fields().status();
        charge.statusHistory = restored.fields().statusHistory();
        requireChangesAfterFiling(charge, charge.statusHistory);
        restored.applyStateTo(charge);
        feed.chargeChanged(charge, detention);
        charge.flush();
        revisions.record(change(charge, RevisionAction.RESTORED).because(restoration.reason()).restoring(revision.id));
        return charge;
    }

    /** The charge's revisions the caller may see, if it may see the charge now (retracted or not). */
    public Page<Revision> revisions(String name, PageRequest page) {
        return revisions.list(RevisionSnapshots.CHARGE, get(name, "name").id, page);
    }

    /** A detention's charges in filing order, as known at the instant; keyset on (filing date, precision, id). */
    public Page<Charge> list(String parent, PageRequest page, boolean showRetracted, AsOf asOf) {
        Detention detention = detentions.get(parent, "parent", asOf);
        var levels = caller.clearance().readableLevels();
        var at = snapshots.at(asOf);
        return Pager.page(page, asOf.bind(QueryFingerprint.of("charges", detention.id, showRetracted)), Keys.TIMELINE,
                charge -> new Keys.Timeline(charge.filedSort, charge.precisionRank, charge.id),
                (after, limit) -> repository.listUnder(Charge.class, "charge", "filed_sort", detention.id, levels,
                        showRetracted, after, limit, at));
    }

    private Charge change(String name, String field, String etag, Consumer<Charge> edit) {
        Detention detention = detentions.lockActive(ChargeName.parse(name, field).detentionId());
        return change(get(name, field), detention, etag, edit);
    }

    private Charge change(Charge charge, Detention detention, String etag, Consumer<Charge> edit) {
        charge.requireActive();
        charge.requireEtag(etag);
        edit.accept(charge);
        feed.chargeChanged(charge, detention);
        charge.flush(); // the answer carries the new version as its etag
        return charge;
    }

    /** What a write left of the charge; its detention and person were read earlier in the transaction. */
    private static Revisions.Change change(Charge charge, RevisionAction action) {
        Detention detention = Detention.findById(charge.detentionId);
        return RevisionSnapshots.of(charge, detention, DetentionService.personOf(detention), action);
    }

    /**
     * The court event a change follows: one of the charge's detention that the caller may see, active
     * (NOT_FOUND otherwise, as for an unknown one), naming the charge; a conviction without a term of
     * its own takes the event's sentence, so the event must set one.
     */
    private void requireCourtEvent(Charge charge, ChargeStatusChange change) {
        if (change.courtEvent() == null) {
            return;
        }
        CourtEventName name = CourtEventName.parse(change.courtEvent(), "status_change.court_event");
        CourtEvent event = name.detentionId().equals(charge.detentionId)
                ? repository.findVisibleUnder(CourtEvent.class, name.id(), name.detentionId(),
                        caller.clearance().readableLevels()).filter(CourtEvent::isActive).orElse(null)
                : null;
        if (event == null) {
            throw new NotFoundException(name.toString());
        }
        if (!event.names(charge.id)) {
            throw InvalidArgumentException.of("status_change.court_event",
                    "must be a court event that names this charge among its charges");
        }
        if (change.status() == ChargeStatus.CONVICTED && change.sentenceTerm() == null && event.sentence() == null) {
            throw InvalidArgumentException.of("status_change.sentence_term",
                    "is required with CONVICTED: the court event named sets no sentence");
        }
    }

    private static void requireChangesAfterFiling(Charge charge, List<ChargeStatusChange> history) {
        for (ChargeStatusChange change : history) {
            if (change.effectiveOn().certainlyBefore(charge.filedOn)) {
                throw new FailedPreconditionException("STATUS_CHANGE_BEFORE_FILING", charge.resourceName(),
                        "a status change on " + change.effectiveOn() + " predates the filing on " + charge.filedOn);
            }
        }
    }

    /** A new charge of the detention, filed and not stored yet. */
    static Charge newCharge(ChargeDraft draft, Detention detention) {
        Charge charge = new Charge();
        charge.detentionId = detention.id;
        charge.status = ChargeStatus.FILED;
        charge.statusHistory = List.of();
        apply(charge, draft, detention);
        return charge;
    }

    /** A charge without a level of its own takes its detention's. */
    private static void apply(Charge charge, ChargeDraft draft, Detention detention) {
        charge.jurisdiction = draft.jurisdiction();
        charge.legalCode = draft.legalCode().strip();
        charge.setReference(draft.articleReference(), draft.structuredArticle());
        charge.offenceDescription = draft.offenceDescription();
        charge.setFiledOn(draft.filedOn());
        charge.accessLevel = draft.accessLevel() != null ? draft.accessLevel() : detention.accessLevel;
        charge.sources = draft.sources();
        charge.touch();
    }
}
