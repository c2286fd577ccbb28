package io.habeas.statement.repository;

import io.habeas.support.watch.ChangeLogQueries;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.WatchHub;
import jakarta.enterprise.context.ApplicationScoped;
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
public class ClaimChangeRepository extends ChangeLogQueries<ClaimChangeRepository.ClaimChange> {
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

    public ClaimChangeRepository() {
        super("claim_change", "c.op, c.feed, c.feed_key, c.item_id, c.statement_id, c.changed_at");
    }

    /** Changes of one feed under any of these keys in (after, through], in log order, whole transactions; through is settled. */
    public List<ClaimChange> forFeed(Feed feed, Collection<String> keys, ChangePosition after, ChangePosition through,
            int limit) {
        return changesAfter(" c.feed = :feed AND c.feed_key IN (:keys) AND" + THROUGH, query -> through(query, through)
                .setParameter("feed", Character.toString(feed.code)).setParameter("keys", keys), after, limit);
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



    @Override
    protected ClaimChange change(Object[] row) {
        return new ClaimChange(position(row),
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
