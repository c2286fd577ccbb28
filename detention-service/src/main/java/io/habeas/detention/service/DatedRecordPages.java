package io.habeas.detention.service;

import io.habeas.detention.domain.DatedRecord;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.paging.TimelineKeyset;
import io.habeas.support.records.RecordState;
import io.quarkus.panache.common.Parameters;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.UUID;
import java.util.function.BiFunction;

/** The dated records under one parent that a reader may see, in date order, keyset on (date, precision, id). */
final class DatedRecordPages {
    private DatedRecordPages() {
    }

    static <T extends DatedRecord> Page<T> under(String parentField, UUID parent, String collection, PageRequest page,
            Clearance reader, boolean showRetracted, BiFunction<String, Parameters, PanacheQuery<T>> find) {
        StringBuilder where = new StringBuilder(parentField + " = :parent and accessLevel in :levels");
        Parameters params = Parameters.with("parent", parent).and("levels", reader.readableLevels());
        if (!showRetracted) {
            where.append(" and state = :active");
            params.and("active", RecordState.ACTIVE);
        }
        return TimelineKeyset.page(page, QueryFingerprint.of(collection, parent, showRetracted), "occurredSort",
                where.toString(), params, find, r -> new Keys.Timeline(r.occurredSort, r.precisionRank, r.id));
    }
}
