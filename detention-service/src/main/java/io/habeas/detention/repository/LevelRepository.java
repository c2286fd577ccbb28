package io.habeas.detention.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which records are CONFIDENTIAL now through their own level, their detention's or their person's
 * (an incident's: its person's).
 */
@ApplicationScoped
public class LevelRepository {
    private static final String CONFIDENTIAL = "'CONFIDENTIAL'";
    private static final Map<String, String> BY_KIND = Map.of(
            "persons", "SELECT p.id FROM person p WHERE p.id IN (:persons) AND p.access_level = " + CONFIDENTIAL,
            "detentions", "SELECT d.id FROM detention d JOIN person p ON p.id = d.person_id WHERE d.id IN (:detentions)"
                    + " AND " + CONFIDENTIAL + " IN (d.access_level, p.access_level)",
            "events", "SELECT e.id FROM custody_event e JOIN detention d ON d.id = e.detention_id"
                    + " JOIN person p ON p.id = d.person_id WHERE e.id IN (:events)"
                    + " AND " + CONFIDENTIAL + " IN (e.access_level, d.access_level, p.access_level)",
            "charges", "SELECT c.id FROM charge c JOIN detention d ON d.id = c.detention_id"
                    + " JOIN person p ON p.id = d.person_id WHERE c.id IN (:charges)"
                    + " AND " + CONFIDENTIAL + " IN (c.access_level, d.access_level, p.access_level)",
            "incidents", "SELECT i.id FROM incident i JOIN person p ON p.id = i.person_id WHERE i.id IN (:incidents)"
                    + " AND " + CONFIDENTIAL + " IN (i.access_level, p.access_level)",
            "courtEvents", "SELECT k.id FROM court_event k JOIN detention d ON d.id = k.detention_id"
                    + " JOIN person p ON p.id = d.person_id WHERE k.id IN (:courtEvents)"
                    + " AND " + CONFIDENTIAL + " IN (k.access_level, d.access_level, p.access_level)");

    @Inject
    EntityManager entityManager;

    /**
     * Of these ids, by kind ("persons", "detentions", "events", "charges", "incidents", "courtEvents"),
     * the CONFIDENTIAL ones; one statement.
     */
    @SuppressWarnings("unchecked")
    public Set<UUID> confidential(Map<String, ? extends Collection<UUID>> ids) {
        Map<String, Collection<UUID>> asked = new LinkedHashMap<>();
        ids.forEach((kind, some) -> {
            if (!some.isEmpty()) {
                asked.put(kind, some);
            }
        });
        if (asked.isEmpty()) {
            return Set.of();
        }
        List<String> parts = new ArrayList<>();
        asked.keySet().forEach(kind -> parts.add(BY_KIND.get(kind)));
        var query = entityManager.createNativeQuery(String.join(" UNION ALL ", parts), UUID.class);
        asked.forEach(query::setParameter);
        return new HashSet<>(query.getResultList());
    }
}
