package io.habeas.support.search;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.kernel.text.HumanText;
import io.habeas.support.records.SourcedRecord;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Best-first search by any spelling of a record's names, ignoring case and accents. The table
 * has a generated {@code search_folded} column (habeas_fold of its names) with a trigram GIN
 * index, which serves PostgreSQL's word-similarity operator. Pages are keyset on (score, id).
 */
public final class NameSearch {
    static final int MIN_QUERY = 2;
    static final int MAX_QUERY = 200;

    /** Which records a search may find besides their level. */
    public enum Among {
        /** Every record. */
        ALL("true"),
        /** Those not retracted, in a table with a state column. */
        ACTIVE("t.state = 'ACTIVE'");

        private final String condition;

        Among(String condition) {
            this.condition = condition;
        }
    }

    private NameSearch() {
    }

    /** The text a record's search_names column holds: its names, as given, in one string. */
    public static String searchText(Stream<String> names) {
        return names.filter(Objects::nonNull).collect(Collectors.joining(" | "));
    }

    /** A record found, and how well the query matched the closest of its names (0 to 1). */
    public record Match<T>(T record, float score) {
    }

    /**
     * One page of matches among the records whose own level is one of these (a reader's readable
     * levels); two statements whatever the page size. There is no search over every level.
     */
    public static <T extends SourcedRecord> Page<Match<T>> page(EntityManager entityManager, Class<T> type,
            String table, String text, Collection<AccessLevel> levels, PageRequest page) {
        return page(entityManager, type, table, text, levels, Among.ALL, page);
    }

    /** The same, among these records only (each caller always passes the same, so page tokens need not name it). */
    public static <T extends SourcedRecord> Page<Match<T>> page(EntityManager entityManager, Class<T> type,
            String table, String text, Collection<AccessLevel> levels, Among among, PageRequest page) {
        String query = text == null ? "" : HumanText.normalized(text.strip());
        if (query.length() < MIN_QUERY || query.length() > MAX_QUERY) {
            throw InvalidArgumentException.of("query", "must be " + MIN_QUERY + " to " + MAX_QUERY + " characters");
        }
        // PostgreSQL refuses a NUL in text outright; what no name holds is the client's mistake.
        HumanText.problem(query, HumanText.Shape.LINE).ifPresent(problem -> {
            throw InvalidArgumentException.of("query", problem);
        });
        return Pager.page(page, QueryFingerprint.of("search", table, query), Keys.SCORED,
                match -> new Keys.Scored(match.score(), match.record().id),
                (after, limit) -> search(entityManager, type, table, query, levels, among, after, limit));
    }

    @SuppressWarnings("unchecked")
    private static <T extends SourcedRecord> List<Match<T>> search(EntityManager entityManager, Class<T> type,
            String table, String text, Collection<AccessLevel> levels, Among among, Keys.Scored after, int limit) {
        String keyset = after == null ? "" : " AND (s.score < :afterScore OR (s.score = :afterScore AND s.id > :afterId))";
        var query = entityManager.createNativeQuery("SELECT s.id, s.score FROM ("
                        + " SELECT t.id, word_similarity(habeas_fold(:text), t.search_folded) AS score"
                        + " FROM " + table + " t WHERE habeas_fold(:text) <% t.search_folded"
                        + " AND t.access_level IN (:levels) AND " + among.condition + ") s"
                        + " WHERE true" + keyset + " ORDER BY s.score DESC, s.id LIMIT :limit")
                .setParameter("text", text)
                .setParameter("levels", levels.stream().map(Enum::name).toList())
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterScore", after.score()).setParameter("afterId", after.id());
        }
        List<Object[]> rows = query.getResultList();
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, T> byId = ids.isEmpty() ? Map.of() : entityManager
                .createQuery("from " + type.getSimpleName() + " where id in :ids", type).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<Match<T>> matches = new ArrayList<>();
        for (Object[] row : rows) {
            matches.add(new Match<>(byId.get((UUID) row[0]), ((Number) row[1]).floatValue()));
        }
        return matches;
    }
}
