package io.habeas.support.paging;

import io.quarkus.panache.common.Parameters;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Keyset paging in timeline order: the sort date of a partial date (the last day it can be),
 * then its precision rank (day before month before year), then the id (recording order).
 * Entities name their columns {@code <sortField>}, {@code precisionRank} and {@code id}.
 */
public final class TimelineKeyset {
    private TimelineKeyset() {
    }

    public static String orderBy(String sortField) {
        return " order by " + sortField + ", precisionRank, id";
    }

    /** Narrows a query to the rows after the key a page token carries; no-op on the first page. */
    public static void after(List<String> key, String sortField, StringBuilder where, Parameters params) {
        if (key == null) {
            return;
        }
        where.append(" and (").append(sortField).append(" > :afterSort or (").append(sortField)
                .append(" = :afterSort and (precisionRank > :afterRank or (precisionRank = :afterRank and id > :afterId))))");
        params.and("afterSort", LocalDate.parse(key.get(0))).and("afterRank", Short.parseShort(key.get(1)))
                .and("afterId", UUID.fromString(key.get(2)));
    }

    public static String token(String query, LocalDate sort, short precisionRank, UUID id) {
        return PageToken.encode(query, sort.toString(), Short.toString(precisionRank), id.toString());
    }
}
