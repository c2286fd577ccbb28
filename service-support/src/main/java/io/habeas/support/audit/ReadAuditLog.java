package io.habeas.support.audit;

import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.validation.RequestValidator;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The read audit, newest first, keyset on the id, over the index that matches the filter. */
@ApplicationScoped
public class ReadAuditLog {
    @Inject
    RequestValidator validator;

    public Page<ReadAuditEntry> list(ReadAuditFilter filter, PageRequest page) {
        validator.check(filter, "");
        return Pager.page(page, QueryFingerprint.of("readAudit", filter.principal(), filter.resource()), Keys.ID,
                entry -> entry.id, (after, limit) -> {
                    List<String> conditions = new ArrayList<>();
                    Parameters params = new Parameters();
                    if (filter.principal() != null) {
                        conditions.add("principal = :principal");
                        params.and("principal", filter.principal());
                    }
                    if (filter.resource() != null) {
                        conditions.add("resource = :resource");
                        params.and("resource", filter.resource());
                    }
                    if (after != null) {
                        conditions.add("id < :after");
                        params.and("after", after);
                    }
                    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
                    return ReadAuditEntry.<ReadAuditEntry>find("from ReadAuditEntry" + where + " order by id desc", params)
                            .page(0, limit).list();
                });
    }
}
