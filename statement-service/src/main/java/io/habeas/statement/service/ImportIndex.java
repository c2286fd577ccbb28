package io.habeas.statement.service;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.identifiers.ExternalId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one try of an import batch found stored before it began (the actors holding its external
 * ids, the statements holding its import keys), and what its earlier records stored since: a
 * statement may name an actor an earlier record of the batch created.
 */
final class ImportIndex {
    private final Map<ExternalId, UUID> holders;
    private final Map<String, UUID> keyed;

    ImportIndex(Map<ExternalId, UUID> holders, Map<String, UUID> keyed) {
        this.holders = new HashMap<>(holders);
        this.keyed = new HashMap<>(keyed);
    }

    /** The actor these identifiers name, if any; INVALID_ARGUMENT when they name two. */
    Optional<UUID> holder(List<ExternalId> ids) {
        List<UUID> named = ids.stream().map(holders::get).filter(id -> id != null).distinct().toList();
        if (named.size() > 1) {
            throw InvalidArgumentException.of("actor.external_ids",
                    "name " + named.size() + " different stored actors; a record may re-import only one");
        }
        return named.stream().findFirst();
    }

    /** The actor holding the identifier; NOT_FOUND, naming the identifier, when none does. */
    UUID actor(ExternalId id) {
        UUID holder = holders.get(id);
        if (holder == null) {
            throw new NotFoundException(ImportIndex.describe(id));
        }
        return holder;
    }

    /** The statement holding the import key, if any. */
    Optional<UUID> statement(String importKey) {
        return importKey.isEmpty() ? Optional.empty() : Optional.ofNullable(keyed.get(importKey));
    }

    void actorStored(UUID actor, List<ExternalId> ids) {
        ids.forEach(id -> holders.put(id, actor));
    }

    void statementStored(UUID statement, String importKey) {
        if (!importKey.isEmpty()) {
            keyed.put(importKey, statement);
        }
    }

    /** How an error names an identifier: never by the actor holding it. */
    static String describe(ExternalId id) {
        return "the actor with external id " + id.scheme() + ":" + id.value();
    }
}
