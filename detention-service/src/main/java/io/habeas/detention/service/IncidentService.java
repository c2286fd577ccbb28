package io.habeas.detention.service;

import io.habeas.detention.domain.Incident;
import io.habeas.detention.domain.Person;
import io.habeas.detention.mapping.IncidentMapper;
import io.habeas.detention.mapping.RevisionSnapshots;
import io.habeas.detention.repository.IncidentRepository;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.IncidentName;
import io.habeas.kernel.names.PersonName;
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

/**
 * Incidents: what is done to a person outside any detention. Each is shown only to callers who
 * may see it and its person; writes lock the person, so they take turns with its retraction.
 */
@ApplicationScoped
public class IncidentService {
    @Inject
    RequestValidator validator;
    @Inject
    IncidentRepository repository;
    @Inject
    PersonService persons;
    @Inject
    FeedProjector feed;
    @Inject
    Caller caller;
    @Inject
    Revisions revisions;

    @Transactional
    public Incident create(String parent, IncidentDraft draft) {
        UUID personId = PersonName.parse(parent, "parent").id();
        validator.check(draft, "incident");
        Person person = persons.lockActive(personId);
        Incident incident = newIncident(draft, person);
        incident.persist();
        settle(incident, person);
        revisions.record(IncidentMapper.revision(incident, person, RevisionAction.CREATED));
        return incident;
    }

    /** The incident if the caller may see it and its person; NOT_FOUND as for an unknown one otherwise. */
    public Incident get(String name, String field) {
        IncidentName parsed = IncidentName.parse(name, field);
        return repository.findVisible(parsed.id(), parsed.personId(), caller.clearance().readableLevels())
                .orElseThrow(() -> new NotFoundException(name));
    }

    @Transactional
    public Incident update(String name, String etag, IncidentDraft merged) {
        IncidentName parsed = IncidentName.parse(name, "incident.name");
        Etags.require(etag, "incident.etag");
        Person person = persons.lockActive(parsed.personId());
        Incident incident = get(name, "incident.name");
        IncidentDraft draft = merged.withSources(SourceCorrection.of(incident.sources, merged.sources(),
                incident.accessLevel, caller.clearance()));
        validator.check(draft, "incident");
        incident.requireActive();
        incident.requireEtag(etag);
        AccessLevel before = incident.accessLevel;
        apply(incident, draft, person);
        settle(incident, person);
        revisions.record(IncidentMapper.revision(incident, person, RevisionSnapshots.correction(before, incident.accessLevel)));
        return incident;
    }

    @Transactional
    public Incident retract(String name, Retraction retraction) {
        IncidentName parsed = IncidentName.parse(name, "name");
        validator.check(retraction, "");
        Person person = persons.lockActive(parsed.personId());
        Incident incident = get(name, "name");
        incident.requireEtag(retraction.etag());
        incident.retract(retraction.reason());
        settle(incident, person);
        revisions.record(IncidentMapper.revision(incident, person, RevisionAction.RETRACTED).because(retraction.reason()));
        return incident;
    }

    /** The incident as one of its revisions left it, state included, checked as an update is: under an active person. */
    @Transactional
    public Incident restore(String name, Restoration restoration) {
        IncidentName parsed = IncidentName.parse(name, "name");
        validator.check(restoration, "");
        Person person = persons.lockActive(parsed.personId());
        Incident incident = get(name, "name");
        Revision revision = revisions.find(IncidentMapper.REVISION_TYPE, incident.id, restoration.revisionId());
        incident.requireEtag(restoration.etag());
        var restored = IncidentMapper.restored(revision);
        restored.check(validator, incident.resourceName());
        apply(incident, restored.fields(), person);
        restored.applyStateTo(incident);
        settle(incident, person);
        revisions.record(IncidentMapper.revision(incident, person, RevisionAction.RESTORED).because(restoration.reason())
                .restoring(revision.id));
        return incident;
    }

    /** The incident's revisions the caller may see, if it may see the incident now (retracted or not). */
    public Page<Revision> revisions(String name, PageRequest page) {
        return revisions.list(IncidentMapper.REVISION_TYPE, get(name, "name").id, page);
    }

    /** A person's incidents in date order, keyset on (date, precision, id). */
    public Page<Incident> list(String parent, PageRequest page, boolean showRetracted) {
        Person person = persons.get(parent, "parent");
        return DatedRecordPages.under("personId", person.id, "incidents", page, caller.clearance(), showRetracted,
                (q, p) -> Incident.<Incident>find(q, p));
    }

    private void settle(Incident incident, Person person) {
        incident.flush();
        feed.incidentChanged(incident, person);
        incident.flush(); // the answer carries the new version as its etag
    }

    /** A new incident of the person, not stored yet. */
    static Incident newIncident(IncidentDraft draft, Person person) {
        Incident incident = new Incident();
        incident.personId = person.id;
        apply(incident, draft, person);
        return incident;
    }

    /** An incident without a level of its own takes its person's. */
    private static void apply(Incident incident, IncidentDraft draft, Person person) {
        incident.type = draft.type();
        incident.setOccurredOn(draft.occurredOn());
        incident.untilDate = draft.untilDate();
        incident.country = draft.country();
        incident.authority = draft.authority();
        incident.place = draft.place();
        incident.description = draft.description();
        incident.accessLevel = draft.accessLevel() != null ? draft.accessLevel() : person.accessLevel;
        incident.sources = draft.sources();
        incident.touch();
    }
}
