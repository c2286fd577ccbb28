package io.habeas.statement.service;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.statement.domain.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one try of an import batch found stored before it began (the actors holding its external
 * ids, the statements holding its import keys), and what its earlier records stored since: a
 * statement may name an actor an earlier record of the batch created. It also keeps which actors
 * the caller may see, asked once per actor and try (an actor record of the batch asks again).
 */
final class ImportIndex {
    private final Map<ExternalId, UUID> holders;
    private final Map<String, UUID> keyed;
    private final Map<UUID, Optional<Actor>> shown = new HashMap<>();

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

    /** The actor if the caller may see it, asked of the lookup the first time in this try. */
    Optional<Actor> shownActor(UUID id, Function<UUID, Optional<Actor>> lookup) {
        return shown.computeIfAbsent(id, lookup);
    }

    void actorStored(UUID actor, List<ExternalId> ids) {
        ids.forEach(id -> holders.put(id, actor));
        shown.remove(actor);
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
