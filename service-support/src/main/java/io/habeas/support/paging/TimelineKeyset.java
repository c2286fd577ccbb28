package io.habeas.support.paging;

import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Pages of entities in timeline order ({@link Keys.Timeline}): the sort date of a partial date
 * (the last day it can be), then its precision rank (day before month before year), then the id
 * (recording order). Entities name their columns {@code <sortField>}, {@code precisionRank} and {@code id}.
 */
public final class TimelineKeyset {
    private TimelineKeyset() {
    }

    /** One page of the rows that {@code where} selects, read with Panache's {@code find}. */
    public static <T> Page<T> page(PageRequest request, QueryFingerprint query, String sortField, String where,
            Parameters params, BiFunction<String, Parameters, PanacheQuery<T>> find, Function<T, Keys.Timeline> keyOf) {
        return Pager.page(request, query, Keys.TIMELINE, keyOf, (after, limit) -> {
            StringBuilder narrowed = new StringBuilder(where);
            after(after, sortField, narrowed, params);
            return find.apply(narrowed + orderBy(sortField), params).range(0, limit - 1).list();
        });
    }

    static String orderBy(String sortField) {
        return " order by " + sortField + ", precisionRank, id";
    }

    /** Narrows a query to the rows after a key; no-op on the first page (null key). */
    static void after(Keys.Timeline key, String sortField, StringBuilder where, Parameters params) {
        if (key == null) {
            return;
        }
        where.append(" and (").append(sortField).append(" > :afterSort or (").append(sortField)
                .append(" = :afterSort and (precisionRank > :afterRank or (precisionRank = :afterRank and id > :afterId))))");
        params.and("afterSort", key.sort()).and("afterRank", key.rank()).and("afterId", key.id());
    }
}
