package io.habeas.statement.repository;

import io.habeas.kernel.access.AccessLevel;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.domain.ActorKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActorRepository implements PanacheRepositoryBase<Actor, UUID> {

    /** The actor, if the reader clears its level. */
    public Actor findCleared(UUID id, List<AccessLevel> levels) {
        return find("id = ?1 and accessLevel in ?2", id, levels).firstResult();
    }

    /**
     * Actors at the reader's levels in recording order after the given id, filtered; one statement
     * over (country, id) or (kind, id), or by the primary key when one actor is named (the holder of
     * an external identifier).
     */
    public List<Actor> listAfter(UUID after, String country, ActorKind kind, UUID only, List<AccessLevel> levels,
            int limit) {
        StringBuilder where = new StringBuilder("accessLevel in :levels");
        Parameters params = Parameters.with("levels", levels);
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
        if (only != null) {
            where.append(" and id = :only");
            params.and("only", only);
        }
        return find(where + " order by id", params).range(0, limit - 1).list();
    }
}
