package io.habeas.detention.repository;

import io.habeas.kernel.access.AccessLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;

/**
 * Aggregates over one detaining country's active detentions of persons not retracted that a reader
 * may see (the detention and its person among the reader's levels, and for charges the charge too),
 * each detention as it stands for the reader's level; four statements in all.
 */
@ApplicationScoped
public class CountryStatisticsRepository {
    private static final String VISIBLE_DETENTIONS = """
            FROM detention d JOIN person p ON p.id = d.person_id
            JOIN detention_outcome o ON o.detention_id = d.id AND o.reader_level = :reader
            WHERE d.detaining_country = :country AND d.state = 'ACTIVE'
              AND d.access_level IN (:levels) AND p.access_level IN (:levels) AND p.state = 'ACTIVE'""";

    @Inject
    EntityManager entityManager;

    /** Who reads the statistics: the levels they may see and the level whose outcomes they are told. */
    public record Reader(Collection<AccessLevel> levels, AccessLevel level) {
    }

    public record MonthCount(int year, int month, int count) {
    }

    public record ArticleCount(String jurisdiction, String legalCode, String article, int charges, int persons) {
    }

    public int heldNow(String country, Reader reader) {
        return ((Number) query("SELECT count(DISTINCT d.person_id) " + VISIBLE_DETENTIONS + " AND o.end_year IS NULL",
                country, reader).getSingleResult()).intValue();
    }

    /** Detentions started per month, and releases per month; a date known to its year only counts in month 0. */
    public List<MonthCount> startsPerMonth(String country, Reader reader) {
        return months("SELECT d.start_year, coalesce(d.start_month, 0), count(*) " + VISIBLE_DETENTIONS
                + " GROUP BY 1, 2", country, reader);
    }

    public List<MonthCount> releasesPerMonth(String country, Reader reader) {
        return months("SELECT o.end_year, coalesce(o.end_month, 0), count(*) " + VISIBLE_DETENTIONS
                + " AND o.current_status = 'RELEASED' GROUP BY 1, 2", country, reader);
    }

    @SuppressWarnings("unchecked")
    public List<ArticleCount> mostChargedArticles(String country, Reader reader, int limit) {
        List<Object[]> rows = query("SELECT c.jurisdiction, c.legal_code, c.article, count(*), count(DISTINCT d.person_id) "
                + VISIBLE_DETENTIONS.replace("WHERE", "JOIN charge c ON c.detention_id = d.id WHERE")
                + " AND c.state = 'ACTIVE' AND c.access_level IN (:levels)"
                + " GROUP BY 1, 2, 3 ORDER BY 4 DESC, 5 DESC, 1, 2, 3 LIMIT :limit", country, reader)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new ArticleCount((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<MonthCount> months(String sql, String country, Reader reader) {
        List<Object[]> rows = query(sql, country, reader).getResultList();
        return rows.stream().map(r -> new MonthCount(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue())).toList();
    }

    private Query query(String sql, String country, Reader reader) {
        return entityManager.createNativeQuery(sql).setParameter("country", country)
                .setParameter("levels", reader.levels().stream().map(Enum::name).toList())
                .setParameter("reader", reader.level().name());
    }
}
