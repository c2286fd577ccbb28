package io.habeas.statement.service;

import io.habeas.kernel.errors.ConflictException;
import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.PermissionDeniedException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.identifiers.ExternalIds;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.StatementName;
import io.habeas.kernel.text.HumanText;
import io.habeas.statement.mapping.ActorMapper;
import io.habeas.statement.mapping.StatementMapper;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.support.imports.ImportEffect;
import io.habeas.support.imports.Reconciliation;
import io.habeas.support.imports.RejectedPart;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Stores one import record inside its batch's transaction through the use case its single write
 * runs (so with the same checks, levels and revisions); a new statement is built by the same piece
 * and stored with the batch's others ({@link NewStatements}). A refusal is thrown as a
 * {@link RejectedPart}; the batch then leaves the whole record out.
 */
@ApplicationScoped
class RecordImport {
    static final int MAX_KEY_LENGTH = 200;
    /** Where a statement record's parts are: its BadRequest paths start at the record. */
    static final String STATEMENT = "statement";

    /** The record's effect, its stored actor or statement, and a statement's claims in order. */
    record Stored(ImportEffect effect, String name, List<String> claims) {
    }

    @Inject
    ActorService actors;
    @Inject
    StatementService statements;
    @Inject
    NewStatements newStatements;
    @Inject
    Reconciliation reconciliation;
    @Inject
    RequestValidator validator;

    /**
     * The checks the single write makes first, on the record alone, run before the batch's
     * transaction: a record that fails them is left out without costing the batch another try.
     */
    void precheck(ImportRecord record) {
        switch (record.getRecordCase()) {
            case ACTOR -> check("", () -> validator.check(ActorMapper.toDraft(record.getActor()), "actor"));
            case STATEMENT -> check(STATEMENT, () -> {
                ImportStatement imported = record.getStatement();
                checkShape(imported);
                // Any actor: the draft's own rules read only its form, and an identifier is resolved in the transaction.
                String actor = imported.hasActorExternalId() ? ActorName.of(new UUID(0, 0)).toString()
                        : imported.getStatement().getActor();
                validator.check(StatementMapper.toDraft(imported.getStatement().toBuilder().setActor(actor).build()), "statement");
            });
            default -> throw new RejectedPart("", InvalidArgumentException.of("record", "must hold an actor or a statement"));
        }
    }

    Stored store(ImportRecord record, ImportIndex index, NewStatements.Pending pending) {
        return record.hasActor() ? storeActor(record.getActor(), index)
                : storeStatement(record.getStatement(), index, pending);
    }

    private Stored storeActor(io.habeas.statement.v1.Actor incoming, ImportIndex index) {
        List<ExternalId> ids = incoming.getExternalIdsList().stream().map(ExternalId::fromProto).toList();
        var held = part("", () -> index.holder(ids));
        UUID actor;
        boolean changed;
        if (held.isPresent()) {
            actor = held.get();
            changed = part("", () -> updateActor(actor, incoming));
        } else {
            actor = part("", () -> actors.create(ActorMapper.toDraft(incoming)).actor().id);
            changed = true;
        }
        index.actorStored(actor, ids);
        return new Stored(effect(held.isEmpty(), changed), ActorName.of(actor).toString(), List.of());
    }

    private boolean updateActor(UUID id, io.habeas.statement.v1.Actor incoming) {
        ActorView visible;
        try {
            visible = actors.get(ActorName.of(id).toString(), "actor.external_ids");
        } catch (NotFoundException hidden) {
            // As CreateActor: ALREADY_EXISTS for the taken identifier, naming no actor the caller may not see.
            actors.create(ActorMapper.toDraft(incoming));
            throw new IllegalStateException("an identifier held by a hidden actor was given to another");
        }
        var stored = ActorMapper.toProto(visible);
        var merged = reconciliation.changes(stored, incoming, ActorMapper.UPDATABLE);
        merged.ifPresent(m -> actors.update(stored.getName(), stored.getEtag(), ActorMapper.toDraft(m), true));
        return merged.isPresent();
    }

