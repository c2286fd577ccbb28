package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.ActorKind;
import io.habeas.statement.repository.ActorRepository;
import io.habeas.support.search.NameSearch;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@ApplicationScoped
public class ActorService {
    @Inject
    ActorRepository actors;
    @Inject
    RequestValidator validator;
    @Inject
    DetentionPersons detention;

    @Transactional
    public Actor create(ActorDraft draft) {
        validator.check(draft, "actor");
        UUID person = personId(draft);
        if (person != null) {
            detention.requireExist(List.of(person));
        }
        Actor actor = new Actor();
        apply(actor, draft, person);
        actors.persist(actor);
        return actor;
    }

    public Actor get(String name, String field) {
        UUID id = ActorName.parse(name, field).id();
        Actor actor = actors.findById(id);
        if (actor == null) {
            throw new NotFoundException(name);
        }
        return actor;
    }

    @Transactional
    public Actor update(String name, String etag, ActorDraft merged) {
        Actor actor = get(name, "actor.name");
        Etags.require(etag, "actor.etag");
        validator.check(merged, "actor");
        actor.requireEtag(etag);
        UUID person = personId(merged);
        if (person != null && !person.equals(actor.personRef)) {
            detention.requireExist(List.of(person));
        }
        apply(actor, merged, person);
        actors.flush(); // the answer carries the new version as its etag
        return actor;
    }

    public Page<Actor> list(PageRequest page, String country, ActorKind kind) {
        Countries.checkFilter(country, "country");
        return Pager.page(page, QueryFingerprint.of("actors", country, kind), Keys.ID, actor -> actor.id,
                (after, limit) -> actors.listAfter(after, emptyToNull(country), kind, limit));
    }

    public Page<NameSearch.Match<Actor>> search(String text, PageRequest page) {
        return NameSearch.page(actors.getEntityManager(), Actor.class, "actor", text, page);
    }

    private static UUID personId(ActorDraft draft) {
        return draft.person() == null ? null : PersonName.parse(draft.person(), "actor.person").id();
    }

    private static void apply(Actor actor, ActorDraft draft, UUID person) {
        actor.displayName = draft.displayName().strip();
        actor.kind = draft.kind();
        actor.office = emptyToNull(draft.office());
        actor.organization = emptyToNull(draft.organization());
        actor.country = emptyToNull(draft.country());
        actor.personRef = person;
        actor.accessLevel = AccessLevel.orDefault(draft.accessLevel());
        actor.sources = Objects.requireNonNullElse(draft.sources(), List.of());
        actor.rebuildSearchNames();
        actor.touch();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
