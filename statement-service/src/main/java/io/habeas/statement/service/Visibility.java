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
 * (in SQL), and may see every person behind them (detention-service, one batch per call). A
 * retracted person still counts as seen for those rules, so that what names it still shows (without
 * its name in subject_persons), but nothing is about it: feeds, summaries and filters naming it are
 * empty, as for an unknown person.
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

    /** Whether feeds and summaries may be about this person: one the caller may see, not retracted. */
    public boolean personShown(UUID person) {
        return persons.active(List.of(person)).contains(person);
    }

    /** Those of the persons feeds and summaries may be about: those the caller may see, not retracted. */
    public Set<UUID> personsShown(Collection<UUID> ids) {
        return persons.active(ids);
    }

    /** Those of the persons the caller may see that were retracted: left out of subject_persons. */
    public Set<UUID> personsRetracted(Collection<UUID> ids) {
        return persons.retracted(ids);
    }

    /** The same as of the instant: persons the caller may see as they were then and as they are now, not retracted then. */
    public Set<UUID> personsShown(Collection<UUID> ids, AsOf asOf) {
        return persons.active(ids, asOf);
    }

    /** Those of the persons the caller may see as of the instant that were retracted then. */
    public Set<UUID> personsRetracted(Collection<UUID> ids, AsOf asOf) {
        return persons.retracted(ids, asOf);
    }

    /** Of these statements, whose levels the caller clears, those whose persons it may all see; one batch. */
    public Set<UUID> statementsShown(Collection<UUID> ids) {
        return shown(ids, Set.of()).statements();
    }

    /**
     * The same as of the snapshot: the persons behind each statement then must be visible then and
     * now, and those behind it now visible now (a statement hidden now stays hidden in the past);
     * one batch per instant. Its levels, then and now, are checked in the query that found it.
     */
    public Set<UUID> statementsShown(Collection<UUID> ids, Snapshot at) {
        if (at.isNow()) {
            return statementsShown(ids);
        }
        Set<UUID> shown = personsAllVisible(ids, statements.personsBehind(ids, at), at.asOf());
        shown.retainAll(statementsShown(ids));
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

    /**
     * Of these statements, those the caller could see whole as they were at the snapshot: their levels
     * then, and the persons behind them then, as detention-service shows them to the caller now (a
     * watch's question: was a retracted item one the caller could read). One batch.
     */
    public Set<UUID> statementsVisibleThen(Collection<UUID> ids, Snapshot then) {
        Set<UUID> cleared = statements.clearedByLevelThen(ids, levelNames(), then);
        Map<UUID, Set<UUID>> behind = statements.personsBehind(cleared, then);
        Set<UUID> visible = persons.visible(behind.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
        return cleared.stream().filter(id -> visible.containsAll(behind.getOrDefault(id, Set.of())))
                .collect(Collectors.toSet());
    }

    /** Statements the caller may see whole, and persons it may see (retracted ones among them). */
    public record Seen(Set<UUID> statements, Set<UUID> persons, Set<UUID> retractedPersons) {
    }

    /**
     * {@link #statementsVisible} of these statements and which of these other persons the caller may
     * see, with one batch to detention-service for both: what a page of revisions needs.
     */
    public Seen seen(Collection<UUID> statementIds, Collection<UUID> personIds) {
        return shown(statements.clearedByLevel(statementIds, levelNames()), personIds);
    }

    private Seen shown(Collection<UUID> cleared, Collection<UUID> personIds) {
        Map<UUID, Set<UUID>> behind = statements.personsBehind(cleared, snapshots.at(AsOf.NOW));
        Set<UUID> asked = behind.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        asked.addAll(personIds);
        Set<UUID> visible = persons.visible(asked);
        return new Seen(cleared.stream().filter(id -> visible.containsAll(behind.getOrDefault(id, Set.of())))
                .collect(Collectors.toSet()), personIds.stream().filter(visible::contains).collect(Collectors.toSet()),
                persons.retracted(personIds));
    }
}