    private Stored storeStatement(ImportStatement imported, ImportIndex index, NewStatements.Pending pending) {
        var incoming = imported.getStatement().toBuilder().setActor(part(STATEMENT, () -> actorOf(imported, index))).build();
        String importKey = imported.getImportKey().isEmpty() ? null : imported.getImportKey();
        var keyed = index.statement(imported.getImportKey());
        if (keyed.isEmpty()) {
            var built = part(STATEMENT, () -> newStatements.build(StatementMapper.toDraft(incoming), importKey, index, pending));
            if (built.isPresent()) {
                index.statementStored(built.get().id, imported.getImportKey());
                return new Stored(ImportEffect.CREATED, built.get().resourceName(),
                        built.get().activeClaims().stream().map(c -> c.resourceName()).toList());
            }
        }
        StatementView stored;
        boolean changed;
        if (keyed.isPresent()) {
            var update = part(STATEMENT, () -> updateStatement(keyed.get(), incoming));
            stored = update.view();
            changed = update.changed();
        } else {
            stored = part(STATEMENT, () -> statements.create(StatementMapper.toDraft(incoming), importKey));
            changed = true;
        }
        index.statementStored(stored.statement().id, imported.getImportKey());
        return new Stored(effect(keyed.isEmpty(), changed), stored.statement().resourceName(),
                stored.statement().activeClaims().stream().map(c -> c.resourceName()).toList());
    }

    private record Update(StatementView view, boolean changed) {
    }

    /**
     * The keyed statement made as the record says, as an update naming every updatable field would.
     * Claims take the identities of the stored ones in their positions; an empty actor_office keeps
     * the stored one.
     */
    private Update updateStatement(UUID id, io.habeas.statement.v1.Statement incoming) {
        String name = StatementName.of(id).toString();
        StatementView current;
        try {
            current = statements.get(name, "statement.import_key");
        } catch (NotFoundException hidden) {
            throw new ConflictException(ConflictException.Kind.ALREADY_EXISTS, "IMPORT_KEY_TAKEN",
                    "import_key is held by a statement that the caller may not see");
        }
        current.statement().requireActive();
        var stored = StatementMapper.toProto(current);
        if (!stored.getActor().equals(incoming.getActor())) {
            throw InvalidArgumentException.of("statement.actor",
                    "names another actor than the stored statement with this import_key; a statement's actor cannot change");
        }
        var sent = incoming.toBuilder();
        for (int i = 0; i < sent.getClaimsCount(); i++) {
            sent.getClaimsBuilder(i).setName(i < stored.getClaimsCount() ? stored.getClaims(i).getName() : "");
        }
        if (sent.getActorOffice().isEmpty()) {
            sent.setActorOffice(stored.getActorOffice());
        }
        var merged = reconciliation.changes(stored, sent.build(), StatementMapper.UPDATABLE);
        if (merged.isEmpty()) {
            return new Update(current, false);
        }
        return new Update(statements.update(name, stored.getEtag(), StatementMapper.toDraft(merged.get()), true), true);
    }

    /** The statement's actor by name: as sent, or the visible holder of its identifier. */
    private String actorOf(ImportStatement imported, ImportIndex index) {
        if (!imported.hasActorExternalId()) {
            return imported.getStatement().getActor();
        }
        ExternalId id = ExternalId.fromProto(imported.getActorExternalId());
        UUID actor = index.actor(id);
        if (index.shownActor(actor, actors::shown).isEmpty()) {
            throw new NotFoundException(ImportIndex.describe(id));
        }
        return ActorName.of(actor).toString();
    }

    private static void checkShape(ImportStatement imported) {
        List<FieldViolation> violations = new ArrayList<>();
        String key = imported.getImportKey();
        if (!key.isEmpty() && (key.length() > MAX_KEY_LENGTH || HumanText.problem(key, HumanText.Shape.LINE).isPresent())) {
            violations.add(new FieldViolation("import_key", "must be one line of printable text, at most " + MAX_KEY_LENGTH
                    + " characters"));
        }
        if (imported.hasActorExternalId()) {
            try {
                ExternalIds.checked(ExternalId.fromProto(imported.getActorExternalId()), "actor_external_id");
            } catch (InvalidArgumentException malformed) {
                violations.addAll(malformed.violations());
            }
        }
        if (imported.hasActorExternalId() && !imported.getStatement().getActor().isEmpty()) {
            violations.add(new FieldViolation("actor_external_id",
                    "names the actor a second time; give it by statement.actor or by actor_external_id, not both"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    private static ImportEffect effect(boolean created, boolean changed) {
        return created ? ImportEffect.CREATED : changed ? ImportEffect.UPDATED : ImportEffect.UNCHANGED;
    }

    private static void check(String path, Runnable check) {
        part(path, () -> {
            check.run();
            return null;
        });
    }

    /** Runs one write; a refusal its single write would answer rejects the record, naming where it is. */
    private static <T> T part(String path, Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidArgumentException | NotFoundException | FailedPreconditionException | PermissionDeniedException
                | ConflictException refused) {
            throw new RejectedPart(path, refused);
        }
    }
}
