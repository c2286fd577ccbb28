package io.habeas.statement.repository;

import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.ActorKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ActorRepository implements PanacheRepositoryBase<Actor, UUID> {

    /** An actor found by search and the similarity of its closest name, office or organisation. */
    public record Match(Actor actor, float score) {
    }

    /** Actors in recording order after the given id, filtered; one statement over (country, id) or (kind, id). */
    public List<Actor> listAfter(UUID after, String country, ActorKind kind, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (after != null) {
            where.append(" and id > :after");
            params.and("after", after);
        }
        if (country != null) {
            where.append(" and country = :country");
            params.and("country", country);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        return find(where + " order by id", params).range(0, limit - 1).list();
    }

    /**
     * Actors whose name, office or organisation contain words like the query's, best first.
     * The trigram index on the folded text serves the word-similarity operator; two statements.
     */
    @SuppressWarnings("unchecked")
    public List<Match> search(String text, Float afterScore, UUID afterId, int limit) {
        String keyset = afterId == null ? ""
                : " AND (s.score < :afterScore OR (s.score = :afterScore AND s.id > :afterId))";
        var query = getEntityManager().createNativeQuery("""
                SELECT s.id, s.score FROM (
                    SELECT a.id, word_similarity(habeas_fold(:text), a.search_folded) AS score
                    FROM actor a WHERE habeas_fold(:text) <% a.search_folded) s
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
        Map<UUID, Actor> byId = ids.isEmpty() ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Match> matches = new ArrayList<>();
        for (Object[] row : rows) {
            matches.add(new Match(byId.get((UUID) row[0]), ((Number) row[1]).floatValue()));
        }
        return matches;
    }
}
