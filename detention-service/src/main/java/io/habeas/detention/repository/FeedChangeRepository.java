package io.habeas.detention.repository;

import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.FeedItemKind;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import io.habeas.support.watch.ChangeLogQueries;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.WatchHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
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
public class FeedChangeRepository extends ChangeLogQueries<FeedChangeRepository.FeedChange> {
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

    /** The most restrictive level, now, of a retracted entry's person, detention and record. */
    private static final String LEVEL_NOW = """
            habeas_most_restrictive(
                (SELECT p.access_level FROM person p WHERE p.id = b.person_id),
                (SELECT d.access_level FROM detention d WHERE d.id = b.detention_id),
                (SELECT e.access_level FROM custody_event e WHERE e.id = b.record_id),
                (SELECT h.access_level FROM charge h WHERE h.id = b.record_id),
                (SELECT i.access_level FROM incident i WHERE i.id = b.record_id),
                (SELECT k.access_level FROM court_event k WHERE k.id = b.record_id))""";

    public FeedChangeRepository() {
        super("feed_change", "c.op, c.entry_id, c.person_id, c.detaining_country");
    }

    /** Changes of one feed in (after, through], in log order, whole transactions; through is settled. */
    public List<FeedChange> forFeed(Feed feed, ChangePosition after, ChangePosition through, int limit) {
        String column = feed.owner() == FeedRepository.Owner.PERSON ? "c.person_id" : "c.detaining_country";
        return changesAfter(" " + column + " = :feed AND" + THROUGH,
                query -> through(query, through).setParameter("feed", feed.value()), after, limit);
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



    @Override
    protected FeedChange change(Object[] row) {
        return new FeedChange(position(row), row[2].toString().charAt(0), (UUID) row[3], (UUID) row[4], (String) row[5]);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
