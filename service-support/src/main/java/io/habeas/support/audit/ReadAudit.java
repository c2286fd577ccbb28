package io.habeas.support.audit;

import com.google.protobuf.Message;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.errors.UnavailableException;
import io.habeas.support.access.Caller;
import io.habeas.support.records.UuidV7;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes who was given which CONFIDENTIAL record, before the answer is sent ({@code Rpc.call}
 * calls it with every answer): one entry per record, in one insert per answer, committed on its
 * own. When that fails, so does the call, with UNAVAILABLE: nothing is ever read unaudited.
 */
@ApplicationScoped
@Unremovable // looked up by Rpc.call, a static helper, rather than injected
public class ReadAudit {
    static final String DEPENDENCY = "read-audit";
    private static final String INSERT = "INSERT INTO read_audit (id, resource, principal, method)"
            + " SELECT given.id, given.resource, ?, ? FROM unnest(?, ?) AS given (id, resource)";

    @Inject
    Caller caller;
    @Inject
    ConfidentialRecords records;
    @Inject
    EntityManager entityManager;

    /** Audits the answer this method gives the caller; UNAVAILABLE when its entries cannot be written. */
    public void record(String method, Message answer) {
        record(method, answer, caller.name(), caller.clearance());
    }

    /** As {@link #record(String, Message)}, for a caller known outside its request (a watch's later answers). */
    public void record(String method, Message answer, String principal, Clearance clearance) {
        try {
            Set<String> audited = confidentialIn(answer, clearance);
            if (!audited.isEmpty()) {
                write(method, List.copyOf(audited), principal);
            }
        } catch (UnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnavailableException(DEPENDENCY, "the read could not be audited; nothing was sent, retry later", e);
        }
    }

    /**
     * What the answer itself shows CONFIDENTIAL, and what the service finds CONFIDENTIAL by what it
     * hangs under. The second needs a query; a caller who does not clear CONFIDENTIAL is never
     * given such a record, every read filtering by level, so it is asked for callers who do.
     */
    private Set<String> confidentialIn(Message answer, Clearance clearance) {
        GivenRecords given = GivenRecords.of(answer);
        Set<String> audited = new LinkedHashSet<>(given.confidential());
        if (clearance.clears(AccessLevel.CONFIDENTIAL)) {
            Set<String> others = new LinkedHashSet<>(given.named());
            others.removeAll(audited);
            if (!others.isEmpty()) {
                Set<String> found = records.confidentialNow(others);
                others.stream().filter(found::contains).forEach(audited::add);
            }
        }
        return audited;
    }

    private void write(String method, List<String> resources, String principal) {
        UUID[] ids = new UUID[resources.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UuidV7.next();
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, principal);
                insert.setString(2, method);
                insert.setArray(3, connection.createArrayOf("uuid", ids));
                insert.setArray(4, connection.createArrayOf("varchar", resources.toArray()));
                insert.executeUpdate();
            }
        }));
    }
}
