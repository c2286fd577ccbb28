package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.identifiers.ExternalIds;
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
import io.habeas.statement.mapping.ActorMapper;
import io.habeas.statement.repository.ActorRepository;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.records.ExternalIdRegister;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.search.NameSearch;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ActorService {
    private static final ExternalIdRegister EXTERNAL_IDS = new ExternalIdRegister("actor");

    @Inject
    ActorRepository actors;
    @Inject
    RequestValidator validator;
    @Inject
    DetentionPersons detention;
    @Inject
    Visibility visibility;
    @Inject
    History history;

    @Transactional
    public ActorView create(ActorDraft draft) {
        validator.check(draft, "actor");
        UUID person = personId(draft);
        if (person != null) {
            detention.requireActive(List.of(person));
        }
        requireFree(draft.externalIds(), null, "actor.external_ids");
        Actor actor = new Actor();
        apply(actor, draft, person);
        actors.persist(actor);
        EXTERNAL_IDS.flush(actors::flush, "actor.external_ids");
        history.record(actor, RevisionAction.CREATED);
        return view(actor);
    }

    public ActorView get(String name, String field) {
        return view(find(name, field));
    }

    /** An actor the caller may see (R1); one it may not is NOT_FOUND exactly as one that does not exist (R3). */
    Actor find(String name, String field) {
        UUID id = ActorName.parse(name, field).id();
        Actor actor = actors.findCleared(id, visibility.levels());
        if (actor == null || !visibility.actorShown(actor)) {
            throw new NotFoundException(name);
        }
        return actor;
    }

    /** Whether the caller may see the actor with this id; an unknown id is not seen either. */
    boolean isShown(UUID id) {
        return shown(id).isPresent();
    }

    /** The actor with this id if the caller may see it; empty for an unknown one too. */
    Optional<Actor> shown(UUID id) {
        Actor actor = actors.findCleared(id, visibility.levels());
        return actor != null && visibility.actorShown(actor) ? Optional.of(actor) : Optional.empty();
    }

    /**
     * A correction. When it names sources, those the caller sent replace those it could see and the
     * ones hidden from it are kept; when it does not, the stored sources stay as they are.
     */
    @Transactional
    public ActorView update(String name, String etag, ActorDraft merged, boolean namesSources) {
        Actor actor = find(name, "actor.name");
        Etags.require(etag, "actor.etag");
        if (namesSources) {
            merged = merged.withSources(SourceAccess.replaceVisible(actor.sources,
                    Objects.requireNonNullElse(merged.sources(), List.of()), actor.accessLevel, visibility.clearance()));
        }
        validator.check(merged, "actor");
        actor.requireEtag(etag);
        UUID person = personId(merged);
        if (person != null && !person.equals(actor.personRef)) {
            detention.requireActive(List.of(person));
        }
        requireFree(merged.externalIds(), actor.id, "actor.external_ids");
        List<SourceCitation> stored = actor.sources;
        AccessLevel before = actor.accessLevel;
        apply(actor, merged, person);
        if (!namesSources) {
            actor.sources = stored; // the caller's copy lacks those hidden from it
        }
        EXTERNAL_IDS.flush(actors::flush, "actor.external_ids"); // the answer carries the new version as its etag
        history.record(actor, History.correction(before, actor.accessLevel));
        return view(actor);
    }

    /**
     * Makes the actor as a revision kept it, through a correction's checks, which fail as
     * FAILED_PRECONDITION here (the revision is fine, the state now refuses it).
     */
    @Transactional
    public ActorView restore(String name, Restoration restoration) {
        validator.check(restoration, "");
        Actor actor = find(name, "name");
        actor.requireEtag(restoration.etag());
        Revision revision = history.find(actor, restoration.revisionId());
        ActorDraft draft = ActorMapper.toDraft(Revisions.snapshot(revision, io.habeas.statement.v1.Actor.parser()));
        UUID person = personId(draft);
        Restoration.checkedAsUpdate(() -> {
            validator.check(draft, "actor");
            if (person != null && !person.equals(actor.personRef)) {
                detention.requireActive(List.of(person));
            }
            requireFree(draft.externalIds(), actor.id, "external_ids");
        });
        apply(actor, draft, person);
        Restoration.checkedAsUpdate(() -> EXTERNAL_IDS.flush(actors::flush, "external_ids"));
        history.restored(actor, revision, restoration.reason());
        return view(actor);
    }

    /** The actor's revisions the caller may see, newest first, once it may see the actor now (as Get). */
    public Page<Kept<io.habeas.statement.v1.Actor>> revisions(String name, PageRequest page) {
        return history.of(find(name, "name"), page);
    }

    /**
     * A page may come back short: the actors whose persons the caller may not see leave it, the token
     * walks on. By an external identifier, the one actor holding it, if the caller may see it.
     */
    public Page<ActorView> list(PageRequest page, String country, ActorKind kind, ExternalId externalId) {
        Countries.checkFilter(country, "country");
        ExternalId heldId = externalId == null ? null : ExternalIds.checked(externalId, "external_id");
        var query = heldId == null ? QueryFingerprint.of("actors", country, kind)
                : QueryFingerprint.of("actors", country, kind, List.of(heldId.scheme(), heldId.value()));
        return Pager.<UUID, Actor>page(page, query, Keys.ID, actor -> actor.id, (after, limit) -> {
            Optional<UUID> holder = heldId == null ? Optional.empty() : EXTERNAL_IDS.holder(actors.getEntityManager(), heldId);
            if (heldId != null && holder.isEmpty()) {
                return List.of();
            }
            return actors.listAfter(after, emptyToNull(country), kind, holder.orElse(null), visibility.levels(), limit);
        }).map(found -> visibility.actorsShown(found).stream().map(this::view).toList());
    }

    /** Actors the caller may see, in recording order after the given id, from a page of limit rows. */
    public ExportPage<ActorView> exportPage(UUID after, int limit) {
        List<Actor> found = actors.listAfter(after, null, null, null, visibility.levels(), limit);
        return new ExportPage<>(visibility.actorsShown(found).stream().map(this::view).toList(),
                found.size() < limit ? null : found.get(found.size() - 1).id);
    }

    public Page<NameSearch.Match<ActorView>> search(String text, PageRequest page) {
        return NameSearch.page(actors.getEntityManager(), Actor.class, "actor", text, visibility.levels(), page)
                .map(matches -> {
                    var shown = visibility.actorsShown(matches.stream().map(NameSearch.Match::record).toList());
                    return matches.stream().filter(m -> shown.contains(m.record()))
                            .map(m -> new NameSearch.Match<>(view(m.record()), m.score())).toList();
                });
    }

    /**
     * Refuses identifiers another actor holds (ALREADY_EXISTS, EXTERNAL_ID_TAKEN), naming it only when
     * the caller may see it: that some actor holds the pair shows either way.
     */
    private void requireFree(List<ExternalId> ids, UUID self, String field) {
        EXTERNAL_IDS.requireFree(actors.getEntityManager(), Objects.requireNonNullElse(ids, List.of()), self, field,
                holder -> isShown(holder) ? Optional.of(ActorName.of(holder).toString()) : Optional.empty());
    }

    private ActorView view(Actor actor) {
        return new ActorView(actor, SourceAccess.visible(actor.sources, actor.accessLevel, visibility.clearance()));
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
        actor.externalIds = Objects.requireNonNullElse(draft.externalIds(), List.of());
        actor.rebuildSearchNames();
        actor.touch();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
