package io.habeas.detention.service;

import io.habeas.detention.domain.Person;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.repository.PersonRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.identifiers.ExternalIdTakenException;
import io.habeas.kernel.identifiers.ExternalIds;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.records.ExternalIdRegister;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.habeas.support.search.NameSearch;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Persons, each shown only to callers cleared for its level: a hidden person reads as one that does
 * not exist. A retracted person is still read by name, and leaves every list, search, feed and count.
 */
@ApplicationScoped
public class PersonService {
    /** The most persons one ListPersons may name. */
    static final int MAX_NAMED_PERSONS = 1000;
    private static final ExternalIdRegister EXTERNAL_IDS = new ExternalIdRegister("person");

    @Inject
    PersonRepository persons;
    @Inject
    RequestValidator validator;
    @Inject
    Caller caller;
    @Inject
    FeedProjector feed;
    @Inject
    Revisions revisions;
    @Inject
    Snapshots snapshots;

    @Transactional
    public Person create(PersonDraft draft) {
        validator.check(draft, "person");
        requireFree(draft.externalIds(), null, "person.external_ids");
        Person person = newPerson(draft);
        persons.persist(person);
        EXTERNAL_IDS.flush(persons::flush, "person.external_ids");
        revisions.record(RevisionSnapshots.of(person, RevisionAction.CREATED));
        return person;
    }

    public Person get(String name, String field) {
        return get(name, field, AsOf.NOW);
    }

    /** The person as known at the instant, if the caller may see it as it was then and as it is now. */
    public Person get(String name, String field, AsOf asOf) {
        UUID id = PersonName.parse(name, field).id();
        return persons.findVisible(id, caller.clearance().readableLevels(), snapshots.at(asOf))
                .orElseThrow(() -> new NotFoundException(name));
    }

    /**
     * Locks the person the caller may see, for a write under it (an incident): writes under one person
     * take turns with its retraction. Nothing is written under a retracted person.
     */
    Person lockActive(UUID id) {
        Person person = persons.findVisibleLocked(id, caller.clearance().readableLevels())
                .orElseThrow(() -> new NotFoundException(PersonName.of(id).toString()));
        person.requireActive();
        return person;
    }

    @Transactional
    public Person update(String name, String etag, PersonDraft merged) {
        Person person = get(name, "person.name");
        Etags.require(etag, "person.etag");
        PersonDraft draft = merged.withSources(SourceCorrection.of(person.sources, merged.sources(),
                person.accessLevel, caller.clearance()));
        validator.check(draft, "person");
        person.requireActive();
        person.requireEtag(etag);
        requireFree(draft.externalIds(), person.id, "person.external_ids");
        AccessLevel before = person.accessLevel;
        apply(person, draft);
        EXTERNAL_IDS.flush(persons::flush, "person.external_ids"); // the answer carries the new version as its etag
        feed.personChanged(person);
        revisions.record(RevisionSnapshots.of(person, RevisionSnapshots.correction(before, person.accessLevel)));
        return person;
    }

    /** Withdraws a person entered in error: it and everything under it leave the feeds, its history stays. */
    @Transactional
    public Person retract(String name, Retraction retraction) {
        PersonName.parse(name, "name");
        validator.check(retraction, "");
        Person person = get(name, "name");
        person.requireEtag(retraction.etag());
        person.retract(retraction.reason());
        persons.flush();
        feed.personRetracted(person);
        revisions.record(RevisionSnapshots.of(person, RevisionAction.RETRACTED).because(retraction.reason()));
        return person;
    }

    /** The person as one of its revisions left it, state included, checked as an update is. */
    @Transactional
    public Person restore(String name, Restoration restoration) {
        PersonName.parse(name, "name");
        validator.check(restoration, "");
        Person person = get(name, "name");
        Revision revision = revisions.find(RevisionSnapshots.PERSON, person.id, restoration.revisionId());
        person.requireEtag(restoration.etag());
        var restored = RevisionSnapshots.restoredPerson(revision);
        restored.check(validator, person.resourceName());
        boolean wasActive = person.isActive();
        restorable(() -> requireFree(restored.fields().externalIds(), person.id, "external_ids"));
        apply(person, restored.fields());
        restored.applyStateTo(person);
        restorable(() -> EXTERNAL_IDS.flush(persons::flush, "external_ids"));
        if (!person.isActive()) {
            feed.personRetracted(person);
        } else if (!wasActive) {
            feed.personRestored(person);
        } else {
            feed.personChanged(person);
        }
        revisions.record(RevisionSnapshots.of(person, RevisionAction.RESTORED).because(restoration.reason())
                .restoring(revision.id));
        return person;
    }

