package io.habeas.statement.service;

import com.google.protobuf.Message;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.Statement;
import io.habeas.statement.mapping.Snapshots;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The revisions of actors and statements: each write records one for the record it wrote, after
 * the change is applied and flushed, in its transaction; reads show a caller the revisions it may
 * see. The services find the record first, as their Get does.
 */
@ApplicationScoped
public class History {
    static final String ACTOR = "actor";
    static final String STATEMENT = "statement";

    @Inject
    Revisions revisions;
    @Inject
    StatementRepository statements;
    @Inject
    Visibility visibility;
    @Inject
    DetentionPersons persons;

    /** UPDATED, or RECLASSIFIED when the correction changed the record's own access level. */
    static RevisionAction correction(AccessLevel before, AccessLevel after) {
        return before == after ? RevisionAction.UPDATED : RevisionAction.RECLASSIFIED;
    }

    void record(Actor actor, RevisionAction action) {
        revisions.record(actorChange(actor, action));
    }

    void restored(Actor actor, Revision from, String reason) {
        revisions.record(actorChange(actor, RevisionAction.RESTORED).because(reason).restoring(from.id));
    }

    /** A retraction's revision carries its reason. */
    void record(Statement statement, RevisionAction action) {
        Revisions.Change change = statementChange(statement, action);
        revisions.record(action == RevisionAction.RETRACTED ? change.because(statement.retractionReason) : change);
    }

    /**
     * The CREATED revision of a new statement that answers no claim, not stored yet: for an import,
     * which stores many together. Its level is that {@link #record} reads once the statement is
     * stored: the most restrictive of the statement's and its actor's.
     */
    Revision created(Statement statement, Actor actor) {
        if (statement.claims.stream().anyMatch(c -> c.answersClaimId != null)) {
            throw new IllegalArgumentException("a statement answering claims has the levels of those behind it too");
        }
        return revisions.prepare(Revisions.Change.of(STATEMENT, statement.id, RevisionAction.CREATED,
                levelOfNew(statement, actor), Snapshots.of(statement)));
    }

    /** The level a reader must clear to see a new statement that answers no claim. */
    static AccessLevel levelOfNew(Statement statement, Actor actor) {
        return AccessLevel.mostRestrictive(statement.accessLevel, actor.accessLevel);
    }

    void restored(Statement statement, Revision from, String reason) {
        revisions.record(statementChange(statement, RevisionAction.RESTORED).because(reason).restoring(from.id));
    }

    Revision find(Actor actor, String revisionId) {
        return revisions.find(ACTOR, actor.id, revisionId);
    }

    Revision find(Statement statement, String revisionId) {
        return revisions.find(STATEMENT, statement.id, revisionId);
    }

    /** The actor's revisions the caller may see; one naming a person it may not see now is left out. */
    Page<Kept<io.habeas.statement.v1.Actor>> of(Actor actor, PageRequest page) {
        return revisions.list(ACTOR, actor.id, page).map(found -> {
            List<Kept<io.habeas.statement.v1.Actor>> kept = kept(found, io.habeas.statement.v1.Actor.parser());
            Set<UUID> visible = persons.visible(union(kept, Snapshots::persons));
            return kept.stream().filter(k -> visible.containsAll(Snapshots.persons(k.record())))
                    .map(k -> new Kept<>(k.revision(), Snapshots.forReader(k.record(), k.revision().accessLevel,
                            visibility.clearance()))).toList();
        });
    }

    /**
     * The statement's revisions the caller may see. One naming a person the caller may not see now,
     * or answering a statement it may not see now, is left out; detention-service is asked once per page.
     */
    Page<Kept<io.habeas.statement.v1.Statement>> of(Statement statement, PageRequest page) {
        return revisions.list(STATEMENT, statement.id, page).map(found -> {
            List<Kept<io.habeas.statement.v1.Statement>> kept = kept(found, io.habeas.statement.v1.Statement.parser());
            Visibility.Seen seen = visibility.seen(union(kept, Snapshots::answeredStatements), union(kept, Snapshots::persons));
            return kept.stream().filter(k -> seen.persons().containsAll(Snapshots.persons(k.record()))
                            && seen.statements().containsAll(Snapshots.answeredStatements(k.record())))
                    .map(k -> new Kept<>(k.revision(), Snapshots.forReader(k.record(), k.revision().accessLevel,
                            visibility.clearance(), seen.retractedPersons()))).toList();
        });
    }

    private Revisions.Change actorChange(Actor actor, RevisionAction action) {
        return Revisions.Change.of(ACTOR, actor.id, action, actor.accessLevel, Snapshots.of(actor));
    }

    /** At the level a reader must clear to see the statement: its own, its actor's, those it answers and theirs. */
    private Revisions.Change statementChange(Statement statement, RevisionAction action) {
        AccessLevel effective = AccessLevel.mostRestrictive(statements.levelsBehind(statement.id).toArray(AccessLevel[]::new));
        return Revisions.Change.of(STATEMENT, statement.id, action, effective, Snapshots.of(statement));
    }

    private static <M extends Message> List<Kept<M>> kept(List<Revision> found, com.google.protobuf.Parser<M> parser) {
        return found.stream().map(r -> new Kept<>(r, Revisions.snapshot(r, parser))).toList();
    }

    private static <M extends Message> Set<UUID> union(List<Kept<M>> kept, Function<M, Collection<UUID>> named) {
        Set<UUID> all = new HashSet<>();
        kept.forEach(k -> all.addAll(named.apply(k.record())));
        return all;
    }
}
