package io.habeas.detention.service;

import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Person;
import io.habeas.support.errors.InvalidArgumentException;
import io.habeas.support.errors.NotFoundException;
import io.habeas.support.grpc.ResourceNames;
import io.habeas.support.paging.Page;
import io.habeas.support.paging.PageRequest;
import io.habeas.support.paging.PageToken;
import io.habeas.support.paging.Pages;
import io.habeas.support.records.AccessLevel;
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
import java.time.LocalDate;
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
        return find(ResourceNames.parseOne(name, field, Detention.COLLECTION), name, LockModeType.NONE);
    }

    /** Locks the detention: writes to one detention's history take turns, so they cannot both pass the checks. */
    Detention lockActive(UUID id) {
        Detention detention = find(id, Detention.nameOf(id), LockModeType.PESSIMISTIC_WRITE);
        detention.requireActive();
        return detention;
    }

    @Transactional
    public Detention update(String name, String etag, DetentionDraft merged) {
        UUID id = ResourceNames.parseOne(name, "detention.name", Detention.COLLECTION);
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
        UUID id = ResourceNames.parseOne(name, "name", Detention.COLLECTION);
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
            params.and("person", ResourceNames.parseOne(filter.person(), "person", Person.COLLECTION));
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
        String query = "detentions|" + filter;
        List<String> after = PageToken.decode(page.token(), query);
        if (after != null) {
            where.append(" and (startSort < :afterStart or (startSort = :afterStart and id < :afterId))");
            params.and("afterStart", LocalDate.parse(after.get(0))).and("afterId", UUID.fromString(after.get(1)));
        }
        List<Detention> rows = Detention.<Detention>find(where + " order by startSort desc, id desc", params)
                .range(0, page.size()).list(); // one row beyond the page: is there a next page?
        return Pages.of(rows, page.size(), last -> PageToken.encode(query, last.startSort.toString(), last.id.toString()));
    }

    private static List<UUID> personIds(List<String> persons) {
        if (persons.size() > MAX_PERSONS) {
            throw InvalidArgumentException.of("persons", "name at most " + MAX_PERSONS + " persons");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            ids.add(ResourceNames.parseOne(persons.get(i), "persons[" + i + "]", Person.COLLECTION));
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

    private static Detention find(UUID id, String name, LockModeType lock) {
        Detention detention = Detention.findById(id, lock);
        if (detention == null) {
            throw new NotFoundException(name);
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
