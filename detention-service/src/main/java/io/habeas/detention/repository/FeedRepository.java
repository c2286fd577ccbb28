package io.habeas.detention.repository;

import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.paging.Keys;
import io.habeas.support.history.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The feeds' reads: a page of feed entries in timeline order (one index range scan of the owner's
 * index, the level checked in it), then the records they show and the detentions' outcomes, one
 * statement per kind; as of a snapshot.
 */
@ApplicationScoped
public class FeedRepository {
    /** The columns that select a feed: a person's or a detaining country's. */
    public enum Owner {
        PERSON("person_id"), COUNTRY("detaining_country");

        final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    /** Entries of the owner's feed of these levels whose dates overlap [from, to] (null: open), after a key. */
    public List<FeedEntry> pageAfter(Owner owner, Object value, Collection<AccessLevel> levels, LocalDate from,
            LocalDate to, Keys.Timeline after, int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT x.* FROM " + at.table("feed_entry") + " x WHERE x." + owner.column
                + " = :owner AND x.access_level IN (:levels)"
                // The entry's level now is that of its detention, person and record now: the entry may be gone.
                + at.andNow(VisibleNow.detention("x.detention_id") + " AND " + VisibleNow.record("custody_event", "x.record_id")
                        + " AND " + VisibleNow.record("charge", "x.record_id")
                        + " AND " + VisibleNow.record("court_event", "x.record_id")));
        Map<String, Object> params = new HashMap<>(Map.of("owner", value, "levels", PersonRepository.names(levels)));
        if (from != null) {
            sql.append(" AND x.sort_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND x.period_start <= :to");
            params.put("to", to);
        }
        if (after != null) {
            sql.append(" AND (x.sort_date, x.precision_rank, x.id) > (:afterSort, :afterRank, :afterId)");
            params.putAll(Map.of("afterSort", after.sort(), "afterRank", after.rank(), "afterId", after.id()));
        }
        sql.append(" ORDER BY x.sort_date, x.precision_rank, x.id LIMIT :limit");
        params.put("limit", limit);
        return at.list(sql, params, FeedEntry.class);
    }

    /** Records of one table by id, as of the snapshot; one statement. */
    public <R> List<R> records(Class<R> type, String table, Collection<UUID> ids, Snapshot at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return at.list("SELECT r.* FROM " + at.table(table) + " r WHERE r.id IN (:ids)", Map.of("ids", ids), type);
    }

    /** The outcomes of detentions for one reader level, as of the snapshot; one statement. */
    public List<DetentionOutcome> outcomes(Collection<UUID> detentionIds, AccessLevel reader, Snapshot at) {
        if (detentionIds.isEmpty()) {
            return List.of();
        }
        return at.list("SELECT o.* FROM " + at.table("detention_outcome") + " o WHERE o.detention_id IN (:ids)"
                + " AND o.reader_level = :reader", Map.of("ids", detentionIds, "reader", reader.name()), DetentionOutcome.class);
    }
}
