package io.habeas.detention.repository;

import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.support.imports.ExternalIdHolders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import batch finds already stored, one statement per question for the whole batch: the
 * persons holding its external ids, and the records under them holding its import keys (V12).
 */
@ApplicationScoped
public class ImportIndexRepository {
    /** A stored record's parent and import key. */
    public record Key(UUID parent, String importKey) {
    }

    @Inject
    EntityManager entityManager;

    /** The person holding each of these identifiers, retracted or not, whoever may see it. */
    public Map<ExternalId, UUID> holders(Collection<ExternalId> ids) {
        return ExternalIdHolders.find(entityManager, "person_external_id", "person_id", ids);
    }

    /** The records of one table under these parents that carry an import key, by parent and key. */
    public Map<Key, UUID> keyed(KeyedTable table, Collection<UUID> parents) {
        Map<Key, UUID> keyed = new HashMap<>();
        if (parents.isEmpty()) {
            return keyed;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT " + table.parentColumn + ", import_key, id FROM "
                        + table.table + " WHERE " + table.parentColumn + " = ANY(cast(:parents AS uuid[]))"
                        + " AND import_key IS NOT NULL")
                .setParameter("parents", parents.toArray(UUID[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            keyed.put(new Key((UUID) columns[0], (String) columns[1]), (UUID) columns[2]);
        }
        return keyed;
    }

    /** The tables whose records carry import keys, each with its parent's column. */
    public enum KeyedTable {
        DETENTION("detention", "person_id"),
        INCIDENT("incident", "person_id"),
        CUSTODY_EVENT("custody_event", "detention_id"),
        CHARGE("charge", "detention_id"),
        COURT_EVENT("court_event", "detention_id");

        final String table;
        final String parentColumn;

        KeyedTable(String table, String parentColumn) {
            this.table = table;
            this.parentColumn = parentColumn;
        }
    }
}
