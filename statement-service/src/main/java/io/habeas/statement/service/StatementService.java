package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ClaimName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.names.StatementName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.Claim;
import io.habeas.statement.domain.ClaimKind;
import io.habeas.statement.domain.Statement;
import io.habeas.statement.repository.StatementRepository.Answer;
import io.habeas.statement.repository.StatementRepository.Filter;
import io.habeas.statement.repository.StatementRepository.Row;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Statements and their claims. Every write checks the request and asks detention-service
 * about its persons ({@link #vouchFor}) before its transaction opens, so no connection waits on
 * another service; then, in the transaction, the records it names here (actor, answered claims),
 * and only then stores anything: a failed check leaves nothing behind.
 */
@ApplicationScoped
public class StatementService {

    @Inject
    StatementRepository statements;
    @Inject
    ActorService actors;
    @Inject
    RequestValidator validator;
    @Inject
    DetentionPersons detention;
    @Inject
    Visibility visibility;
    @Inject
    Snapshots snapshots;

    /**
     * The draft's own checks, then its persons (at most {@link StatementDraft#MAX_PERSONS}) asked in
     * one batch: called before a write's transaction, whose own check then reads the answer kept
     * for the request. No transaction: a slow detention-service holds no database connection.
     */
    public StatementDraft vouchFor(StatementDraft draft) {
        validator.check(draft, "statement");
        detention.visible(persons(draft));
        return draft;
    }

    @Transactional
    public StatementView create(StatementDraft draft) {
        validator.check(draft, "statement");
        Actor actor = actors.find(draft.actor(), "statement.actor");
        Statement statement = new Statement();
        statement.actorId = actor.id;
        statement.actorCountry = actor.country;
        Map<UUID, Claim> answered = answeredClaims(statement, draft);
        detention.requireExist(persons(draft));
        apply(statement, draft, actor);
        replaceClaims(statement, draft.claims(), answered, false);
        statements.persist(statement);
        statements.project(statement);
        return view(statement);
    }

    public StatementView get(String name, String field) {
        return view(find(name, field));
    }

    /**
     * A correction. When it names sources, those the caller sent replace those it could see and the
     * ones hidden from it are kept; when it does not, the stored sources stay as they are. The
     * caller sees the whole statement (R1), so the claims it sends replace nothing it could not see.
     */
    @Transactional
    public StatementView update(String name, String etag, StatementDraft merged, boolean namesSources) {
        Statement statement = find(name, "statement.name");
        Etags.require(etag, "statement.etag");
        merged = merged.withSources(namesSources ? SourceAccess.replaceVisible(statement.sources, merged.sources(),
                statement.accessLevel, visibility.clearance()) : statement.sources);
        validator.check(merged, "statement");
        statement.requireActive();
        statement.requireEtag(etag);
        Actor actor = actors.find(merged.actor(), "statement.actor");
        Map<UUID, Claim> answered = answeredClaims(statement, merged);
        detention.requireExist(persons(merged));
        apply(statement, merged, actor);
        replaceClaims(statement, merged.claims(), answered, true);
        statements.project(statement); // flushes: the answer carries the new version as its etag
        return view(statement);
    }

    @Transactional
    public StatementView retract(String name, Retraction retraction) {
        Statement statement = find(name, "name");
        validator.check(retraction, "");
        statement.requireEtag(retraction.etag());
        statement.retract(retraction.reason());
        statements.project(statement); // its claims leave every feed
        return view(statement);
    }

    public record ListFilter(String actor, String actorCountry, String subjectPerson, String subjectCountry,
                             ClaimKind claimKind, DateBounds range, boolean showRetracted) {
    }

    /**
     * Newest first; keyset on (made_sort, precision_rank, id) over the index that matches the filter.
     * A filter naming an actor or a person the caller may not see lists nothing, as for one that
     * does not exist (R3).
     */
    public Page<StatementView> list(PageRequest page, ListFilter filter) {
        Countries.checkFilter(filter.actorCountry(), "actor_country");
        Countries.checkFilter(filter.subjectCountry(), "subject_country");
        validator.check(filter.range(), "date_range");
        UUID actor = blank(filter.actor()) ? null : ActorName.parse(filter.actor(), "actor").id();
        UUID person = blank(filter.subjectPerson()) ? null
                : PersonName.parse(filter.subjectPerson(), "subject_person").id();
        Filter query = new Filter(actor, emptyToNull(filter.actorCountry()), person, emptyToNull(filter.subjectCountry()),
                filter.claimKind(), filter.range().from(), filter.range().to(), filter.showRetracted());
        QueryFingerprint fingerprint = QueryFingerprint.of("statements", query.actorId(), query.actorCountry(),
                query.subjectPerson(), query.subjectCountry(), query.claimKind(), query.from(), query.to(),
                query.showRetracted());
        boolean namesHidden = (actor != null && !actors.isShown(actor)) || (person != null && !visibility.personShown(person));
        return Pager.page(page, fingerprint, Keys.TIMELINE, Row::key, (after, limit) -> namesHidden ? List.of()
                        : statements.listNewestFirst(query, visibility.levelNames(), after, limit))
                .map(rows -> views(rows, snapshots.at(AsOf.NOW)).stream().map(Item::statement).toList());
    }

    /** A page row with its statement loaded, and the claim the row is about when it is a claim. */
    public record Item(StatementView statement, UUID claimId) {
    }

    /**
     * The page's rows whose statements the caller may see whole (their levels are filtered in SQL,
     * their persons here), loaded with the answers the caller may see: a fixed number of statements
     * and one batch to detention-service, whatever the page size. A page may come back short.
     */
    List<Item> views(List<Row> rows, Snapshot at) {
        Map<UUID, Statement> loaded = statements.load(rows.stream().map(Row::statementId).collect(Collectors.toSet()), at);
        Map<UUID, StatementView> shown = present(loaded.values(), true, at);
        return rows.stream().filter(row -> shown.containsKey(row.statementId()))
                .map(row -> new Item(shown.get(row.statementId()), row.claimId())).toList();
    }

    /** Statements as the caller sees them as of the snapshot; onlyWhole leaves out those it may not see whole. */
    private Map<UUID, StatementView> present(Collection<Statement> loaded, boolean onlyWhole, Snapshot at) {
        List<Answer> answers = statements.answeredBy(claimIds(loaded), visibility.levelNames(), at);
        Set<UUID> asked = new HashSet<>(answers.stream().map(Answer::answerStatement).toList());
        loaded.forEach(s -> asked.add(s.id));
        Set<UUID> shown = visibility.statementsShown(asked, at);
        Map<UUID, List<String>> answeredBy = new HashMap<>();
        answers.stream().filter(a -> shown.contains(a.answerStatement())).forEach(a -> answeredBy
                .computeIfAbsent(a.answered(), k -> new ArrayList<>()).add(Claim.name(a.answerStatement(), a.answer())));
        Map<UUID, StatementView> views = new HashMap<>();
        loaded.stream().filter(s -> !onlyWhole || shown.contains(s.id)).forEach(s -> views.put(s.id, new StatementView(s,
                answeredBy, SourceAccess.visible(s.sources, s.accessLevel, visibility.clearance()))));
        return views;
    }

    private StatementView view(Statement statement) {
        return present(List.of(statement), false, snapshots.at(AsOf.NOW)).get(statement.id);
    }

    /** A statement the caller may see whole; one it may not is NOT_FOUND exactly as one that does not exist (R3). */
    private Statement find(String name, String field) {
        UUID id = StatementName.parse(name, field).id();
        Statement statement = statements.findById(id);
        if (statement == null || !visibility.statementsVisible(List.of(id)).contains(id)) {
            throw new NotFoundException(name);
        }
        return statement;
    }

    /**
     * The claims the draft's claims answer. Each must exist (NOT_FOUND), belong to another
     * statement that is not retracted, and not be made after the statement answering it.
     */
    private Map<UUID, Claim> answeredClaims(Statement statement, StatementDraft draft) {
        Map<Integer, ClaimName> named = new HashMap<>();
        for (int i = 0; i < draft.claims().size(); i++) {
            String answers = draft.claims().get(i).answers();
            if (!blank(answers)) {
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
            if (!claim.statement.isActive()) {
                throw new FailedPreconditionException("ANSWERED_CLAIM_RETRACTED", name,
                        name + " belongs to a retracted statement and cannot be answered");
            }
            if (draft.madeOn().certainlyBefore(claim.statement.madeOn)) {
                throw new FailedPreconditionException("ANSWER_BEFORE_CLAIM", name, "the statement is dated "
                        + draft.madeOn() + ", before " + name + " (" + claim.statement.madeOn + ") that it answers");
            }
        }
        return found;
    }

    private static Set<UUID> persons(StatementDraft draft) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < draft.claims().size(); i++) {
            List<String> subjects = draft.claims().get(i).subjectPersons();
            for (int j = 0; j < subjects.size(); j++) {
                ids.add(PersonName.parse(subjects.get(j), "statement.claims[" + i + "].subject_persons[" + j + "]").id());
            }
        }
        return ids;
    }

    private static void apply(Statement statement, StatementDraft draft, Actor actor) {
        statement.actorOffice = blank(draft.actorOffice()) ? actor.office : draft.actorOffice().strip();
        statement.setMadeOn(draft.madeOn());
        statement.medium = draft.medium();
        statement.title = draft.title().strip();
        statement.summary = emptyToNull(draft.summary());
        statement.quotedText = emptyToNull(draft.quotedText());
        statement.accessLevel = AccessLevel.orDefault(draft.accessLevel());
        statement.sources = draft.sources();
        statement.touch();
    }

    /**
     * Claims are replaced as a whole. On an update, a claim that carries the name of one of the
     * statement's claims keeps its identity; a claim left out is removed, unless another claim
     * answers it.
     */
    private void replaceClaims(Statement statement, List<ClaimDraft> drafts, Map<UUID, Claim> answered, boolean keepNamed) {
        Map<UUID, Claim> existing = statement.claims.stream().collect(Collectors.toMap(c -> c.id, c -> c));
        List<Claim> next = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ClaimDraft draft = drafts.get(i);
            Claim claim = null;
            if (keepNamed && !blank(draft.name())) {
                ClaimName named = ClaimName.parse(draft.name(), "statement.claims[" + i + "].name");
                claim = named.statementId().equals(statement.id) ? existing.get(named.id()) : null;
                if (claim == null || next.contains(claim)) {
                    violations.add(new FieldViolation("statement.claims[" + i + "].name",
                            "must be the name of another claim of this statement, or empty for a new claim"));
                    continue;
                }
            }
            if (claim == null) {
                claim = new Claim();
                claim.statement = statement;
            }
            claim.position = i;
            claim.kind = draft.kind();
            claim.text = draft.text().strip();
            claim.subjectPersons = draft.subjectPersons().stream()
                    .map(p -> PersonName.parse(p, "subject_persons").id()).toArray(UUID[]::new);
            claim.subjectCountries = draft.subjectCountries().toArray(String[]::new);
            claim.addresseeCountry = emptyToNull(draft.addresseeCountry());
            Claim answers = blank(draft.answers()) ? null
                    : answered.get(ClaimName.parse(draft.answers(), "answers").id());
            claim.answersClaimId = answers == null ? null : answers.id;
            claim.answersStatementId = answers == null ? null : answers.statement.id;
            next.add(claim);
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        Set<UUID> removed = new LinkedHashSet<>(existing.keySet());
        next.forEach(c -> removed.remove(c.id));
        List<UUID> answeredAway = statements.answered(removed);
        if (!answeredAway.isEmpty()) {
            String name = Claim.name(statement.id, answeredAway.get(0));
            throw new FailedPreconditionException("CLAIM_IS_ANSWERED", name, name
                    + " is answered by another claim, so it cannot be left out; send it with its name to keep it");
        }
        statement.claims.clear();
        statement.claims.addAll(next);
    }

    private static Collection<UUID> claimIds(Collection<Statement> loaded) {
        return loaded.stream().flatMap(s -> s.claims.stream()).map(c -> c.id).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value;
    }
}
