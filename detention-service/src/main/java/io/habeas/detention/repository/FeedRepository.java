package io.habeas.detention.repository;

import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.paging.KeyFormat;
import io.habeas.support.history.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The feeds' reads: a page of feed entries in feed order (one index range scan of the owner's
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

    /** Where an entry is in a feed: its placed date's sort key and precision rank, its stage, its id. */
    public record Key(LocalDate sort, short rank, short stage, UUID id) {
        public static Key of(FeedEntry entry) {
            return new Key(entry.placedSort, entry.placedRank, entry.stage, entry.id);
        }
    }

    /** A feed's page token carries its last entry's key. */
    public static final KeyFormat<Key> KEYS = new KeyFormat<>(4,
            k -> List.of(k.sort().toString(), Short.toString(k.rank()), Short.toString(k.stage()), k.id().toString()),
            f -> new Key(LocalDate.parse(f.get(0)), Short.parseShort(f.get(1)), Short.parseShort(f.get(2)),
                    UUID.fromString(f.get(3))));

    /**
     * Entries of the owner's feed of these levels whose own dates overlap [from, to] (null: open), in
     * feed order after a key.
     */
    public List<FeedEntry> pageAfter(Owner owner, Object value, Collection<AccessLevel> levels, LocalDate from,
            LocalDate to, Key after, int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT x.* FROM " + at.table("feed_entry") + " x WHERE x." + owner.column
                + " = :owner AND x.access_level IN (:levels)"
                // The entry's level now is that of its detention, person and record now: the entry may be gone.
                // An incident hangs under its person alone.
                + at.andNow("(x.detention_id IS NULL AND " + VisibleNow.person("x.person_id") + " OR "
                        + VisibleNow.detention("x.detention_id") + ") AND " + VisibleNow.record("custody_event", "x.record_id")
                        + " AND " + VisibleNow.record("charge", "x.record_id")
                        + " AND " + VisibleNow.record("incident", "x.record_id")
                        + " AND " + VisibleNow.record("court_event", "x.record_id")));
        Map<String, Object> params = new HashMap<>(Map.of("owner", value, "levels", PersonRepository.names(levels)));
        if (from != null) {
            // The index bound: an entry placed before its own date (at its detention's final event) is placed no
            // earlier than its own period starts, since no event is certainly after the final one; a period is
            // at most a year.
            sql.append(" AND x.placed_sort >= :placedFrom AND x.sort_date >= :from");
            params.put("placedFrom", from.minusYears(1));
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND x.period_start <= :to");
            params.put("to", to);
        }
        if (after != null) {
            sql.append(" AND (x.placed_sort, x.placed_rank, x.stage, x.id) > (:afterSort, :afterRank, :afterStage, :afterId)");
            params.putAll(Map.of("afterSort", after.sort(), "afterRank", after.rank(), "afterStage", after.stage(),
                    "afterId", after.id()));
        }
        sql.append(" ORDER BY x.placed_sort, x.placed_rank, x.stage, x.id LIMIT :limit");
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
