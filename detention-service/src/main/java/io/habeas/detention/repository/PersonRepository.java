package io.habeas.detention.repository;

import io.habeas.detention.domain.Person;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {


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

}
