package io.habeas.statement.service;

import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.ActorName;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.Claim;
import io.habeas.statement.domain.Statement;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

/**
 * New statements of an import batch, each built whole in memory by the piece CreateStatement
 * builds its statement with ({@link StatementService#newStatement}), after the same checks, and
 * stored with the batch's other new statements: one insert per table and JDBC batch, and their
 * projections and revisions in two statements and one batch, whatever their number. A statement
 * whose claims answer others takes the single write (its level depends on the statements it
 * answers, read once stored), as does one whose level the caller does not clear.
 */
@ApplicationScoped
class NewStatements {
    /** Rows per JDBC batch of one table, sent as one multi-row INSERT (reWriteBatchedInserts). */
    private static final int ROWS_PER_INSERT = 500;

    @Inject
    StatementService statements;
    @Inject
    ActorService actors;
    @Inject
    StatementRepository repository;
    @Inject
    History history;
    @Inject
    Visibility visibility;
    @Inject
    RequestValidator validator;
    @Inject
    EntityManager entityManager;

    /** What one try of a batch built and has not stored yet. */
    static final class Pending {
        private final List<Built> built = new ArrayList<>();
    }

    private record Built(Statement statement, Actor actor) {
    }

    /**
     * The statement built and added to what is pending, or empty when it takes the single write.
     * A refusal is thrown as CreateStatement throws it, in its order; nothing was stored then.
     */
    Optional<Statement> build(StatementDraft draft, String importKey, ImportIndex index, Pending pending) {
        if (draft.claims().stream().anyMatch(c -> c.answers() != null && !c.answers().isBlank())) {
            return Optional.empty();
        }
        validator.check(draft, "statement");
        Actor actor = index.shownActor(ActorName.parse(draft.actor(), "statement.actor").id(), actors::shown)
                .orElseThrow(() -> new NotFoundException(draft.actor()));
        Statement statement = statements.newStatement(draft, importKey, actor);
        if (!visibility.clearance().clears(History.levelOfNew(statement, actor))) {
            return Optional.empty();
        }
        pending.built.add(new Built(statement, actor));
        return Optional.of(statement);
    }

    /**
     * Stores what is pending after what the single writes left: the rows of one table after another
     * through a stateless session on the transaction's connection (each table's inserts batch, and
     * no copy of a row is kept to be checked at commit), then the feeds' projections.
     */
    void store(Pending pending) {
        if (pending.built.isEmpty()) {
            return;
        }
        List<Built> built = List.copyOf(pending.built);
        pending.built.clear();
        List<Statement> stored = built.stream().map(Built::statement).toList();
        List<Claim> claims = stored.stream().flatMap(s -> s.claims.stream()).toList();
        List<Object> revised = new ArrayList<>(built.stream().map(b -> history.created(b.statement(), b.actor())).toList());
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        try (StatelessSession rows = session.statelessWithOptions().connection().statementInspector().open()) {
            rows.setJdbcBatchSize(ROWS_PER_INSERT);
            rows.insertMultiple(stored);
            rows.insertMultiple(claims);
            rows.insertMultiple(revised);
        }
        repository.projectNew(stored.stream().map(s -> s.id).toList());
    }
}
