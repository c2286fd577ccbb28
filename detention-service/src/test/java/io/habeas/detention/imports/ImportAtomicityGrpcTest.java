package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.habeas.detention.v1.ImportRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** A batch commits whole: a failure no check foresaw stores nothing of it. */
@QuarkusTest
class ImportAtomicityGrpcTest extends ImportGrpcTest {
    @Inject
    EntityManager entityManager;

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void aConstraintTheChecksCannotSeeFailsTheBatchAndStoresNothingOfIt() {
        sql("ALTER TABLE person ADD CONSTRAINT test_unforeseen CHECK (display_name <> 'Unforeseen')");
        try {
            ImportRecord unforeseen = ImportRecord.newBuilder().setPerson(person("Unforeseen", "AZ")).build();

            var stream = send(batch(detained("Stored First")), batch(detained("Good Before"), unforeseen,
                    detained("Good After")));

            assertNotEquals(Status.Code.OK, stream.code());
            assertNotEquals(Status.Code.INVALID_ARGUMENT, stream.code(), "the record was valid; the database refused it");
            assertEquals(1, stream.responses().size());
            assertEquals(1, stream.responses().get(0).getCreated());
            assertEquals(1, database.count("person"));
            assertEquals(1, database.count("detention"));
            assertEquals(1, database.count("request_log"));
        } finally {
            sql("ALTER TABLE person DROP CONSTRAINT test_unforeseen");
        }
    }

    @Test
    void theSameBatchSentAgainAfterTheFailureIsStored() {
        sql("ALTER TABLE person ADD CONSTRAINT test_unforeseen CHECK (display_name <> 'Unforeseen')");
        var failing = batch(detained("Unforeseen"), detained("Waiting"));
        try {
            assertNotEquals(Status.Code.OK, send(failing).code());
        } finally {
            sql("ALTER TABLE person DROP CONSTRAINT test_unforeseen");
        }

        var answer = send(failing).only();

        assertEquals(2, answer.getCreated());
        assertEquals(2, database.count("person"));
        assertTrue(answer.getResults(0).getPerson().startsWith("persons/"));
    }
}
