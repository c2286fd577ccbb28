package io.habeas.detention.repository;

import io.habeas.detention.domain.Person;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** A person found by name search and the similarity of its closest name. */
    public record Match(Person person, float score) {
    }

    /** Persons in recording order after the given id, filtered; one statement. */
    @SuppressWarnings("unchecked")
    public List<Person> listAfter(UUID after, String citizenship, String detainingCountry, int limit) {
        StringBuilder sql = new StringBuilder("SELECT p.* FROM person p WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (after != null) {
            sql.append(" AND p.id > :after");
            params.put("after", after);
        }
        if (citizenship != null) {
            sql.append(" AND p.citizenships @> ARRAY[CAST(:citizenship AS varchar)]");
            params.put("citizenship", citizenship);
        }
        if (detainingCountry != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM detention d WHERE d.person_id = p.id"
                    + " AND d.detaining_country = :country AND d.state = 'ACTIVE')");
            params.put("country", detainingCountry);
        }
        sql.append(" ORDER BY p.id LIMIT :limit");
        params.put("limit", limit);
        var query = getEntityManager().createNativeQuery(sql.toString(), Person.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Persons whose names contain words like the query's, best first. The trigram index on
     * the folded names serves the word-similarity operator; two statements in all.
     */
    @SuppressWarnings("unchecked")
    public List<Match> search(String text, Float afterScore, UUID afterId, int limit) {
        String keyset = afterId == null ? ""
                : " AND (s.score < :afterScore OR (s.score = :afterScore AND s.id > :afterId))";
        var query = getEntityManager().createNativeQuery("""
                SELECT s.id, s.score FROM (
                    SELECT p.id, word_similarity(habeas_fold(:text), p.search_folded) AS score
                    FROM person p WHERE habeas_fold(:text) <% p.search_folded) s
                WHERE true""" + keyset + " ORDER BY s.score DESC, s.id LIMIT :limit")
                .setParameter("text", text)
                .setParameter("limit", limit);
        if (afterId != null) {
            query.setParameter("afterScore", afterScore).setParameter("afterId", afterId);
        }
        List<Object[]> rows = query.getResultList();
        List<UUID> ids = new ArrayList<>();
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
        }
        Map<UUID, Person> byId = ids.isEmpty() ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Match> matches = new ArrayList<>();
        for (Object[] row : rows) {
            matches.add(new Match(byId.get((UUID) row[0]), ((Number) row[1]).floatValue()));
        }
        return matches;
    }
}
