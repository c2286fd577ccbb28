package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Person;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.repository.DetentionRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Detentions, each shown only to callers cleared for it and for its person; hidden reads as unknown. */
@ApplicationScoped
public class DetentionService {
    /** The most persons one list may name: a page of persons. */
    static final int MAX_PERSONS = 200;

    @Inject
    RequestValidator validator;
    @Inject
    PersonService persons;
    @Inject
    DetentionRepository repository;
    @Inject
    DetentionOutcomes outcomes;
    @Inject
    FeedProjector feed;
    @Inject
    Caller caller;
    @Inject
    Revisions revisions;
    @Inject
    Snapshots snapshots;

    public record Filter(String person, List<String> persons, String detainingCountry, CustodyStatus currentStatus,
            boolean showRetracted, boolean ongoingOnly) {
    }

    /**
     * A new detention of the person. Unless concurrent detentions are intended, the person must not be
     * in another ongoing detention the caller may see (where it stands for the caller: a release hidden
     * from it does not end one, and a detention hidden from it does not exist).
     */
    @Transactional
    public DetentionView create(DetentionDraft draft, boolean allowConcurrent) {
        validator.check(draft, "detention");
        Person person = persons.get(draft.person(), "detention.person");
        person.requireActive();
        if (!allowConcurrent) {
            // Creations for one person take turns, so two of them cannot both find none ongoing.
            Person.getEntityManager().lock(person, LockModeType.PESSIMISTIC_WRITE);
            repository.findOngoing(person.id, caller.clearance().readableLevels(), readerLevel()).ifPresent(ongoing -> {
                throw new FailedPreconditionException("ONGOING_DETENTION_EXISTS", ongoing.resourceName(),
                        person.resourceName() + " is in an ongoing detention, " + ongoing.resourceName()
                                + ": record its release first, or set allow_concurrent if both are meant to run at once");
            });
        }
        Detention detention = newDetention(draft, person);
        detention.persist();
        outcomes.replay(detention, caller.clearance());
        feed.detentionChanged(detention);
        detention.flush();
        revisions.record(RevisionSnapshots.of(detention, person, RevisionAction.CREATED));
        return view(detention);
    }

    public DetentionView read(String name, String field) {
        return view(get(name, field));
    }

    /** The detention if the caller may see it and its person; NOT_FOUND as for an unknown one otherwise. */
    public Detention get(String name, String field) {
        return find(DetentionName.parse(name, field).id(), LockModeType.NONE);
    }

    /** The detention as known at the instant, if the caller may see it and its person then and now. */
    public Detention get(String name, String field, AsOf asOf) {
        UUID id = DetentionName.parse(name, field).id();
        return repository.findVisible(id, caller.clearance().readableLevels(), snapshots.at(asOf))
                .orElseThrow(() -> new NotFoundException(DetentionName.of(id).toString()));
    }

    /**
     * Locks the detention: writes to one detention's history take turns, so they cannot both pass the
     * checks. Nothing is written under a retracted detention or person.
     */
    Detention lockActive(UUID id) {
        Detention detention = find(id, LockModeType.PESSIMISTIC_WRITE);
        detention.requireActive();
        personOf(detention).requireActive();
        return detention;
    }

    /** The detention's person: read once per transaction, then Hibernate's copy. */
    static Person personOf(Detention detention) {
        return Person.findById(detention.personId);
    }

    @Transactional
    public DetentionView update(String name, String etag, DetentionDraft merged) {
        UUID id = DetentionName.parse(name, "detention.name").id();
        Etags.require(etag, "detention.etag");
        Detention detention = lockActive(id);
        DetentionDraft draft = merged.withSources(SourceCorrection.of(detention.sources, merged.sources(),
                detention.accessLevel, caller.clearance()));
        validator.check(draft, "detention");
        detention.requireEtag(etag);
        AccessLevel before = detention.accessLevel;
        Person person = personOf(detention);
        apply(detention, draft, person);
        outcomes.replay(detention, caller.clearance());
        feed.detentionChanged(detention);
        detention.flush(); // the answer carries the new version as its etag
        revisions.record(RevisionSnapshots.of(detention, person,
                RevisionSnapshots.correction(before, detention.accessLevel)));
        return view(detention);
    }

    @Transactional
    public DetentionView retract(String name, Retraction retraction) {
        UUID id = DetentionName.parse(name, "name").id();
        validator.check(retraction, "");
        Detention detention = lockActive(id);
        detention.requireEtag(retraction.etag());
        detention.retract(retraction.reason());
        feed.detentionChanged(detention);
        detention.flush();
        revisions.record(RevisionSnapshots.of(detention, personOf(detention), RevisionAction.RETRACTED)
                .because(retraction.reason()));
        return view(detention);
    }

