package io.habeas.statement.repository;

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
 * actors holding its external ids, and the statements holding its import keys (V8).
 */
@ApplicationScoped
public class ImportIndexRepository {
    @Inject
    EntityManager entityManager;

    /** The actor holding each of these identifiers, whoever may see it. */
    public Map<ExternalId, UUID> holders(Collection<ExternalId> ids) {
        return ExternalIdHolders.find(entityManager, "actor_external_id", "actor_id", ids);
    }

    /** The statement holding each of these import keys, retracted or not, whoever may see it. */
    public Map<String, UUID> keyed(Collection<String> keys) {
        Map<String, UUID> keyed = new HashMap<>();
        if (keys.isEmpty()) {
            return keyed;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT import_key, id FROM statement"
                        + " WHERE import_key = ANY(cast(:keys AS text[]))")
                .setParameter("keys", keys.toArray(String[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            keyed.put((String) columns[0], (UUID) columns[1]);
        }
        return keyed;
    }
}
