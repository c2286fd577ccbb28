package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Person;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.records.RecordState;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DetentionService {
    @Inject
    RequestValidator validator;
    @Inject
    PersonService persons;
    @Inject
    FeedProjector feed;

    @Transactional
    public Detention create(DetentionDraft draft) {
        validator.check(draft, "detention");
        Person person = persons.get(draft.person(), "detention.person");
        Detention detention = new Detention();
        detention.personId = person.id;
        apply(detention, draft);
        detention.currentStatus = draft.initialStatus();
        detention.persist();
        feed.detentionChanged(detention);
        return detention;
    }

    public Detention get(String name, String field) {
        return find(DetentionName.parse(name, field).id(), LockModeType.NONE);
    }

    /** Locks the detention: writes to one detention's history take turns, so they cannot both pass the checks. */
    Detention lockActive(UUID id) {
        Detention detention = find(id, LockModeType.PESSIMISTIC_WRITE);
        detention.requireActive();
        return detention;
    }

    @Transactional
    public Detention update(String name, String etag, DetentionDraft merged) {
        UUID id = DetentionName.parse(name, "detention.name").id();
        Etags.require(etag, "detention.etag");
        validator.check(merged, "detention");
        Detention detention = lockActive(id);
        detention.requireEtag(etag);
        apply(detention, merged);
        replayHistory(detention);
        feed.detentionChanged(detention);
        detention.flush(); // the answer carries the new version as its etag
        return detention;
    }

    @Transactional
    public Detention retract(String name, Retraction retraction) {
        UUID id = DetentionName.parse(name, "name").id();
        validator.check(retraction, "");
        Detention detention = lockActive(id);
        detention.requireEtag(retraction.etag());
        detention.retract(retraction.reason());
        feed.detentionChanged(detention);
        detention.flush();
        return detention;
    }

    /** The most persons one list may name: a page of persons. */
    static final int MAX_PERSONS = 200;

    public record Filter(String person, List<String> persons, String detainingCountry, CustodyStatus currentStatus,
            boolean showRetracted, boolean ongoingOnly) {
    }

    /** Newest start first; keyset on (start, id) over the index that matches the filter. */
    public Page<Detention> list(PageRequest page, Filter filter) {
        Countries.checkFilter(filter.detainingCountry(), "detaining_country");
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.person() != null && !filter.person().isEmpty()) {
            where.append(" and personId = :person");
            params.and("person", PersonName.parse(filter.person(), "person").id());
        }
        if (!filter.persons().isEmpty()) {
            where.append(" and personId in :persons");
            params.and("persons", personIds(filter.persons()));
        }
        if (filter.detainingCountry() != null && !filter.detainingCountry().isEmpty()) {
            where.append(" and detainingCountry = :country");
            params.and("country", filter.detainingCountry());
        }
        if (filter.currentStatus() != null) {
            where.append(" and currentStatus = :status");
            params.and("status", filter.currentStatus());
        }
        if (filter.ongoingOnly()) {
            where.append(" and endDate is null");
        }
        if (!filter.showRetracted()) {
            where.append(" and state = io.habeas.support.records.RecordState.ACTIVE");
        }
        QueryFingerprint query = QueryFingerprint.of("detentions", filter.person(), filter.persons(),
                filter.detainingCountry(), filter.currentStatus(), filter.showRetracted(), filter.ongoingOnly());
        return Pager.page(page, query, Keys.DATED, detention -> new Keys.Dated(detention.startSort, detention.id),
                (after, limit) -> {
                    if (after != null) {
                        where.append(" and (startSort < :afterStart or (startSort = :afterStart and id < :afterId))");
                        params.and("afterStart", after.date()).and("afterId", after.id());
                    }
                    return Detention.<Detention>find(where + " order by startSort desc, id desc", params)
                            .range(0, limit - 1).list();
                });
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

    /** Checks the custody events against the detention and stores the status they lead to. */
    void replayHistory(Detention detention) {
        List<CustodyEvent> events = CustodyEvent.list("detentionId = ?1 and state = ?2",
                detention.id, RecordState.ACTIVE);
        CustodyHistory.Outcome outcome = CustodyHistory.replay(detention, events);
        detention.currentStatus = outcome.currentStatus();
        detention.endDate = outcome.endDate();
    }

    private static Detention find(UUID id, LockModeType lock) {
        Detention detention = Detention.findById(id, lock);
        if (detention == null) {
            throw new NotFoundException(DetentionName.of(id).toString());
        }
        return detention;
    }

    private static void apply(Detention detention, DetentionDraft draft) {
        detention.detainingCountry = draft.detainingCountry();
        detention.authority = draft.authority();
        detention.place = draft.place();
        detention.setStart(draft.startDate());
        detention.initialStatus = draft.initialStatus();
        detention.accessLevel = AccessLevel.orDefault(draft.accessLevel());
        detention.sources = draft.sources();
        detention.touch();
    }
}
