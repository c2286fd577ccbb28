package io.habeas.support.imports;

import io.habeas.kernel.identifiers.ExternalId;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which record holds each of a batch's external ids, in one statement, whoever may see it: a
 * service's identifier table has one row per identifier (scheme, value) and the record holding it.
 */
public final class ExternalIdHolders {
    private ExternalIdHolders() {
    }

    /** The holders found in this table (the service's own, such as person_external_id), by identifier. */
    public static Map<ExternalId, UUID> find(EntityManager entityManager, String table, String holderColumn,
            Collection<ExternalId> ids) {
        Map<ExternalId, UUID> holders = new HashMap<>();
        if (ids.isEmpty()) {
            return holders;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT r.scheme, r.value, r." + holderColumn + " FROM " + table
                        + " r JOIN unnest(cast(:schemes AS text[]), cast(:values AS text[])) AS wanted(scheme, value)"
                        + " ON wanted.scheme = r.scheme AND wanted.value = r.value")
                .setParameter("schemes", ids.stream().map(ExternalId::scheme).toArray(String[]::new))
                .setParameter("values", ids.stream().map(ExternalId::value).toArray(String[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            holders.put(new ExternalId((String) columns[0], (String) columns[1]), (UUID) columns[2]);
        }
        return holders;
    }
}
