package io.habeas.support.records;

import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.identifiers.ExternalIdTakenException;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which record of one kind (person, actor) holds each external identifier: the table
 * T_external_id (scheme, value, T_id), unique on the pair under the key T_external_id_unique,
 * which a trigger keeps from T.external_ids whoever writes (detention V10, statement V6). A
 * retracted record keeps its pairs. The uniqueness is the database's: of two writes giving one pair
 * at once, one fails at its flush ({@link #flush}); the check before a write finds the holder to name.
 */
public final class ExternalIdRegister {
    private final String kind;
    private final String table;
    private final String holderColumn;

    /** The register of this kind of record, such as "person": person_external_id, its column person_id. */
    public ExternalIdRegister(String kind) {
        this.kind = kind;
        this.table = kind + "_external_id";
        this.holderColumn = kind + "_id";
    }

    /** The record holding the identifier, retracted or not, if any; one lookup by the unique key. */
    public Optional<UUID> holder(EntityManager entityManager, ExternalId id) {
        List<?> found = entityManager.createNativeQuery("SELECT " + holderColumn + " FROM " + table
                        + " WHERE scheme = :scheme AND value = :value")
                .setParameter("scheme", id.scheme()).setParameter("value", id.value()).getResultList();
        return found.stream().findFirst().map(UUID.class::cast);
    }

    /**
     * Refuses identifiers held by a record other than {@code self} (null on a create): ALREADY_EXISTS
     * on the first of them in the list, at field[index], naming its holder by the name {@code shown}
     * gives, which is empty when the caller may not see it.
     */
    public void requireFree(EntityManager entityManager, List<ExternalId> ids, UUID self, String field,
            Function<UUID, Optional<String>> shown) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT scheme, value, " + holderColumn + " FROM " + table + " WHERE (");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(scheme = :s").append(i).append(" AND value = :v").append(i).append(")");
            params.put("s" + i, ids.get(i).scheme());
            params.put("v" + i, ids.get(i).value());
        }
        sql.append(")");
        if (self != null) {
            sql.append(" AND ").append(holderColumn).append(" <> :self");
            params.put("self", self);
        }
        var query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        Map<ExternalId, UUID> held = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            held.put(new ExternalId((String) columns[0], (String) columns[1]), (UUID) columns[2]);
        }
        for (int i = 0; i < ids.size(); i++) {
            UUID holder = held.get(ids.get(i));
            if (holder != null) {
                throw ExternalIdTakenException.heldBy(field + "[" + i + "]", ids.get(i), kind,
                        shown.apply(holder).orElse(null));
            }
        }
    }

    /**
     * Runs a write's flush. A concurrent write that stored one of the identifiers first breaks the
     * unique key: ALREADY_EXISTS (EXTERNAL_ID_TAKEN) for the field, not a failure of the service.
     */
    public void flush(Runnable flush, String field) {
        try {
            flush.run();
        } catch (RuntimeException e) {
            if (breaksUniqueKey(e)) {
                throw ExternalIdTakenException.meanwhile(field, kind);
            }
            throw e;
        }
    }

    boolean breaksUniqueKey(Throwable failure) {
        String key = table + "_unique";
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && key.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("\"" + key + "\"")) {
                return true;
            }
        }
        return false;
    }
}
