package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.detention.domain.Person;
import io.habeas.detention.support.GrpcTest;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Reads outside a transaction load their entities read-only (no state copy kept for a flush that
 * never comes); a write's transaction loads them as usual, so that what it changes is stored.
 */
@QuarkusTest
class ReadOnlyReadsTest extends GrpcTest {
    private static final String BY_ID = "SELECT * FROM person WHERE id = :id";

    @Inject
    Snapshots snapshots;
    @Inject
    EntityManager entityManager;

    @Test
    void entitiesReadOutsideATransactionAreReadOnly() {
        UUID id = PersonName.parse(createPerson(ibadoglu()).getName(), "name").id();
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            Person read = snapshots.at(AsOf.NOW).list(BY_ID, Map.of("id", id), Person.class).get(0);
            assertTrue(entityManager.unwrap(Session.class).isReadOnly(read));
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    @Test
    void entitiesReadInAWriteStayWritableAndTheirChangesAreStored() {
        UUID id = PersonName.parse(createPerson(ibadoglu()).getName(), "name").id();
        QuarkusTransaction.requiringNew().run(() -> {
            Person read = snapshots.at(AsOf.NOW).list(BY_ID, Map.of("id", id), Person.class).get(0);
            assertFalse(entityManager.unwrap(Session.class).isReadOnly(read));
            read.description = "changed in the write";
        });
        assertEquals("changed in the write", QuarkusTransaction.requiringNew().call(
                () -> entityManager.find(Person.class, id).description));
    }
}
