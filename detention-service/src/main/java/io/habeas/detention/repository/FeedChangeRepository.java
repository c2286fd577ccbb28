package io.habeas.detention.repository;

import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.FeedItemKind;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.WatchHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The feed change log (V15): reads in log order, only below the oldest transaction still running
 * (which may yet commit changes before the ones read), and the feed entries the changes concern.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class FeedChangeRepository {
    /** The feed a watch follows: a person's (its id) or a country's (its code). */
    public record Feed(FeedRepository.Owner owner, Object value) {
        boolean holds(FeedChange change) {
            return owner == FeedRepository.Owner.PERSON ? change.personId().equals(value) : change.country().equals(value);
        }
    }

    /** One change of one feed entry: I(nsert), U(pdate) or D(elete), for the feeds of its person and country. */
    public record FeedChange(ChangePosition position, char op, UUID entryId, UUID personId, String country)
            implements WatchHub.Change {
        public boolean concerns(Feed feed) {
            return feed.holds(this);
        }
    }

    private static final String COLUMNS = "SELECT CAST(CAST(c.xid AS text) AS bigint), c.seq, c.op, c.entry_id, c.person_id,"
            + " c.detaining_country FROM feed_change c";
    private static final String SETTLED = " c.xid < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String AFTER = " (c.xid, c.seq) > (CAST(CAST(:afterXid AS text) AS xid8), :afterSeq)";
    private static final String ORDER = " ORDER BY c.xid, c.seq LIMIT :limit";
    /** The most restrictive level, now, of a retracted entry's person, detention and record. */
    private static final String LEVEL_NOW = """
            habeas_most_restrictive(
                (SELECT p.access_level FROM person p WHERE p.id = b.person_id),
                (SELECT d.access_level FROM detention d WHERE d.id = b.detention_id),
                (SELECT e.access_level FROM custody_event e WHERE e.id = b.record_id),
                (SELECT h.access_level FROM charge h WHERE h.id = b.record_id),
                (SELECT i.access_level FROM incident i WHERE i.id = b.record_id),
                (SELECT k.access_level FROM court_event k WHERE k.id = b.record_id))""";

    @Inject
    EntityManager entityManager;

    /** The last settled change, or the retention's horizon when none is kept. */
    public ChangePosition head() {
        List<?> rows = entityManager.createNativeQuery(COLUMNS + " WHERE" + SETTLED + " ORDER BY c.xid DESC, c.seq DESC LIMIT 1")
                .getResultList();
        return rows.isEmpty() ? horizon() : change((Object[]) rows.get(0)).position();
    }

    /** The last change the retention deleted; the origin before it first deleted any. */
    public ChangePosition horizon() {
        List<?> rows = entityManager.createNativeQuery(
                "SELECT CAST(CAST(through_xid AS text) AS bigint), through_seq FROM feed_change_horizon").getResultList();
        if (rows.isEmpty()) {
            return ChangePosition.ORIGIN;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Settled changes of every feed after a position, in log order. */
    public List<FeedChange> after(ChangePosition after, int limit) {
        return changes(entityManager.createNativeQuery(COLUMNS + " WHERE" + SETTLED + " AND" + AFTER + ORDER), after, limit);
    }

    /** Changes of one feed in (after, through], in log order; through is settled. */
    public List<FeedChange> forFeed(Feed feed, ChangePosition after, ChangePosition through, int limit) {
        String column = feed.owner() == FeedRepository.Owner.PERSON ? "c.person_id" : "c.detaining_country";
        Query query = entityManager.createNativeQuery(COLUMNS + " WHERE " + column + " = :feed AND" + AFTER
                + " AND (c.xid, c.seq) <= (CAST(CAST(:throughXid AS text) AS xid8), :throughSeq)" + ORDER)
                .setParameter("feed", feed.value()).setParameter("throughXid", Long.toString(through.xid()))
                .setParameter("throughSeq", through.seq());
        return changes(query, after, limit);
    }

    /** The entries with these ids as they are now, of these levels. */
    public Map<UUID, FeedEntry> current(Collection<UUID> ids, Collection<AccessLevel> levels) {
        Map<UUID, FeedEntry> entries = new HashMap<>();
        if (!ids.isEmpty()) {
            FeedEntry.<FeedEntry>list("id in ?1 and accessLevel in ?2", ids, levels).forEach(e -> entries.put(e.id, e));
        }
        return entries;
    }

    /**
     * The entries as the changes at these sequence numbers found them, of these levels then; each with
     * whether its record's level, with its detention's and person's, is one of them now.
     */
    public Map<Long, Before> before(Collection<Long> seqs, Collection<AccessLevel> levels) {
        Map<Long, Before> entries = new HashMap<>();
        if (seqs.isEmpty()) {
            return entries;
        }
        List<?> rows = entityManager.createNativeQuery("""
                SELECT c.seq, b.kind, b.record_id, b.status_change_index, b.detention_id, b.person_id, b.detaining_country,
                       b.date_year, b.date_month, b.date_day, b.access_level, b.placed_year, b.placed_month, b.placed_day,
                       """ + LEVEL_NOW + """
                 IN (:levels), b.id
                FROM feed_change c, jsonb_populate_record(NULL::feed_entry, c.before) b
                WHERE c.seq IN (:seqs) AND b.access_level IN (:levels)""")
                .setParameter("seqs", seqs).setParameter("levels", PersonRepository.names(levels)).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            FeedEntry entry = new FeedEntry();
            entry.kind = FeedItemKind.valueOf((String) r[1]);
            entry.recordId = (UUID) r[2];
            entry.id = (UUID) r[15];
            entry.statusChangeIndex = ((Number) r[3]).intValue();
            entry.detentionId = (UUID) r[4];
            entry.personId = (UUID) r[5];
            entry.detainingCountry = (String) r[6];
            entry.date = new PartialDate(integer(r[7]), integer(r[8]), integer(r[9]));
            entry.accessLevel = AccessLevel.valueOf((String) r[10]);
            entry.placedAt = r[11] == null ? null : new PartialDate(integer(r[11]), integer(r[12]), integer(r[13]));
            entries.put(((Number) r[0]).longValue(), new Before(entry, (Boolean) r[14]));
        }
        return entries;
    }

    /** An entry before a change, and whether its record may be shown now. */
    public record Before(FeedEntry entry, boolean recordReadable) {
    }

    /** Deletes the settled changes made before the cutoff, oldest first, moving the horizon past them. */
    public int purge(Instant cutoff) {
        entityManager.createNativeQuery("""
                INSERT INTO feed_change_horizon AS h (through_xid, through_seq)
                SELECT c.xid, c.seq FROM feed_change c WHERE c.changed_at < :cutoff AND""" + SETTLED + """
                 ORDER BY c.xid DESC, c.seq DESC LIMIT 1
                ON CONFLICT (only_row) DO UPDATE SET through_xid = excluded.through_xid, through_seq = excluded.through_seq
                WHERE (excluded.through_xid, excluded.through_seq) > (h.through_xid, h.through_seq)""")
                .setParameter("cutoff", cutoff).executeUpdate();
        return entityManager.createNativeQuery("""
                DELETE FROM feed_change c USING feed_change_horizon h
                WHERE (c.xid, c.seq) <= (h.through_xid, h.through_seq)""").executeUpdate();
    }

    private static List<FeedChange> changes(Query query, ChangePosition after, int limit) {
        List<?> rows = query.setParameter("afterXid", Long.toString(after.xid())).setParameter("afterSeq", after.seq())
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> change((Object[]) row)).toList();
    }

    private static FeedChange change(Object[] row) {
        return new FeedChange(new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue()),
                row[2].toString().charAt(0), (UUID) row[3], (UUID) row[4], (String) row[5]);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
