package io.habeas.detention.repository;

import io.habeas.detention.domain.Person;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.support.history.Snapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** The person, if its level is one of these (as of the snapshot, and now). */
    public Optional<Person> findVisible(UUID id, Collection<AccessLevel> levels, Snapshot at) {
        return at.list("SELECT p.* FROM " + at.table("person") + " p WHERE p.id = :id AND p.access_level IN (:levels)"
                + at.andNow(VisibleNow.person("p.id")), Map.of("id", id, "levels", names(levels)), Person.class)
                .stream().findFirst();
    }

    /** The person, if its level is one of these, locked for the rest of the transaction. */
    public Optional<Person> findVisibleLocked(UUID id, Collection<AccessLevel> levels) {
        return getEntityManager().createQuery("select p from Person p where p.id = :id and p.accessLevel in :levels",
                        Person.class)
                .setParameter("id", id).setParameter("levels", levels).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * What a list of persons may be narrowed to; null or empty means no narrowing. Retracted ones only
     * when asked. An external identifier as stored (its scheme in lower case) narrows to its holder.
     */
    public record Filter(String citizenship, String detainingCountry, List<UUID> ids, boolean showRetracted,
            ExternalId externalId) {
    }

    /**
     * Persons of these levels in recording order after the given id, filtered; one statement. A
     * detaining country counts only through a detention the reader may see.
     */
    public List<Person> listAfter(UUID after, Filter filter, Collection<AccessLevel> levels, int limit, Snapshot at) {
        StringBuilder sql = new StringBuilder("SELECT p.* FROM " + at.table("person") + " p WHERE p.access_level IN (:levels)"
                + at.andNow(VisibleNow.person("p.id")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("levels", names(levels));
        if (after != null) {
            sql.append(" AND p.id > :after");
            params.put("after", after);
        }
        if (!filter.showRetracted()) {
            sql.append(" AND p.state = 'ACTIVE'");
        }
        if (filter.citizenship() != null) {
            sql.append(" AND p.citizenships @> ARRAY[CAST(:citizenship AS varchar)]");
            params.put("citizenship", filter.citizenship());
        }
        if (filter.detainingCountry() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(at.table("detention")).append(" d WHERE d.person_id = p.id"
                    + " AND d.detaining_country = :country AND d.state = 'ACTIVE' AND d.access_level IN (:levels)")
                    .append(at.andNow(VisibleNow.detention("d.id"))).append(")");
            params.put("country", filter.detainingCountry());
        }
        if (filter.externalId() != null) {
            // By the ids the person had then (person_history as of an instant): GIN on both (V10).
            sql.append(" AND p.external_ids @> jsonb_build_array(jsonb_build_object('scheme', CAST(:idScheme AS text),"
                    + " 'value', CAST(:idValue AS text)))");
            params.put("idScheme", filter.externalId().scheme());
            params.put("idValue", filter.externalId().value());
        }
        if (!filter.ids().isEmpty()) {
            sql.append(" AND p.id IN (:ids)");
            params.put("ids", filter.ids());
        }
        sql.append(" ORDER BY p.id LIMIT :limit");
        params.put("limit", limit);
        return at.list(sql, params, Person.class);
    }

    static List<String> names(Collection<AccessLevel> levels) {
        return levels.stream().map(Enum::name).toList();
    }
}
