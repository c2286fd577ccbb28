package io.habeas.detention.repository;

import io.habeas.detention.domain.Incident;
import io.habeas.kernel.access.AccessLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Incidents a reader may see: their own level and their person's among the reader's levels. */
@ApplicationScoped
public class IncidentRepository {
    @Inject
    EntityManager entityManager;

    /** The incident of this person, if it and its person are of these levels; one statement. */
    public Optional<Incident> findVisible(UUID id, UUID personId, Collection<AccessLevel> levels) {
        return entityManager.createQuery("select i from Incident i where i.id = :id and i.personId = :person"
                        + " and i.accessLevel in :levels"
                        + " and exists (select 1 from Person p where p.id = i.personId and p.accessLevel in :levels)",
                        Incident.class)
                .setParameter("id", id).setParameter("person", personId).setParameter("levels", levels)
                .getResultStream().findFirst();
    }
}