    /** The person's revisions the caller may see, if it may see the person now (retracted or not). */
    public Page<Revision> revisions(String name, PageRequest page) {
        return revisions.list(RevisionSnapshots.PERSON, get(name, "name").id, page);
    }

    /** Persons by filters; by an external identifier, the one holding it then, if the caller may see it then and now. */
    public Page<Person> list(PageRequest page, String citizenship, String detainingCountry, List<String> named,
            boolean showRetracted, ExternalId externalId, AsOf asOf) {
        Countries.checkFilter(citizenship, "citizenship");
        Countries.checkFilter(detainingCountry, "detaining_country");
        ExternalId heldId = externalId == null ? null : ExternalIds.checked(externalId, "external_id");
        var filter = new PersonRepository.Filter(emptyToNull(citizenship), emptyToNull(detainingCountry), ids(named),
                showRetracted, heldId);
        var levels = caller.clearance().readableLevels();
        var at = snapshots.at(asOf);
        var query = heldId == null ? QueryFingerprint.of("persons", citizenship, detainingCountry, filter.ids(), showRetracted)
                : QueryFingerprint.of("persons", citizenship, detainingCountry, filter.ids(), showRetracted,
                        List.of(heldId.scheme(), heldId.value()));
        return Pager.page(page, asOf.bind(query), Keys.ID, person -> person.id,
                (after, limit) -> persons.listAfter(after, filter, levels, limit, at));
    }

    public Page<NameSearch.Match<Person>> search(String text, PageRequest page) {
        return NameSearch.page(persons.getEntityManager(), Person.class, "person", text,
                caller.clearance().readableLevels(), NameSearch.Among.ACTIVE, page);
    }

    /**
     * Refuses identifiers another person holds (ALREADY_EXISTS, EXTERNAL_ID_TAKEN), naming it only
     * when the caller may see it: that some person holds the pair shows either way.
     */
    private void requireFree(List<ExternalId> ids, UUID self, String field) {
        EXTERNAL_IDS.requireFree(persons.getEntityManager(), Objects.requireNonNullElse(ids, List.of()), self, field,
                holder -> persons.findVisible(holder, caller.clearance().readableLevels(), snapshots.at(AsOf.NOW))
                        .map(Person::resourceName));
    }

    /** A restore giving an identifier another person holds now: FAILED_PRECONDITION, the state refuses the revision. */
    private static void restorable(Runnable step) {
        try {
            step.run();
        } catch (ExternalIdTakenException e) {
            throw e.asRestoreRefusal();
        }
    }

    private static List<UUID> ids(List<String> named) {
        if (named.size() > MAX_NAMED_PERSONS) {
            throw InvalidArgumentException.of("persons", "name at most " + MAX_NAMED_PERSONS + " persons");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            ids.add(PersonName.parse(named.get(i), "persons[" + i + "]").id());
        }
        return ids;
    }

    /** A new person as the draft gives it, not stored yet: the draft checked, its identifiers known to be free. */
    static Person newPerson(PersonDraft draft) {
        Person person = new Person();
        apply(person, draft);
        return person;
    }

    private static void apply(Person person, PersonDraft draft) {
        person.displayName = draft.displayName().strip();
        person.aliases = Objects.requireNonNullElse(draft.aliases(), List.of());
        person.citizenships = Objects.requireNonNullElse(draft.citizenships(), List.<String>of()).toArray(String[]::new);
        person.description = draft.description();
        person.accessLevel = AccessLevel.orDefault(draft.accessLevel());
        person.sources = draft.sources();
        person.externalIds = Objects.requireNonNullElse(draft.externalIds(), List.of());
        person.rebuildSearchNames();
        person.touch();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
