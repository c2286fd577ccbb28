package io.habeas.statement.service;

import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.repository.LevelRepository;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.audit.ConfidentialRecords;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * For the read audit, a record is CONFIDENTIAL when anything it is shown under is (design R1): a
 * statement through its own level, its actor's, those of the statements it answers, and the persons
 * behind them all; an actor through its own level and its person's; a claim as its statement; a
 * person as detention-service gives it. Persons come from the request's answers of detention-service,
 * which every read that shows them has asked already.
 */
@ApplicationScoped
public class ConfidentialStatementRecords implements ConfidentialRecords {
    private static final Pattern STATEMENT = Pattern.compile(StatementName.REGEX);
    private static final Pattern CLAIM = Pattern.compile(ClaimName.REGEX);
    private static final Pattern ACTOR = Pattern.compile(ActorName.REGEX);
    private static final Pattern PERSON = Pattern.compile(PersonName.REGEX);

    @Inject
    LevelRepository levels;
    @Inject
    StatementRepository statements;
    @Inject
    DetentionPersons persons;
    @Inject
    Snapshots snapshots;

    @Override
    public Set<String> confidentialNow(Set<String> names) {
        Map<UUID, Set<String>> statementNames = new HashMap<>();
        Map<UUID, String> actorNames = new HashMap<>();
        Map<UUID, String> personNames = new HashMap<>();
        for (String name : names) {
            if (STATEMENT.matcher(name).matches()) {
                statementNames.computeIfAbsent(StatementName.parse(name, "name").id(), k -> new HashSet<>()).add(name);
            } else if (CLAIM.matcher(name).matches()) {
                statementNames.computeIfAbsent(ClaimName.parse(name, "name").statementId(), k -> new HashSet<>()).add(name);
            } else if (ACTOR.matcher(name).matches()) {
                actorNames.put(ActorName.parse(name, "name").id(), name);
            } else if (PERSON.matcher(name).matches()) {
                personNames.put(PersonName.parse(name, "name").id(), name);
            }
        }
        LevelRepository.Levels byLevel = levels.confidential(statementNames.keySet(), actorNames.keySet());
        Map<UUID, Set<UUID>> behind = new HashMap<>(statements.personsBehind(statementNames.keySet(),
                snapshots.at(AsOf.NOW)));
        byLevel.actorPersons().forEach((actor, person) -> behind.put(actor, Set.of(person)));
        Set<UUID> everyPerson = new HashSet<>(personNames.keySet());
        behind.values().forEach(everyPerson::addAll);
        Set<UUID> confidentialPersons = persons.confidential(everyPerson);

        Set<String> found = new LinkedHashSet<>();
        statementNames.forEach((id, named) -> {
            if (byLevel.confidential().contains(id) || anyOf(behind.get(id), confidentialPersons)) {
                found.addAll(named);
            }
        });
        actorNames.forEach((id, name) -> {
            if (byLevel.confidential().contains(id) || anyOf(behind.get(id), confidentialPersons)) {
                found.add(name);
            }
        });
        personNames.forEach((id, name) -> {
            if (confidentialPersons.contains(id)) {
                found.add(name);
            }
        });
        return found;
    }

    private static boolean anyOf(Set<UUID> ids, Set<UUID> confidential) {
        return ids != null && ids.stream().anyMatch(confidential::contains);
    }
}
