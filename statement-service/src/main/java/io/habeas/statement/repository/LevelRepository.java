package io.habeas.statement.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which statements and actors are CONFIDENTIAL now by the levels this service keeps: a statement's
 * own, its actor's, and those of the statements it answers and their actors (as {@code levelsCleared}
 * reads them); an actor's own. The persons behind them are detention-service's to say.
 */
@ApplicationScoped
public class LevelRepository {
    private static final String STATEMENTS = """
            SELECT s.id, true AS confidential, CAST(NULL AS uuid) AS person_ref FROM statement s
            JOIN actor a ON a.id = s.actor_id
            WHERE s.id IN (:statements) AND ('CONFIDENTIAL' IN (s.access_level, a.access_level)
                OR EXISTS (SELECT 1 FROM claim c JOIN statement o ON o.id = c.answers_statement_id
                    JOIN actor oa ON oa.id = o.actor_id
                    WHERE c.statement_id = s.id AND 'CONFIDENTIAL' IN (o.access_level, oa.access_level)))""";
    private static final String ACTORS = """
            SELECT a.id, a.access_level = 'CONFIDENTIAL', a.person_ref FROM actor a
            WHERE a.id IN (:actors) AND (a.access_level = 'CONFIDENTIAL' OR a.person_ref IS NOT NULL)""";

    @Inject
    EntityManager entityManager;

    /**
     * Of these statements and actors, those CONFIDENTIAL by level; and for the other actors with a
     * person, that person (the caller then asks detention-service its level). One statement.
     *
     * @return the CONFIDENTIAL ids, and the actors still to judge by their persons
     */
    @SuppressWarnings("unchecked")
    public Levels confidential(Collection<UUID> statements, Collection<UUID> actors) {
        List<String> parts = new ArrayList<>();
        if (!statements.isEmpty()) {
            parts.add(STATEMENTS);
        }
        if (!actors.isEmpty()) {
            parts.add(ACTORS);
        }
        if (parts.isEmpty()) {
            return new Levels(Set.of(), Map.of());
        }
        var query = entityManager.createNativeQuery(String.join(" UNION ALL ", parts));
        if (!statements.isEmpty()) {
            query.setParameter("statements", statements);
        }
        if (!actors.isEmpty()) {
            query.setParameter("actors", actors);
        }
        Set<UUID> confidential = new HashSet<>();
        Map<UUID, UUID> actorPersons = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            if ((Boolean) row[1]) {
                confidential.add((UUID) row[0]);
            } else {
                actorPersons.put((UUID) row[0], (UUID) row[2]);
            }
        }
        return new Levels(confidential, actorPersons);
    }

    /** @param actorPersons the person of each actor not CONFIDENTIAL by its own level */
    public record Levels(Set<UUID> confidential, Map<UUID, UUID> actorPersons) {
    }
}
