package io.habeas.detention.repository;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.support.history.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over one detaining country's active detentions of persons not retracted that a reader may see (the detention
 * and its person among the reader's levels, and for charges the charge too), each detention as it
 * stands for the reader's level; four statements in all. Read now, they come from the country's
 * tallies, kept current at every commit by the database (V14, whose function habeas_country_shares
 * applies this same rule); read as of an earlier instant, they are counted from the records.
 */
@ApplicationScoped
public class CountryStatisticsRepository {

    /**
     * Who reads the statistics: the levels they may see, the level whose outcomes they are told,
     * and the snapshot they read.
     */
    public record Reader(Collection<AccessLevel> levels, AccessLevel level, Snapshot at) {
    }

    public record MonthCount(int year, int month, int count) {
    }

    public record ArticleCount(String jurisdiction, String legalCode, String article, int charges, int persons) {
    }

    public int heldNow(String country, Reader reader) {
        if (reader.at().isNow()) {
            List<Object> held = tallies("SELECT coalesce(sum(total), 0)", "HELD", "", country, reader, Map.of());
            return ((Number) held.get(0)).intValue();
        }
        List<Object> count = query("SELECT count(DISTINCT d.person_id) " + visibleDetentions(reader, "")
                + " AND o.end_year IS NULL", country, reader, Map.of());
        return ((Number) count.get(0)).intValue();
    }

    /** Detentions started per month, and releases per month; a date known to its year only counts in month 0. */
    public List<MonthCount> startsPerMonth(String country, Reader reader) {
        if (reader.at().isNow()) {
            return months(tallies("SELECT year, month, total", "STARTED", " AND total > 0", country, reader, Map.of()));
        }
        return months("SELECT d.start_year, coalesce(d.start_month, 0), count(*) " + visibleDetentions(reader, "")
                + " GROUP BY 1, 2", country, reader);
    }

    public List<MonthCount> releasesPerMonth(String country, Reader reader) {
        if (reader.at().isNow()) {
            return months(tallies("SELECT year, month, total", "RELEASED", " AND total > 0", country, reader, Map.of()));
        }
        return months("SELECT o.end_year, coalesce(o.end_month, 0), count(*) " + visibleDetentions(reader, "")
                + " AND o.current_status = 'RELEASED' GROUP BY 1, 2", country, reader);
    }

    public List<ArticleCount> mostChargedArticles(String country, Reader reader, int limit) {
        Snapshot at = reader.at();
        List<Object[]> rows = at.isNow()
                ? tallies("SELECT jurisdiction, legal_code, article, total, persons", "ARTICLE",
                        " AND total > 0 ORDER BY 4 DESC, 5 DESC, 1, 2, 3 LIMIT :limit", country, reader, Map.of("limit", limit))
                : query("SELECT c.jurisdiction, c.legal_code, c.article, count(*), count(DISTINCT d.person_id) "
                + visibleDetentions(reader, " JOIN " + at.table("charge") + " c ON c.detention_id = d.id")
                + " AND c.state = 'ACTIVE' AND c.access_level IN (:levels)" + at.andNow(VisibleNow.record("charge", "c.id"))
                + " GROUP BY 1, 2, 3 ORDER BY 4 DESC, 5 DESC, 1, 2, 3 LIMIT :limit", country, reader, Map.of("limit", limit));
        return rows.stream().map(r -> new ArticleCount((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue())).toList();
    }

    /** The reader's detentions in the country (d), with their persons (p), outcomes (o) and what else joins. */
    private static String visibleDetentions(Reader reader, String joins) {
        Snapshot at = reader.at();
        return " FROM " + at.table("detention") + " d JOIN " + at.table("person") + " p ON p.id = d.person_id"
                + " JOIN " + at.table("detention_outcome") + " o ON o.detention_id = d.id AND o.reader_level = :reader" + joins
                + " WHERE d.detaining_country = :country AND d.state = 'ACTIVE'"
                + " AND d.access_level IN (:levels) AND p.access_level IN (:levels) AND p.state = 'ACTIVE'" + at.andNow(VisibleNow.detention("d.id"));
    }

    private static <T> List<T> tallies(String select, String kind, String more, String country, Reader reader,
            Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("country", country);
        all.put("reader", reader.level().name());
        all.put("kind", kind);
        return reader.at().values(select + " FROM country_tally WHERE country = :country AND reader_level = :reader"
                + " AND kind = :kind" + more, all);
    }

    private List<MonthCount> months(String sql, String country, Reader reader) {
        return months(query(sql, country, reader, Map.of()));
    }

    private static List<MonthCount> months(List<Object[]> rows) {
        return rows.stream().map(r -> new MonthCount(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue())).toList();
    }

    private static <T> List<T> query(String sql, String country, Reader reader, Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(more);
        params.put("country", country);
        params.put("levels", PersonRepository.names(reader.levels()));
        params.put("reader", reader.level().name());
        return reader.at().values(sql, params);
    }
}
