package io.habeas.detention.repository;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Incident;
import io.habeas.detention.domain.Person;
import io.habeas.kernel.access.AccessLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What one chunk of an export reads: the next persons by id over the primary key, then the
 * active records of each kind under them, one statement per kind for the whole chunk, each over
 * its parent's index. Every query keeps only records of the reader's levels; the parents given
 * are already those the reader sees, so a record under a hidden one is never read.
 */
@ApplicationScoped
public class ExportRepository {
    @Inject
    EntityManager entityManager;

    /** Active persons of these levels after this id (null: from the first), in id order. */
    public List<Person> personsAfter(UUID after, Collection<AccessLevel> levels, int limit) {
        var query = entityManager.createNativeQuery("SELECT p.* FROM person p WHERE p.access_level IN (:levels)"
                + " AND p.state = 'ACTIVE'" + (after == null ? "" : " AND p.id > :after") + " ORDER BY p.id LIMIT :limit",
                Person.class).setParameter("levels", PersonRepository.names(levels)).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return typed(query.getResultList());
    }

    public List<Detention> detentions(Collection<UUID> persons, Collection<AccessLevel> levels) {
        return under(Detention.class, "detention", "person_id", persons, levels);
    }

    public List<Incident> incidents(Collection<UUID> persons, Collection<AccessLevel> levels) {
        return under(Incident.class, "incident", "person_id", persons, levels);
    }

    public List<CustodyEvent> custodyEvents(Collection<UUID> detentions, Collection<AccessLevel> levels) {
        return under(CustodyEvent.class, "custody_event", "detention_id", detentions, levels);
    }

    public List<Charge> charges(Collection<UUID> detentions, Collection<AccessLevel> levels) {
        return under(Charge.class, "charge", "detention_id", detentions, levels);
    }

    public List<CourtEvent> courtEvents(Collection<UUID> detentions, Collection<AccessLevel> levels) {
        return under(CourtEvent.class, "court_event", "detention_id", detentions, levels);
    }

    /**
     * The active records of a table under these parents, of these levels, in recording order (ids
     * are UUIDv7): the order their single writes accepted them in, which an import repeats.
     */
    private <T> List<T> under(Class<T> type, String table, String parentColumn, Collection<UUID> parents,
            Collection<AccessLevel> levels) {
        if (parents.isEmpty()) {
            return List.of();
        }
        return typed(entityManager.createNativeQuery("SELECT r.* FROM " + table + " r WHERE r." + parentColumn
                        + " = ANY(cast(:parents AS uuid[])) AND r.access_level IN (:levels) AND r.state = 'ACTIVE'"
                        + " ORDER BY r." + parentColumn + ", r.id", type)
                .setParameter("parents", parents.toArray(UUID[]::new))
                .setParameter("levels", PersonRepository.names(levels))
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> typed(List<?> rows) {
        return (List<T>) rows;
    }
}
