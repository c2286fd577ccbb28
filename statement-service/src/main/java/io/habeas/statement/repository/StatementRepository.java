package io.habeas.statement.repository;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.paging.Keys;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.Claim;
import io.habeas.statement.domain.ClaimKind;
import io.habeas.statement.domain.Statement;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.InLists;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import io.habeas.support.records.RecordState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Keyset reads over the timeline order (last day of the date, precision rank, id) and the
 * claim projections that back the person and country feeds. Every read of a page is a fixed
 * number of statements, whatever the page size.
 */
@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<Statement, UUID> {
    @Inject
    Snapshots snapshots;

    /** One row of a page: the statement, the claim when the page is of claims, and its position. */
    public record Row(UUID statementId, UUID claimId, LocalDate sort, short rank) {
        public Keys.Timeline key() {
            return new Keys.Timeline(sort, rank, claimId != null ? claimId : statementId);
        }
    }

    public record Filter(UUID actorId, String actorCountry, UUID subjectPerson, String subjectCountry, ClaimKind claimKind,
                         LocalDate from, LocalDate to, boolean showRetracted) {
    }

    /** A claim (answer, of statement answerStatement) that answers an earlier claim (answered). */
    public record Answer(UUID answered, UUID answerStatement, UUID answer) {
    }

    /**
     * The reader clears the level of the statement (alias s), of its actor, and of every statement
     * its claims answer with that one's actor (R1); the persons behind them are checked afterwards,
     * in detention-service. Binds :levels.
     */
    static String levelsCleared(String s) {
        return levelsCleared(s, UnaryOperator.identity());
    }

    /** The same as of the snapshot, where the statement must clear the levels then and now. */
    static String levelsCleared(Snapshot at, String s) {
        return levelsCleared(s, at::table) + at.andNow("EXISTS (SELECT 1 FROM statement now_s WHERE now_s.id = " + s + ".id"
                + levelsCleared("now_s") + ")");
    }

    private static String levelsCleared(String s, UnaryOperator<String> table) {
        return " AND " + s + ".access_level IN (:levels)"
                + " AND EXISTS (SELECT 1 FROM " + table.apply("actor") + " la WHERE la.id = " + s + ".actor_id"
                + " AND la.access_level IN (:levels))"
                + " AND NOT EXISTS (SELECT 1 FROM " + table.apply("claim") + " lc JOIN " + table.apply("statement")
                + " ls ON ls.id = lc.answers_statement_id JOIN " + table.apply("actor") + " lsa ON lsa.id = ls.actor_id"
                + " WHERE lc.statement_id = " + s + ".id"
                + " AND (ls.access_level NOT IN (:levels) OR lsa.access_level NOT IN (:levels)))";
    }

    /**
     * Active statements whose levels the reader clears, in recording order after the given id (null:
     * from the first): a keyset scan over the primary key, for the export.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> activeAfter(UUID after, List<String> levels, int limit) {
        var query = getEntityManager().createNativeQuery("SELECT s.id FROM statement s WHERE s.state = 'ACTIVE'"
                + (after == null ? "" : " AND s.id > :after") + levelsCleared("s") + " ORDER BY s.id LIMIT :limit")
                .setParameter("levels", levels).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /** Statements newest first, by any combination of filters; keyset on (made_sort, precision_rank, id) descending. */
    public List<Row> listNewestFirst(Filter filter, List<String> levels, Keys.Timeline after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT s.id, NULL AS claim_id, s.made_sort, s.precision_rank FROM statement s"
                + " WHERE true" + levelsCleared("s"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("levels", levels);
        if (filter.actorId() != null) {
            sql.append(" AND s.actor_id = :actor");
            params.put("actor", filter.actorId());
        }
        if (filter.actorCountry() != null) {
            sql.append(" AND s.actor_country = :actorCountry");
            params.put("actorCountry", filter.actorCountry());
        }
        if (filter.subjectPerson() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM claim_subject_person p WHERE p.statement_id = s.id AND p.person_id = :person)");
            params.put("person", filter.subjectPerson());
        }
        if (filter.subjectCountry() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM claim_country cc WHERE cc.statement_id = s.id"
                    + " AND cc.country = :subjectCountry AND cc.subject)");
            params.put("subjectCountry", filter.subjectCountry());
        }
        if (filter.claimKind() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM claim c WHERE c.statement_id = s.id AND c.kind = :kind"
                    + " AND c.state = 'ACTIVE')");
            params.put("kind", filter.claimKind().name());
        }
        range(sql, params, "s", filter.from(), filter.to());
        if (!filter.showRetracted()) {
            sql.append(" AND s.state = 'ACTIVE'");
        }
        if (after != null) {
            sql.append(" AND (s.made_sort, s.precision_rank, s.id) < (:afterSort, :afterRank, :afterId)");
            keyset(params, after);
        }
        sql.append(" ORDER BY s.made_sort DESC, s.precision_rank DESC, s.id DESC LIMIT :limit");
        params.put("limit", limit);
        return rows(sql, params, snapshots.at(AsOf.NOW));
    }

    /** Claims about any of the persons, in timeline order, from the person projection; as of the snapshot. */
    public List<Row> personClaims(List<UUID> persons, List<String> levels, LocalDate from, LocalDate to,
            Keys.Timeline after, int limit, Snapshot at) {
        // DISTINCT: a claim about two of the persons has a projection row for each.
        StringBuilder sql = new StringBuilder("SELECT DISTINCT x.statement_id, x.claim_id, x.made_sort, x.precision_rank"
                + " FROM " + at.table("claim_subject_person") + " x JOIN " + at.table("statement") + " s ON s.id = x.statement_id"
                + " WHERE x.person_id IN (:owner) AND x.active" + levelsCleared(at, "s"));
        return timeline(sql, persons, levels, from, to, after, limit, "claim_id", at);
    }

    /** Claims about one country or addressed to it, in timeline order, from the country projection; as of the snapshot. */
    public List<Row> countryClaims(String country, List<String> levels, LocalDate from, LocalDate to,
            Keys.Timeline after, int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT x.statement_id, x.claim_id, x.made_sort, x.precision_rank"
                + " FROM " + at.table("claim_country") + " x JOIN " + at.table("statement") + " s ON s.id = x.statement_id"
                + " WHERE x.country = :owner AND x.active" + levelsCleared(at, "s"));
        return timeline(sql, country, levels, from, to, after, limit, "claim_id", at);
    }

    /** Statements by actors of one country, in timeline order; as of the snapshot. */
    public List<Row> countryStatements(String country, List<String> levels, LocalDate from, LocalDate to,
            Keys.Timeline after, int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT x.id, NULL AS claim_id, x.made_sort, x.precision_rank"
                + " FROM " + at.table("statement") + " x WHERE x.actor_country = :owner AND x.state = 'ACTIVE'"
                + levelsCleared(at, "x"));
        return timeline(sql, country, levels, from, to, after, limit, "id", at);
    }

    private List<Row> timeline(StringBuilder sql, Object owner, List<String> levels, LocalDate from, LocalDate to,
            Keys.Timeline after, int limit, String id, Snapshot at) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", owner);
        params.put("levels", levels);
        range(sql, params, "x", from, to);
        if (after != null) {
            sql.append(" AND (x.made_sort, x.precision_rank, x.").append(id).append(") > (:afterSort, :afterRank, :afterId)");
            keyset(params, after);
        }
        sql.append(" ORDER BY x.made_sort, x.precision_rank, x.").append(id).append(" LIMIT :limit");
        params.put("limit", limit);
        return rows(sql, params, at);
    }

    /**
     * Statements by id with their claims: in one statement now; as of an instant, statements and
     * claims in one each (an entity graph cannot be fetched from a relation as of an instant), the
     * claims set on detached statements that nothing flushes.
     */
    public Map<UUID, Statement> load(Collection<UUID> ids, Snapshot at) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (at.isNow()) {
            return getEntityManager()
                    .createQuery("select distinct s from Statement s left join fetch s.claims where s.id in :ids", Statement.class)
                    .setHint(HibernateHints.HINT_READ_ONLY, at.readOnly()).setParameter("ids", ids).getResultList().stream()
                    .collect(Collectors.toMap(s -> s.id, Function.identity()));
        }
        Map<UUID, Statement> loaded = at.list("SELECT s.* FROM " + at.table("statement") + " s WHERE s.id IN (:ids)",
                Map.of("ids", ids), Statement.class).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<UUID, List<Claim>> claims = at.list("SELECT c.* FROM " + at.table("claim") + " c WHERE c.statement_id IN (:ids)"
                + " ORDER BY c.statement_id, c.position", Map.of("ids", ids), Claim.class).stream()
                .collect(Collectors.groupingBy(c -> c.statementId));
        loaded.values().forEach(s -> {
            s.claims = new ArrayList<>(claims.getOrDefault(s.id, List.of()));
            s.claims.forEach(c -> c.statement = s);
        });
        return loaded;
    }

    /** Actors by id, as of the snapshot; one statement. */
    public Map<UUID, Actor> actors(Collection<UUID> ids, Snapshot at) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return at.list("SELECT a.* FROM " + at.table("actor") + " a WHERE a.id IN (:ids)", Map.of("ids", ids), Actor.class)
                .stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    /**
     * The active claims of active statements that answer any of the given claims, in timeline order, of statements
     * whose levels the reader clears (their persons are checked afterwards); one statement.
     */
    public List<Answer> answeredBy(Collection<UUID> claimIds, List<String> levels, Snapshot at) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = at.values("SELECT c.answers_claim_id, s.id, c.id FROM " + at.table("claim") + " c"
                        + " JOIN " + at.table("statement") + " s ON s.id = c.statement_id"
                        + " WHERE c.answers_claim_id IN (:ids) AND c.state = 'ACTIVE' AND s.state = 'ACTIVE'"
                        + levelsCleared(at, "s")
                        + " ORDER BY s.made_sort, s.precision_rank, c.id", Map.of("ids", claimIds, "levels", levels));
        return rows.stream().map(r -> new Answer((UUID) r[0], (UUID) r[1], (UUID) r[2])).toList();
    }

    /** Those of the statements whose levels the reader clears ({@link #levelsCleared}); one statement per {@link InLists#MAX_IDS}. */
    @SuppressWarnings("unchecked")
    public Set<UUID> clearedByLevel(Collection<UUID> ids, List<String> levels) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(InLists.<UUID, UUID>read(ids, part -> getEntityManager().createNativeQuery(
                "SELECT s.id FROM statement s WHERE s.id IN (:ids)" + levelsCleared("s"))
                .setParameter("ids", part).setParameter("levels", levels).getResultList()));
    }

    /** Those of the statements whose levels, as they were at the snapshot (and only then), the reader clears; one statement per {@link InLists#MAX_IDS}. */
    public Set<UUID> clearedByLevelThen(Collection<UUID> ids, List<String> levels, Snapshot at) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(InLists.read(ids, part -> at.<UUID>values("SELECT s.id FROM " + at.table("statement")
                + " s WHERE s.id IN (:ids)" + levelsCleared("s", at::table), Map.of("ids", part, "levels", levels))));
    }

    /**
     * The persons each statement's visibility depends on (R1): those its claims are about (retracted
     * claims too: they are shown), its actor's, and the same of each statement it answers, one level
     * deep; one statement per {@link InLists#MAX_IDS} statements.
     */
    public Map<UUID, Set<UUID>> personsBehind(Collection<UUID> ids, Snapshot at) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> behind = new HashMap<>();
        InLists.read(ids, part -> personsBehind(part, at))
                .forEach(r -> behind.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((UUID) r[1]));
        return behind;
    }

    private static List<Object[]> personsBehind(List<UUID> ids, Snapshot at) {
        return at.values("""
                        WITH behind (statement_id, other_id) AS (
                            SELECT s.id, s.id FROM %1$s s WHERE s.id IN (:ids)
                            UNION
                            SELECT c.statement_id, c.answers_statement_id FROM %2$s c
                            WHERE c.statement_id IN (:ids) AND c.answers_statement_id IS NOT NULL)
                        SELECT b.statement_id, p.person_id FROM behind b
                        JOIN %2$s c ON c.statement_id = b.other_id CROSS JOIN LATERAL unnest(c.subject_persons) AS p(person_id)
                        UNION
                        SELECT b.statement_id, a.person_ref FROM behind b
                        JOIN %1$s o ON o.id = b.other_id JOIN %3$s a ON a.id = o.actor_id
                        WHERE a.person_ref IS NOT NULL""".formatted(at.table("statement"), at.table("claim"), at.table("actor")),
                Map.of("ids", ids));
    }

    /** Claims by id with their statements, in one statement. */
    public Map<UUID, Claim> claims(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select c from Claim c join fetch c.statement where c.id in :ids", Claim.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /**
     * Those of the given claims that an active claim of an active statement answers. Retracted
     * answers hold nothing in place: nothing is deleted, so they keep naming the claim they answer.
     */
    public List<UUID> answered(Collection<UUID> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct c.answersClaimId from Claim c where c.answersClaimId in :ids"
                        + " and c.state = :active and c.statement.state = :active", UUID.class)
                .setParameter("ids", claimIds).setParameter("active", RecordState.ACTIVE).getResultList();
    }

    /**
     * Brings the person and country projections of a statement's active claims in step with the claims
     * themselves, with the statement's date and state: a retracted claim has no rows, so it is in no
     * feed or summary. Runs after every write, in its transaction; only projection rows are deleted.
     * Rows that stay as they were are not written: their history and the claim change log (V9) see
     * only what changed.
     */
    public void project(Statement statement) {
        var em = getEntityManager();
        em.flush();
        em.createNativeQuery("""
                        WITH wanted AS (
                            SELECT DISTINCT c.id AS claim_id, p.person_id, s.id AS statement_id, s.made_sort, s.made_start,
                                   s.precision_rank, s.state = 'ACTIVE' AS active
                            FROM claim c JOIN statement s ON s.id = c.statement_id
                            CROSS JOIN LATERAL unnest(c.subject_persons) AS p(person_id)
                            WHERE c.statement_id = :s AND c.state = 'ACTIVE'),
                        gone AS (
                            DELETE FROM claim_subject_person x WHERE x.statement_id = :s
                            AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.claim_id = x.claim_id AND w.person_id = x.person_id))
                        INSERT INTO claim_subject_person AS x (claim_id, person_id, statement_id, made_sort, made_start,
                                                               precision_rank, active)
                        SELECT * FROM wanted
                        ON CONFLICT (claim_id, person_id) DO UPDATE SET statement_id = excluded.statement_id,
                            made_sort = excluded.made_sort, made_start = excluded.made_start,
                            precision_rank = excluded.precision_rank, active = excluded.active
                        WHERE (x.statement_id, x.made_sort, x.made_start, x.precision_rank, x.active)
                            IS DISTINCT FROM (excluded.statement_id, excluded.made_sort, excluded.made_start,
                                              excluded.precision_rank, excluded.active)""")
                .setParameter("s", statement.id).executeUpdate();
        em.createNativeQuery("""
                        WITH wanted AS (
                            SELECT c.id AS claim_id, x.country, s.id AS statement_id, bool_or(x.subject) AS subject,
                                   bool_or(x.addressee) AS addressee, s.made_sort, s.made_start, s.precision_rank,
                                   s.state = 'ACTIVE' AS active
                            FROM claim c JOIN statement s ON s.id = c.statement_id
                            CROSS JOIN LATERAL (
                                SELECT unnest(c.subject_countries), true, false
                                UNION ALL
                                SELECT c.addressee_country, false, true WHERE c.addressee_country IS NOT NULL
                            ) AS x(country, subject, addressee)
                            WHERE c.statement_id = :s AND c.state = 'ACTIVE'
                            GROUP BY c.id, x.country, s.id, s.made_sort, s.made_start, s.precision_rank, s.state),
                        gone AS (
                            DELETE FROM claim_country y WHERE y.statement_id = :s
                            AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.claim_id = y.claim_id AND w.country = y.country))
                        INSERT INTO claim_country AS y (claim_id, country, statement_id, subject, addressee, made_sort,
                                                        made_start, precision_rank, active)
                        SELECT * FROM wanted
                        ON CONFLICT (claim_id, country) DO UPDATE SET statement_id = excluded.statement_id,
                            subject = excluded.subject, addressee = excluded.addressee, made_sort = excluded.made_sort,
                            made_start = excluded.made_start, precision_rank = excluded.precision_rank,
                            active = excluded.active
                        WHERE (y.statement_id, y.subject, y.addressee, y.made_sort, y.made_start, y.precision_rank, y.active)
                            IS DISTINCT FROM (excluded.statement_id, excluded.subject, excluded.addressee, excluded.made_sort,
                                              excluded.made_start, excluded.precision_rank, excluded.active)""")
                .setParameter("s", statement.id).executeUpdate();
    }

    /** The projections of statements stored just now, which have none yet: two statements for all of them (an import batch). */
    public void projectNew(Collection<UUID> statements) {
        if (statements.isEmpty()) {
            return;
        }
        var em = getEntityManager();
        UUID[] ids = statements.toArray(UUID[]::new);
        em.createNativeQuery(PROJECT_PERSONS).setParameter("s", ids).executeUpdate();
        em.createNativeQuery(PROJECT_COUNTRIES).setParameter("s", ids).executeUpdate();
    }

    private static final String PROJECT_PERSONS = """
            INSERT INTO claim_subject_person (claim_id, person_id, statement_id, made_sort, made_start, precision_rank, active)
            SELECT DISTINCT c.id, p.person_id, s.id, s.made_sort, s.made_start, s.precision_rank, s.state = 'ACTIVE'
            FROM claim c JOIN statement s ON s.id = c.statement_id
            CROSS JOIN LATERAL unnest(c.subject_persons) AS p(person_id)
            WHERE c.statement_id = ANY(cast(:s AS uuid[])) AND c.state = 'ACTIVE'""";

    private static final String PROJECT_COUNTRIES = """
            INSERT INTO claim_country (claim_id, country, statement_id, subject, addressee, made_sort, made_start,
                                       precision_rank, active)
            SELECT c.id, x.country, s.id, bool_or(x.subject), bool_or(x.addressee), s.made_sort, s.made_start,
                   s.precision_rank, s.state = 'ACTIVE'
            FROM claim c JOIN statement s ON s.id = c.statement_id
            CROSS JOIN LATERAL (
                SELECT unnest(c.subject_countries), true, false
                UNION ALL
                SELECT c.addressee_country, false, true WHERE c.addressee_country IS NOT NULL
            ) AS x(country, subject, addressee)
            WHERE c.statement_id = ANY(cast(:s AS uuid[])) AND c.state = 'ACTIVE'
            GROUP BY c.id, x.country, s.id, s.made_sort, s.made_start, s.precision_rank, s.state""";

    /**
     * The levels a reader must clear to see the statement (as {@link #levelsCleared} checks them): its
     * own, its actor's, and those of every statement its claims answer and their actors; one statement.
     */
    @SuppressWarnings("unchecked")
    public List<AccessLevel> levelsBehind(UUID statementId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT s.access_level, a.access_level FROM statement s JOIN actor a ON a.id = s.actor_id
                        WHERE s.id = :s OR s.id IN (SELECT c.answers_statement_id FROM claim c WHERE c.statement_id = :s)""")
                .setParameter("s", statementId).getResultList();
        return rows.stream().flatMap(r -> Stream.of((String) r[0], (String) r[1])).map(AccessLevel::valueOf).toList();
    }

    private static void range(StringBuilder sql, Map<String, Object> params, String alias, LocalDate from, LocalDate to) {
        if (from != null) {
            sql.append(" AND ").append(alias).append(".made_sort >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND ").append(alias).append(".made_start <= :to");
            params.put("to", to);
        }
    }

    private static void keyset(Map<String, Object> params, Keys.Timeline after) {
        params.put("afterSort", after.sort());
        params.put("afterRank", after.rank());
        params.put("afterId", after.id());
    }

    private static List<Row> rows(CharSequence sql, Map<String, Object> params, Snapshot at) {
        List<Object[]> rows = at.values(sql, params);
        return rows.stream().map(r -> new Row((UUID) r[0], (UUID) r[1], date(r[2]), ((Number) r[3]).shortValue())).toList();
    }

    static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
