package io.habeas.statement.service;

import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.domain.Claim;
import io.habeas.statement.domain.Statement;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.records.RecordState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a write sets a statement's claims. Claims are replaced as a whole, but none is deleted: a
 * claim sent with the name of one of the statement's claims keeps its identity (a retracted one
 * comes back), and a claim left out is retracted, unless an active claim answers it.
 */
@ApplicationScoped
public class ClaimCorrections {
    @Inject
    StatementRepository statements;
    @Inject
    Visibility visibility;
    @Inject
    DetentionPersons detention;

    /** How the claims sent relate to those stored. */
    public enum Mode {
        /** A new statement: claims' names are not read. */
        CREATE,
        /**
         * A correction: a named claim also keeps the subjects detention-service retracted, which its
         * writer read it without.
         */
        CORRECT,
        /** A restore: the claims exactly as a revision kept them, identities included. */
        RESTORE
    }

    /**
     * The claims the draft's claims answer. Each must exist (NOT_FOUND), belong to another statement,
     * not be retracted, nor its statement, and not be made after the statement answering it.
     */
    Map<UUID, Claim> answered(Statement statement, StatementDraft draft) {
        Map<Integer, ClaimName> named = new HashMap<>();
        for (int i = 0; i < draft.claims().size(); i++) {
            String answers = draft.claims().get(i).answers();
            if (answers != null && !answers.isBlank()) {
                named.put(i, ClaimName.parse(answers, "statement.claims[" + i + "].answers"));
            }
        }
        Map<UUID, Claim> found = statements.claims(named.values().stream().map(ClaimName::id).collect(Collectors.toSet()));
        Set<UUID> visible = visibility.statementsVisible(found.values().stream().map(c -> c.statement.id).toList());
        for (var entry : named.entrySet()) {
            String field = "statement.claims[" + entry.getKey() + "].answers";
            String name = draft.claims().get(entry.getKey()).answers();
            Claim claim = found.get(entry.getValue().id());
            if (claim == null || !claim.statement.id.equals(entry.getValue().statementId())
                    || !visible.contains(claim.statement.id)) {
                throw new NotFoundException(name);
            }
            if (claim.statement.id.equals(statement.id)) {
                throw InvalidArgumentException.of(field, "must name a claim of another statement");
            }
            if (!claim.statement.isActive() || !claim.isActive()) {
                throw new FailedPreconditionException("ANSWERED_CLAIM_RETRACTED", name, name
                        + (claim.isActive() ? " belongs to a retracted statement" : " was retracted from its statement")
                        + " and cannot be answered");
            }
            if (draft.madeOn().certainlyBefore(claim.statement.madeOn)) {
                throw new FailedPreconditionException("ANSWER_BEFORE_CLAIM", name, "the statement is dated "
                        + draft.madeOn() + ", before " + name + " (" + claim.statement.madeOn + ") that it answers");
            }
        }
        return found;
    }

    /**
     * Sets the statement's claims to the drafts, in their order. A person new to a claim must not be
     * retracted in detention-service (its visibility was checked before); one the claim already names
     * is not asked again.
     */
    void replace(Statement statement, List<ClaimDraft> drafts, Map<UUID, Claim> answered, Mode mode) {
        Map<UUID, Claim> existing = statement.claims.stream().collect(Collectors.toMap(c -> c.id, c -> c));
        List<Claim> kept = new ArrayList<>();
        List<List<UUID>> subjects = new ArrayList<>();
        Set<UUID> newSubjects = new LinkedHashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ClaimDraft draft = drafts.get(i);
            Claim claim = null;
            if (mode != Mode.CREATE && draft.name() != null && !draft.name().isBlank()) {
                ClaimName named = ClaimName.parse(draft.name(), "statement.claims[" + i + "].name");
                claim = named.statementId().equals(statement.id) ? existing.get(named.id()) : null;
                if (claim == null || kept.contains(claim)) {
                    violations.add(new FieldViolation("statement.claims[" + i + "].name",
                            "must be the name of another claim of this statement, or empty for a new claim"));
                    continue;
                }
            }
            List<UUID> persons = new ArrayList<>(draft.subjectPersons().stream()
                    .map(p -> PersonName.parse(p, "subject_persons").id()).toList());
            Set<UUID> before = claim == null ? Set.of() : new HashSet<>(Arrays.asList(claim.subjectPersons));
            if (mode == Mode.CORRECT) {
                visibility.personsRetracted(before).stream().filter(p -> !persons.contains(p)).forEach(persons::add);
            }
            persons.stream().filter(p -> !before.contains(p)).forEach(newSubjects::add);
            kept.add(claim);
            subjects.add(persons);
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        detention.requireActive(newSubjects);
        List<Claim> dropped = statement.claims.stream().filter(c -> c.isActive() && !kept.contains(c)).toList();
        List<UUID> answeredAway = statements.answered(dropped.stream().map(c -> c.id).toList());
        if (!answeredAway.isEmpty()) {
            String name = Claim.name(statement.id, answeredAway.get(0));
            throw new FailedPreconditionException("CLAIM_IS_ANSWERED", name, name
                    + " is answered by another claim, so it cannot be left out; send it with its name to keep it");
        }
        dropped.forEach(c -> c.state = RecordState.RETRACTED);
        for (int i = 0; i < drafts.size(); i++) {
            Claim claim = kept.get(i);
            if (claim == null) {
                claim = new Claim();
                claim.statement = statement;
                statement.claims.add(claim);
            }
            set(claim, i, drafts.get(i), subjects.get(i), answered);
        }
    }

    private static void set(Claim claim, int position, ClaimDraft draft, List<UUID> persons, Map<UUID, Claim> answered) {
        claim.state = RecordState.ACTIVE;
        claim.position = position;
        claim.kind = draft.kind();
        claim.text = draft.text().strip();
        claim.subjectPersons = persons.toArray(UUID[]::new);
        claim.subjectCountries = draft.subjectCountries().toArray(String[]::new);
        claim.addresseeCountry = draft.addresseeCountry() == null || draft.addresseeCountry().isBlank() ? null
                : draft.addresseeCountry();
        Claim answers = draft.answers() == null || draft.answers().isBlank() ? null
                : answered.get(ClaimName.parse(draft.answers(), "answers").id());
        claim.answersClaimId = answers == null ? null : answers.id;
        claim.answersStatementId = answers == null ? null : answers.statement.id;
    }
}
