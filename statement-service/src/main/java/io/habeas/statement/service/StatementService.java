package io.habeas.statement.service;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ActorName;
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
import io.habeas.statement.mapping.StatementMapper;
import io.habeas.statement.repository.StatementRepository.Answer;
import io.habeas.statement.repository.StatementRepository.Filter;
import io.habeas.statement.repository.StatementRepository.Row;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.access.SourceAccess;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import io.habeas.support.records.RecordState;
import io.habeas.support.revisions.Revision;
import io.habeas.support.revisions.RevisionAction;
import io.habeas.support.revisions.Revisions;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.Etags;
import io.habeas.support.validation.RequestValidator;
import io.habeas.support.validation.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
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
    @Inject
    ClaimCorrections claims;
    @Inject
    History history;

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
        return create(draft, null);
    }

    /** A create that stores the importing source's key for the statement (null for none) with it. */
    @Transactional
    public StatementView create(StatementDraft draft, String importKey) {
        validator.check(draft, "statement");
        Statement statement = newStatement(draft, importKey, actors.find(draft.actor(), "statement.actor"));
        statements.persist(statement);
        statements.project(statement);
        history.record(statement, RevisionAction.CREATED);
        return view(statement);
    }

    /**
     * A new statement by the actor (found as the caller may see it) with its claims, built and
     * checked as a create checks it after the draft's own checks, not stored: what the answered
     * claims and detention-service's answer (kept for the request) refuse is thrown.
     */
    Statement newStatement(StatementDraft draft, String importKey, Actor actor) {
        Statement statement = new Statement();
        statement.importKey = importKey;
        statement.actorId = actor.id;
        statement.actorCountry = actor.country;
        Map<UUID, Claim> answered = claims.answered(statement, draft);
        detention.requireExist(persons(draft));
        apply(statement, draft, actor);
        claims.replace(statement, draft.claims(), answered, ClaimCorrections.Mode.CREATE);
        return statement;
    }

    public StatementView get(String name, String field) {
        return view(find(name, field));
    }

    /**
     * A correction. When it names sources, those the caller sent replace those it could see and the
     * ones hidden from it are kept; when it does not, the stored sources stay as they are. The
     * caller sees the whole statement (R1), so the claims it sends replace nothing it could not see,
     * but for the subjects detention-service retracted, which named claims keep.
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
        Map<UUID, Claim> answered = claims.answered(statement, merged);
        detention.requireExist(persons(merged));
        AccessLevel before = statement.accessLevel;
        apply(statement, merged, actor);
        claims.replace(statement, merged.claims(), answered, ClaimCorrections.Mode.CORRECT);
        statements.project(statement); // flushes: the answer carries the new version as its etag
        history.record(statement, History.correction(before, statement.accessLevel));
        return view(statement);
    }

    @Transactional
    public StatementView retract(String name, Retraction retraction) {
        Statement statement = find(name, "name");
        validator.check(retraction, "");
        statement.requireEtag(retraction.etag());
        statement.retract(retraction.reason());
        statements.project(statement); // its claims leave every feed
        history.record(statement, RevisionAction.RETRACTED);
        return view(statement);
    }

    /**
     * The restore's own checks and the persons of the revision asked of detention-service in one
     * batch, before its transaction opens, as {@link #vouchFor} does for a correction.
     */
    public void vouchForRestore(String name, Restoration restoration) {
        validator.check(restoration, "");
        Statement statement = find(name, "name");
        detention.visible(persons(StatementMapper.toDraft(kept(statement, restoration))));
    }

    /**
     * Makes the statement as a revision kept it (claims with their identities, sources, level,
     * state) through a correction's checks, which fail as FAILED_PRECONDITION here (the revision
     * is fine, the state now refuses it). Claims the revision did not hold are retracted.
     */
    @Transactional
    public StatementView restore(String name, Restoration restoration) {
        validator.check(restoration, "");
        Statement statement = find(name, "name");
        statement.requireEtag(restoration.etag());
        Revision revision = history.find(statement, restoration.revisionId());
        io.habeas.statement.v1.Statement kept = Revisions.snapshot(revision, io.habeas.statement.v1.Statement.parser());
        StatementDraft draft = StatementMapper.toDraft(kept);
        Restoration.checkedAsUpdate(() -> {
            validator.check(draft, "statement");
            Actor actor = actors.find(draft.actor(), "statement.actor");
            Map<UUID, Claim> answered = claims.answered(statement, draft);
            detention.requireExist(persons(draft));
            apply(statement, draft, actor);
            claims.replace(statement, draft.claims(), answered, ClaimCorrections.Mode.RESTORE);
        });
        statement.actorOffice = emptyToNull(kept.getActorOffice()); // as kept, even when the actor has an office now
        boolean retracted = kept.getState() == io.habeas.common.v1.RecordState.RECORD_STATE_RETRACTED;
        statement.state = retracted ? RecordState.RETRACTED : RecordState.ACTIVE;
        statement.retractionReason = retracted ? kept.getRetractionReason() : null;
        statements.project(statement);
        history.restored(statement, revision, restoration.reason());
        return view(statement);
    }

    /** The statement's revisions the caller may see, newest first, once it may see the statement now (as Get). */
    public Page<Kept<io.habeas.statement.v1.Statement>> revisions(String name, PageRequest page) {
        return history.of(find(name, "name"), page);
    }

    private io.habeas.statement.v1.Statement kept(Statement statement, Restoration restoration) {
        return Revisions.snapshot(history.find(statement, restoration.revisionId()), io.habeas.statement.v1.Statement.parser());
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

    /**
     * Active statements the caller may see whole, in recording order after the given id, from a page
     * of limit rows (so possibly fewer): their claims and answers loaded for the page, a fixed number
     * of statements and one batch to detention-service whatever its size.
     */
    public ExportPage<StatementView> exportPage(UUID after, int limit) {
        List<UUID> ids = statements.activeAfter(after, visibility.levelNames(), limit);
        Map<UUID, StatementView> shown = present(statements.load(ids, snapshots.at(AsOf.NOW)).values(), true,
                snapshots.at(AsOf.NOW));
        return new ExportPage<>(ids.stream().filter(shown::containsKey).map(shown::get).toList(),
                ids.size() < limit ? null : ids.get(ids.size() - 1));
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

    /**
     * The statements the caller may see whole now, retracted ones too, as the List RPCs show them
     * (answers it may see, sources by access): a watch's items. A fixed number of statements and one
     * batch to detention-service.
     */
    Map<UUID, StatementView> visibleNow(Collection<UUID> ids) {
        Snapshot now = snapshots.at(AsOf.NOW);
        return present(statements.load(visibility.statementsVisible(ids), now).values(), true, now);
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
        Set<UUID> retracted = visibility.personsRetracted(loaded.stream().flatMap(s -> s.claims.stream())
                .flatMap(c -> Arrays.stream(c.subjectPersons)).collect(Collectors.toSet()), at.asOf());
        Map<UUID, StatementView> views = new HashMap<>();
        loaded.stream().filter(s -> !onlyWhole || shown.contains(s.id)).forEach(s -> views.put(s.id, new StatementView(s,
                answeredBy, SourceAccess.visible(s.sources, s.accessLevel, visibility.clearance()), retracted)));
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

    static Set<UUID> persons(StatementDraft draft) {
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
