package io.habeas.detention.repository;

import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.paging.Keys;
import io.habeas.support.history.Snapshot;
import io.habeas.support.records.RecordState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Detentions a reader may see: its own level and its person's among the reader's levels. */
@ApplicationScoped
public class DetentionRepository {
    /** JPQL: detention d and its person are of the levels :levels. */
    public static final String VISIBLE = "d.accessLevel in :levels"
            + " and exists (select 1 from Person p where p.id = d.personId and p.accessLevel in :levels)";

    @Inject
    EntityManager entityManager;

    public record Filter(UUID person, List<UUID> persons, String detainingCountry, CustodyStatus currentStatus,
            boolean showRetracted, boolean ongoingOnly) {
    }

    /** A row of a list: the detention and its outcome for the reader. */
    public record Row(Detention detention, DetentionOutcome outcome) {
    }

    /** The detention, if visible at these levels; locked for the rest of the transaction when asked. */
    public Optional<Detention> findVisible(UUID id, Collection<AccessLevel> levels, LockModeType lock) {
        return entityManager.createQuery("select d from Detention d where d.id = :id and " + VISIBLE, Detention.class)
                .setParameter("id", id).setParameter("levels", levels).setLockMode(lock)
                .getResultStream().findFirst();
    }

    /**
     * The person's latest-started active detention of these levels that is ongoing for readers of the
     * reader level, if any; one statement.
     */
    public Optional<Detention> findOngoing(UUID personId, Collection<AccessLevel> levels, AccessLevel reader) {
        return entityManager.createQuery("select d from Detention d where d.personId = :person and d.state = :active"
                        + " and d.accessLevel in :levels and exists (select 1 from DetentionOutcome o"
                        + " where o.detentionId = d.id and o.readerLevel = :reader and o.endDate.year is null)"
                        + " order by d.startSort desc, d.id desc", Detention.class)
                .setParameter("person", personId).setParameter("active", RecordState.ACTIVE)
                .setParameter("levels", levels).setParameter("reader", reader).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /**
     * A record that hangs under a detention (a custody event, a charge), if it, its detention and its
     * person are all of these levels; one statement.
     */
    public <T> Optional<T> findVisibleUnder(Class<T> type, UUID id, UUID detentionId, Collection<AccessLevel> levels) {
        return entityManager.createQuery("select r from " + type.getSimpleName() + " r where r.id = :id"
                        + " and r.detentionId = :detention and r.accessLevel in :levels"
                        + " and exists (select 1 from Detention d where d.id = r.detentionId and " + VISIBLE + ")", type)
                .setParameter("id", id).setParameter("detention", detentionId).setParameter("levels", levels)
                .getResultStream().findFirst();
    }

    /** The detention, if visible at these levels as of the snapshot (its person too), and now. */
    public Optional<Detention> findVisible(UUID id, Collection<AccessLevel> levels, Snapshot at) {
        return at.list("SELECT d.* FROM " + at.table("detention") + " d WHERE d.id = :id AND " + visible(at, "d"),
                Map.of("id", id, "levels", PersonRepository.names(levels)), Detention.class).stream().findFirst();
    }

    /**
     * Newest start first after a key, with each one's outcome for the reader level; one statement,
     * keyset on (start, id) over the index that matches the filter.
     */
    public List<Row> listAfter(Keys.Dated after, Filter filter, Collection<AccessLevel> levels, AccessLevel reader,
            int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT {d.*}, {o.*} FROM " + at.table("detention") + " d JOIN "
                + at.table("detention_outcome") + " o ON o.detention_id = d.id AND o.reader_level = :reader"
                + " WHERE " + visible(at, "d"));
        Map<String, Object> params = new HashMap<>(Map.of("levels", PersonRepository.names(levels), "reader", reader.name()));
        if (filter.person() != null) {
            sql.append(" AND d.person_id = :person");
            params.put("person", filter.person());
        }
        if (!filter.persons().isEmpty()) {
            sql.append(" AND d.person_id IN (:persons)");
            params.put("persons", filter.persons());
        }
        if (filter.detainingCountry() != null) {
            sql.append(" AND d.detaining_country = :country");
            params.put("country", filter.detainingCountry());
        }
        if (filter.currentStatus() != null) {
            sql.append(" AND o.current_status = :status");
            params.put("status", filter.currentStatus().name());
        }
        if (filter.ongoingOnly()) {
            sql.append(" AND o.end_year IS NULL");
        }
        if (!filter.showRetracted()) {
            sql.append(" AND d.state = 'ACTIVE' AND EXISTS (SELECT 1 FROM " + at.table("person") + " a"
                    + " WHERE a.id = d.person_id AND a.state = 'ACTIVE')");
        }
        if (after != null) {
            sql.append(" AND (d.start_sort, d.id) < (:afterStart, :afterId)");
            params.put("afterStart", after.date());
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY d.start_sort DESC, d.id DESC LIMIT :limit");
        params.put("limit", limit);
        return at.list(sql, params, List.of(Map.entry("d", Detention.class), Map.entry("o", DetentionOutcome.class)))
                .stream().map(r -> new Row((Detention) r[0], (DetentionOutcome) r[1])).toList();
    }

    /**
     * Records of a table under a detention (custody_event, charge) of these levels, as of the
     * snapshot and now, in timeline order after a key; one statement over the detention's index.
     */
    public <T> List<T> listUnder(Class<T> type, String table, String sortColumn, UUID detentionId,
            Collection<AccessLevel> levels, boolean showRetracted, Keys.Timeline after, int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT r.* FROM " + at.table(table) + " r WHERE r.detention_id = :detention"
                + " AND r.access_level IN (:levels)" + at.andNow(VisibleNow.record(table, "r.id")));
        Map<String, Object> params = new HashMap<>(Map.of("detention", detentionId, "levels", PersonRepository.names(levels)));
        if (!showRetracted) {
            sql.append(" AND r.state = 'ACTIVE'");
        }
        if (after != null) {
            sql.append(" AND (r.").append(sortColumn).append(", r.precision_rank, r.id) > (:afterSort, :afterRank, :afterId)");
            params.putAll(Map.of("afterSort", after.sort(), "afterRank", after.rank(), "afterId", after.id()));
        }
        sql.append(" ORDER BY r.").append(sortColumn).append(", r.precision_rank, r.id LIMIT :limit");
        params.put("limit", limit);
        return at.list(sql, params, type);
    }

    /**
     * Of these records of a table under detentions (charge, court_event), those of these levels as of
     * the snapshot and now, whatever their state; one statement over the primary key. The reader
     * already sees their detentions: a record links only to records of its own detention.
     */
    public <T> List<T> visibleAmong(Class<T> type, String table, Collection<UUID> ids, Collection<AccessLevel> levels,
            Snapshot at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return at.list("SELECT r.* FROM " + at.table(table) + " r WHERE r.id IN (:ids) AND r.access_level IN (:levels)"
                + at.andNow(VisibleNow.record(table, "r.id")), Map.of("ids", ids, "levels", PersonRepository.names(levels)),
                type);
    }

    /** SQL: detention d and its person are of the levels :levels, as of the snapshot and now. */
    static String visible(Snapshot at, String d) {
        return d + ".access_level IN (:levels) AND EXISTS (SELECT 1 FROM " + at.table("person") + " p WHERE p.id = "
                + d + ".person_id AND p.access_level IN (:levels))" + at.andNow(VisibleNow.detention(d + ".id"));
    }
}
