package io.habeas.detention.repository;

import io.habeas.detention.domain.CustodyStatus;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.paging.Keys;
import io.habeas.support.records.RecordState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Detentions a reader may see: its own level and its person's among the reader's levels. */
@ApplicationScoped
public class DetentionRepository {
    /** JPQL: detention d and its person are of the levels :levels. */
    public static final String VISIBLE = "d.accessLevel in :levels"
            + " and exists (select 1 from Person p where p.id = d.personId and p.accessLevel in :levels)";

    @Inject
    EntityManager entityManager;

    public record Filter(UUID person, List<UUID> persons, String detainingCountry, CustodyStatus currentStatus,
            boolean showRetracted, boolean ongoingOnly) {
    }

    /** A row of a list: the detention and its outcome for the reader. */
    public record Row(Detention detention, DetentionOutcome outcome) {
    }

    /** The detention, if visible at these levels; locked for the rest of the transaction when asked. */
    public Optional<Detention> findVisible(UUID id, Collection<AccessLevel> levels, LockModeType lock) {
        return entityManager.createQuery("select d from Detention d where d.id = :id and " + VISIBLE, Detention.class)
                .setParameter("id", id).setParameter("levels", levels).setLockMode(lock)
                .getResultStream().findFirst();
    }

    /**
     * A record that hangs under a detention (a custody event, a charge), if it, its detention and its
     * person are all of these levels; one statement.
     */
    public <T> Optional<T> findVisibleUnder(Class<T> type, UUID id, UUID detentionId, Collection<AccessLevel> levels) {
        return entityManager.createQuery("select r from " + type.getSimpleName() + " r where r.id = :id"
                        + " and r.detentionId = :detention and r.accessLevel in :levels"
                        + " and exists (select 1 from Detention d where d.id = r.detentionId and " + VISIBLE + ")", type)
                .setParameter("id", id).setParameter("detention", detentionId).setParameter("levels", levels)
                .getResultStream().findFirst();
    }

    /**
     * Newest start first after a key, with each one's outcome for the reader level; one statement,
     * keyset on (start, id) over the index that matches the filter.
     */
    public List<Row> listAfter(Keys.Dated after, Filter filter, Collection<AccessLevel> levels, AccessLevel reader,
            int limit) {
        StringBuilder jpql = new StringBuilder("select d, o from Detention d join DetentionOutcome o"
                + " on o.detentionId = d.id and o.readerLevel = :reader where " + VISIBLE);
        Map<String, Object> params = new HashMap<>(Map.of("levels", levels, "reader", reader));
        if (filter.person() != null) {
            jpql.append(" and d.personId = :person");
            params.put("person", filter.person());
        }
        if (!filter.persons().isEmpty()) {
            jpql.append(" and d.personId in :persons");
            params.put("persons", filter.persons());
        }
        if (filter.detainingCountry() != null) {
            jpql.append(" and d.detainingCountry = :country");
            params.put("country", filter.detainingCountry());
        }
        if (filter.currentStatus() != null) {
            jpql.append(" and o.currentStatus = :status");
            params.put("status", filter.currentStatus());
        }
        if (filter.ongoingOnly()) {
            jpql.append(" and o.endDate is null");
        }
        if (!filter.showRetracted()) {
            jpql.append(" and d.state = :active"
                    + " and exists (select 1 from Person a where a.id = d.personId and a.state = :active)");
            params.put("active", RecordState.ACTIVE);
        }
        if (after != null) {
            jpql.append(" and (d.startSort < :afterStart or (d.startSort = :afterStart and d.id < :afterId))");
            params.put("afterStart", after.date());
            params.put("afterId", after.id());
        }
        var query = entityManager.createQuery(jpql + " order by d.startSort desc, d.id desc", Object[].class)
                .setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new Row((Detention) r[0], (DetentionOutcome) r[1])).toList();
    }
}
