package io.habeas.detention.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Aggregates over one detaining country's active detentions; three statements in all. */
@ApplicationScoped
public class CountryStatisticsRepository {
    @Inject
    EntityManager entityManager;

    public record MonthCount(int year, int month, int count) {
    }

    public record ArticleCount(String jurisdiction, String legalCode, String article, int charges, int persons) {
    }

    public int heldNow(String country) {
        return ((Number) entityManager.createNativeQuery("""
                SELECT count(DISTINCT person_id) FROM detention
                WHERE detaining_country = :country AND state = 'ACTIVE' AND end_year IS NULL""")
                .setParameter("country", country).getSingleResult()).intValue();
    }

    /** Detentions started per month, and releases per month; a date known to its year only counts in month 0. */
    public List<MonthCount> startsPerMonth(String country) {
        return months("""
                SELECT start_year, coalesce(start_month, 0), count(*) FROM detention
                WHERE detaining_country = :country AND state = 'ACTIVE'
                GROUP BY 1, 2""", country);
    }

    public List<MonthCount> releasesPerMonth(String country) {
        return months("""
                SELECT end_year, coalesce(end_month, 0), count(*) FROM detention
                WHERE detaining_country = :country AND state = 'ACTIVE' AND current_status = 'RELEASED'
                GROUP BY 1, 2""", country);
    }

    @SuppressWarnings("unchecked")
    public List<ArticleCount> mostChargedArticles(String country, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT c.jurisdiction, c.legal_code, c.article, count(*), count(DISTINCT d.person_id)
                FROM charge c JOIN detention d ON d.id = c.detention_id
                WHERE d.detaining_country = :country AND d.state = 'ACTIVE' AND c.state = 'ACTIVE'
                GROUP BY 1, 2, 3 ORDER BY 4 DESC, 5 DESC, 1, 2, 3 LIMIT :limit""")
                .setParameter("country", country).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new ArticleCount((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<MonthCount> months(String sql, String country) {
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("country", country).getResultList();
        return rows.stream().map(r -> new MonthCount(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue())).toList();
    }
}
