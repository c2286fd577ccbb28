package io.habeas.statement.repository;

import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.ActorKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActorRepository implements PanacheRepositoryBase<Actor, UUID> {


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

}