    /**
     * The detention as one of its revisions left it, state included, checked as an update is: its
     * custody history must still fit, and it comes back active only under an active person.
     */
    @Transactional
    public DetentionView restore(String name, Restoration restoration) {
        UUID id = DetentionName.parse(name, "name").id();
        validator.check(restoration, "");
        Detention detention = find(id, LockModeType.PESSIMISTIC_WRITE);
        Revision revision = revisions.find(RevisionSnapshots.DETENTION, id, restoration.revisionId());
        detention.requireEtag(restoration.etag());
        var restored = RevisionSnapshots.restoredDetention(revision);
        restored.check(validator, detention.resourceName());
        Person person = personOf(detention);
        if (restored.active()) {
            person.requireActive();
        }
        apply(detention, restored.fields(), person);
        restored.applyStateTo(detention);
        if (detention.isActive()) {
            outcomes.replay(detention, caller.clearance());
        }
        feed.detentionRestored(detention);
        detention.flush();
        revisions.record(RevisionSnapshots.of(detention, person, RevisionAction.RESTORED)
                .because(restoration.reason()).restoring(revision.id));
        return view(detention);
    }

    /** The detention's revisions the caller may see, if it may see the detention now (retracted or not). */
    public Page<Revision> revisions(String name, PageRequest page) {
        return revisions.list(RevisionSnapshots.DETENTION, get(name, "name").id, page);
    }

    /** Newest start first, with where each stands for the caller; keyset on (start, id). */
    public Page<DetentionView> list(PageRequest page, Filter filter, AsOf asOf) {
        Countries.checkFilter(filter.detainingCountry(), "detaining_country");
        UUID person = filter.person() == null || filter.person().isEmpty() ? null
                : PersonName.parse(filter.person(), "person").id();
        String country = filter.detainingCountry() == null || filter.detainingCountry().isEmpty() ? null
                : filter.detainingCountry();
        var narrowed = new DetentionRepository.Filter(person, personIds(filter.persons()), country,
                filter.currentStatus(), filter.showRetracted(), filter.ongoingOnly());
        QueryFingerprint query = asOf.bind(QueryFingerprint.of("detentions", filter.person(), filter.persons(),
                filter.detainingCountry(), filter.currentStatus(), filter.showRetracted(), filter.ongoingOnly()));
        var levels = caller.clearance().readableLevels();
        var at = snapshots.at(asOf);
        return Pager.page(page, query, Keys.DATED, v -> new Keys.Dated(v.detention().startSort, v.detention().id),
                (after, limit) -> repository.listAfter(after, narrowed, levels, readerLevel(), limit, at).stream()
                        .map(row -> new DetentionView(row.detention(), row.outcome())).toList());
    }

    private DetentionView view(Detention detention) {
        return new DetentionView(detention, outcomes.of(detention.id, readerLevel()));
    }

    /** The level whose derived facts the caller is told; every caller that reaches a method has one. */
    private AccessLevel readerLevel() {
        return caller.clearance().level().orElseThrow();
    }

    private Detention find(UUID id, LockModeType lock) {
        return repository.findVisible(id, caller.clearance().readableLevels(), lock)
                .orElseThrow(() -> new NotFoundException(DetentionName.of(id).toString()));
    }

    private static List<UUID> personIds(List<String> persons) {
        if (persons.size() > MAX_PERSONS) {
            throw InvalidArgumentException.of("persons", "name at most " + MAX_PERSONS + " persons");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            ids.add(PersonName.parse(persons.get(i), "persons[" + i + "]").id());
        }
        return ids;
    }

    /** A new detention of the person, not stored yet: the draft checked, the person's other detentions too. */
    static Detention newDetention(DetentionDraft draft, Person person) {
        Detention detention = new Detention();
        detention.personId = person.id;
        apply(detention, draft, person);
        return detention;
    }

    /** A detention without a level of its own takes its person's. */
    private static void apply(Detention detention, DetentionDraft draft, Person person) {
        detention.detainingCountry = draft.detainingCountry();
        detention.authority = draft.authority();
        detention.place = draft.place();
        detention.setStart(draft.startDate());
        detention.initialStatus = draft.initialStatus();
        detention.accessLevel = draft.accessLevel() != null ? draft.accessLevel() : person.accessLevel;
        detention.sources = draft.sources();
        detention.touch();
    }
}
