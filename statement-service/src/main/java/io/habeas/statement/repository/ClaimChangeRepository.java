package io.habeas.statement.repository;

import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.WatchHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The claim change log (V9): reads in log order, only below the oldest transaction still running
 * (which may yet commit changes before the ones read), and which feeds the changed items are in now.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ClaimChangeRepository {
    /** The log's feeds: a person's claims, a country's claims, a country's statements. */
    public enum Feed {
        PERSON_CLAIMS('P'), COUNTRY_CLAIMS('C'), COUNTRY_STATEMENTS('S');

        final char code;

        Feed(char code) {
            this.code = code;
        }

        static Feed of(char code) {
            for (Feed feed : values()) {
                if (feed.code == code) {
                    return feed;
                }
            }
            throw new IllegalArgumentException("no feed " + code);
        }
    }

    /** One change of one item (a claim, or a statement in S) in one feed: I(nsert), U(pdate) or D(elete). */
    public record ClaimChange(ChangePosition position, char op, Feed feed, String key, UUID itemId, UUID statementId,
            Instant changedAt) implements WatchHub.Change {
    }

    private static final String COLUMNS = "SELECT CAST(CAST(c.xid AS text) AS bigint), c.seq, c.op, c.feed, c.feed_key,"
            + " c.item_id, c.statement_id, c.changed_at FROM claim_change c";
    private static final String SETTLED = " c.xid < pg_snapshot_xmin(pg_current_snapshot())";
    private static final String AFTER = " (c.xid, c.seq) > (CAST(CAST(:afterXid AS text) AS xid8), :afterSeq)";
    private static final String ORDER = " ORDER BY c.xid, c.seq LIMIT :limit";

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
                "SELECT CAST(CAST(through_xid AS text) AS bigint), through_seq FROM claim_change_horizon").getResultList();
        if (rows.isEmpty()) {
            return ChangePosition.ORIGIN;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Settled changes of every feed after a position, in log order. */
    public List<ClaimChange> after(ChangePosition after, int limit) {
        return changes(entityManager.createNativeQuery(COLUMNS + " WHERE" + SETTLED + " AND" + AFTER + ORDER), after, limit);
    }

    /** Changes of one feed under any of these keys in (after, through], in log order; through is settled. */
    public List<ClaimChange> forFeed(Feed feed, Collection<String> keys, ChangePosition after, ChangePosition through,
            int limit) {
        Query query = entityManager.createNativeQuery(COLUMNS + " WHERE c.feed = :feed AND c.feed_key IN (:keys) AND" + AFTER
                        + " AND (c.xid, c.seq) <= (CAST(CAST(:throughXid AS text) AS xid8), :throughSeq)" + ORDER)
                .setParameter("feed", Character.toString(feed.code)).setParameter("keys", keys)
                .setParameter("throughXid", Long.toString(through.xid())).setParameter("throughSeq", through.seq());
        return changes(query, after, limit);
    }

    /** The person (P) or country (C) feeds each of these claims is in now: its active projection rows. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Set<String>> claimFeedsNow(Feed feed, Collection<UUID> claimIds) {
        Map<UUID, Set<String>> feeds = new HashMap<>();
        if (claimIds.isEmpty() || feed == Feed.COUNTRY_STATEMENTS) {
            return feeds;
        }
        String sql = feed == Feed.PERSON_CLAIMS
                ? "SELECT x.claim_id, CAST(x.person_id AS text) FROM claim_subject_person x WHERE x.claim_id IN (:ids) AND x.active"
                : "SELECT x.claim_id, x.country FROM claim_country x WHERE x.claim_id IN (:ids) AND x.active";
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("ids", claimIds).getResultList();
        rows.forEach(r -> feeds.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((String) r[1]));
        return feeds;
    }

    /** Deletes the settled changes made before the cutoff, oldest first, moving the horizon past them. */
    public int purge(Instant cutoff) {
        entityManager.createNativeQuery("""
                INSERT INTO claim_change_horizon AS h (through_xid, through_seq)
                SELECT c.xid, c.seq FROM claim_change c WHERE c.changed_at < :cutoff AND""" + SETTLED + """
                 ORDER BY c.xid DESC, c.seq DESC LIMIT 1
                ON CONFLICT (only_row) DO UPDATE SET through_xid = excluded.through_xid, through_seq = excluded.through_seq
                WHERE (excluded.through_xid, excluded.through_seq) > (h.through_xid, h.through_seq)""")
                .setParameter("cutoff", cutoff).executeUpdate();
        return entityManager.createNativeQuery("""
                DELETE FROM claim_change c USING claim_change_horizon h
                WHERE (c.xid, c.seq) <= (h.through_xid, h.through_seq)""").executeUpdate();
    }

    private static List<ClaimChange> changes(Query query, ChangePosition after, int limit) {
        List<?> rows = query.setParameter("afterXid", Long.toString(after.xid())).setParameter("afterSeq", after.seq())
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> change((Object[]) row)).toList();
    }

    private static ClaimChange change(Object[] row) {
        return new ClaimChange(new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue()),
                row[2].toString().charAt(0), Feed.of(row[3].toString().charAt(0)), (String) row[4], (UUID) row[5],
                (UUID) row[6], instant(row[7]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
