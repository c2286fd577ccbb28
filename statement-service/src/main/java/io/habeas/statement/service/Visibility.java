package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.access.Caller;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the caller may see (design R1): the levels its queries filter by, and the person rule on
 * top of them. An actor is shown when the caller clears its level and may see its person; a
 * statement when it clears the levels of the statement, its actor and the statements it answers
 * (in SQL), and may see every person behind them (detention-service, one batch per call).
 */
@ApplicationScoped
public class Visibility {
    @Inject
    Caller caller;
    @Inject
    DetentionPersons persons;
    @Inject
    StatementRepository statements;
    @Inject
    Snapshots snapshots;

    public Clearance clearance() {
        return caller.clearance();
    }

    public List<AccessLevel> levels() {
        return caller.clearance().readableLevels();
    }

    /** For native queries' IN lists. A caller without a role never gets here; if one did, it would match nothing. */
    public List<String> levelNames() {
        List<String> names = levels().stream().map(Enum::name).toList();
        return names.isEmpty() ? List.of("NONE") : names;
    }

    public boolean actorShown(Actor actor) {
        return caller.clearance().clears(actor.accessLevel)
                && (actor.personRef == null || persons.isVisible(actor.personRef));
    }

    /** Of these actors, whose levels the caller clears, those whose persons it may see; one batch. */
    public List<Actor> actorsShown(List<Actor> actors) {
        Set<UUID> visible = persons.visible(actors.stream().map(a -> a.personRef).filter(p -> p != null).toList());
        return actors.stream().filter(a -> a.personRef == null || visible.contains(a.personRef)).toList();
    }

    public boolean personShown(UUID person) {
        return persons.isVisible(person);
    }

    public Set<UUID> personsShown(Collection<UUID> ids) {
        return persons.visible(ids);
    }

    /** Those of the persons the caller may see as of the instant, as they were then and as they are now. */
    public Set<UUID> personsShown(Collection<UUID> ids, AsOf asOf) {
        return persons.visible(ids, asOf);
    }

    /** Of these statements, whose levels the caller clears, those whose persons it may all see; one batch. */
    public Set<UUID> statementsShown(Collection<UUID> ids) {
        return statementsShown(ids, snapshots.at(AsOf.NOW));
    }

    /**
     * The same as of the snapshot: the persons behind each statement then must be visible then and
     * now, and those behind it now visible now (a statement hidden now stays hidden in the past);
     * one batch per instant. Its levels, then and now, are checked in the query that found it.
     */
    public Set<UUID> statementsShown(Collection<UUID> ids, Snapshot at) {
        Set<UUID> shown = personsAllVisible(ids, statements.personsBehind(ids, at), at.asOf());
        if (!at.isNow()) {
            shown.retainAll(personsAllVisible(ids, statements.personsBehind(ids, snapshots.at(AsOf.NOW)), AsOf.NOW));
        }
        return shown;
    }

    private Set<UUID> personsAllVisible(Collection<UUID> ids, Map<UUID, Set<UUID>> behind, AsOf asOf) {
        Set<UUID> visible = persons.visible(behind.values().stream().flatMap(Set::stream).collect(Collectors.toSet()), asOf);
        return ids.stream().filter(id -> visible.containsAll(behind.getOrDefault(id, Set.of()))).collect(Collectors.toSet());
    }

    /** Those of the statements the caller may see whole: levels first (SQL), then persons. */
    public Set<UUID> statementsVisible(Collection<UUID> ids) {
        return statementsShown(statements.clearedByLevel(ids, levelNames()));
    }
}
