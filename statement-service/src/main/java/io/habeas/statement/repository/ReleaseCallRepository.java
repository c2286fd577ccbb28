package io.habeas.statement.repository;

import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.domain.ClaimKind;
import io.habeas.support.history.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The calls and demands for persons' release, from the person projection: the active claims of
 * those kinds, in statements whose levels the reader clears ({@link StatementRepository#levelsCleared});
 * the persons behind them are checked afterwards, in detention-service. A {@link CallScope} keeps the
 * calls of one actor, or of the actors of one country (their country as of the read). Each read is
 * one statement, as of the snapshot.
 */
@ApplicationScoped
public class ReleaseCallRepository {

    /** A claim calling for a person's release, with its statement's actor and date. */
    public record ReleaseCall(UUID personId, UUID statementId, UUID actorId, PartialDate madeOn, LocalDate sort, short rank,
                              UUID claimId) {
    }

    /** Whose calls count: every caller's (both null), one actor's, or those of the actors of one country. */
    public record CallScope(UUID actor, String actorCountry) {
        public static final CallScope EVERY_CALLER = new CallScope(null, null);
    }

    /** The active calls for the persons' release, in timeline order (date, then precision, then claim). */
    public List<ReleaseCall> releaseCalls(Collection<UUID> persons, CallScope scope, List<String> levels, Snapshot at) {
        if (persons.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = params(levels);
        params.put("persons", persons);
        List<Object[]> rows = at.values("SELECT x.person_id, s.id, s.actor_id, s.made_year,"
                + " s.made_month, s.made_day, x.made_sort, x.precision_rank, x.claim_id"
                + " FROM " + at.table("claim_subject_person") + " x JOIN " + at.table("claim") + " c ON c.id = x.claim_id"
                + " JOIN " + at.table("statement") + " s ON s.id = x.statement_id"
                + " WHERE x.person_id IN (:persons) AND x.active AND c.kind IN (:kinds)" + scoped(scope, params, at)
                + StatementRepository.levelsCleared(at, "s")
                + " ORDER BY x.made_sort, x.precision_rank, x.claim_id", params);
        return rows.stream().map(r -> new ReleaseCall((UUID) r[0], (UUID) r[1], (UUID) r[2],
                new PartialDate(integer(r[3]), integer(r[4]), integer(r[5])), StatementRepository.date(r[6]),
                ((Number) r[7]).shortValue(), (UUID) r[8])).toList();
    }

    /**
     * The persons with calls in the scope, in recording order (UUIDv7 ids), after a person (at it too,
     * when inclusive; from the first when null), at most limit of them: the keyset of the outcome lists.
     */
    public List<UUID> personsCalledFor(CallScope scope, List<String> levels, UUID after, boolean inclusive, int limit,
            Snapshot at) {
        Map<String, Object> params = params(levels);
        StringBuilder sql = new StringBuilder("SELECT x.person_id FROM " + at.table("claim_subject_person") + " x"
                + " JOIN " + at.table("claim") + " c ON c.id = x.claim_id"
                + " JOIN " + at.table("statement") + " s ON s.id = x.statement_id"
                + " WHERE x.active AND c.kind IN (:kinds)" + scoped(scope, params, at)
                + StatementRepository.levelsCleared(at, "s"));
        if (after != null) {
            sql.append(inclusive ? " AND x.person_id >= :after" : " AND x.person_id > :after");
            params.put("after", after);
        }
        sql.append(" GROUP BY x.person_id ORDER BY x.person_id LIMIT :limit");
        params.put("limit", limit);
        return at.values(sql, params);
    }

    private static Map<String, Object> params(List<String> levels) {
        Map<String, Object> params = new HashMap<>();
        params.put("levels", levels);
        params.put("kinds", ClaimKind.RELEASE_CALLS.stream().map(Enum::name).toList());
        return params;
    }

    /** The scope's condition on the statement s (binding its value), nothing for every caller. */
    private static String scoped(CallScope scope, Map<String, Object> params, Snapshot at) {
        if (scope.actor() != null) {
            params.put("caller", scope.actor());
            return " AND s.actor_id = :caller";
        }
        if (scope.actorCountry() != null) {
            params.put("callerCountry", scope.actorCountry());
            return " AND s.actor_id IN (SELECT ca.id FROM " + at.table("actor") + " ca WHERE ca.country = :callerCountry)";
        }
        return "";
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
