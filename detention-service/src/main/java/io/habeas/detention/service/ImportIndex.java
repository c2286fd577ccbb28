package io.habeas.detention.service;

import io.habeas.detention.repository.ImportIndexRepository.Key;
import io.habeas.detention.repository.ImportIndexRepository.KeyedTable;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.identifiers.ExternalId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one import batch found stored before it began: the persons holding its external ids and the
 * keyed records under them. Records the batch itself adds are not in it.
 */
record ImportIndex(Map<ExternalId, UUID> holders, Map<KeyedTable, Map<Key, UUID>> keyed) {
    /** The stored person these identifiers name, if any; INVALID_ARGUMENT when they name two. */
    Optional<UUID> holder(List<ExternalId> ids) {
        List<UUID> named = ids.stream().map(holders::get).filter(id -> id != null).distinct().toList();
        if (named.size() > 1) {
            throw InvalidArgumentException.of("person.external_ids",
                    "name " + named.size() + " different stored persons; a record may re-import only one");
        }
        return named.stream().findFirst();
    }

    /** The stored record of this kind under the parent with this key, if any. */
    Optional<UUID> keyed(KeyedTable table, UUID parent, String importKey) {
        if (importKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(keyed.getOrDefault(table, Map.of()).get(new Key(parent, importKey)));
    }
}
