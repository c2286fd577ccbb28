package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.grpc.Status;
import io.habeas.common.v1.ExternalId;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.support.records.UuidV7;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A batch as a whole: answered once whatever the retries, refused whole when it is malformed, sent
 * by a role that may not write, or failed by the database, and then nothing of it is stored.
 */
@QuarkusTest
class ImportBatchGrpcTest extends ImportGrpcTest {
    static final ExternalId BLINKEN_ITEM = id("wikidata", "Q311440");

    @Inject
    EntityManager entityManager;

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void aBatchSentAgainWithItsIdIsAnsweredAsFirstAndStoresNothingTwice() {
        String person = detention.knownPerson();
        ImportStatementRecordsRequest batch = batch(actor(blinken().addExternalIds(BLINKEN_ITEM)),
                statementBy(BLINKEN_ITEM, "", "Unkeyed, so a second store would add it again", person));
        var first = send(batch).only();

        var again = send(batch).only();

        assertEquals(first, again);
        assertEquals(1, database.count("actor"));
        assertEquals(1, database.count("statement"));
    }

    @Test
    void aBatchIdUsedForOtherRecordsIsAlreadyExistsAndStoresNothing() {
        ImportStatementRecordsRequest batch = batch(actor(blinken()));
        send(batch).only();

        var reused = send(batch.toBuilder().setRecords(0, actor(blinken().setDisplayName("Someone Else"))).build());

        assertEquals(Status.Code.ALREADY_EXISTS, reused.code());
        assertEquals(1, database.count("actor"));
    }

    @Test
    void emptyOversizedAndIdlessBatchesAreInvalidAndEndTheStream() {
        ImportRecord one = actor(blinken());
        var empty = send(ImportStatementRecordsRequest.newBuilder().setBatchId(requestId()).build());
        var oversized = send(ImportStatementRecordsRequest.newBuilder().setBatchId(requestId())
                .addAllRecords(IntStream.range(0, 501).mapToObj(i -> one).toList()).build());
        var idless = send(ImportStatementRecordsRequest.newBuilder().addRecords(one).build());
        var neither = send(batch(ImportRecord.getDefaultInstance()));

        assertEquals(Status.Code.INVALID_ARGUMENT, empty.code());
        assertEquals(Status.Code.INVALID_ARGUMENT, oversized.code());
        assertEquals(Status.Code.INVALID_ARGUMENT, idless.code());
        assertEquals(1, neither.only().getRejected(), "a record holding neither an actor nor a statement");
        assertEquals(0, database.count("actor"));
    }

    @Test
    void aBatchNamingMoreThanFiveThousandPersonsIsInvalidBeforeDetentionIsAsked() {
        String actor = send(batch(actor(blinken()))).only().getResults(0).getName();
        ImportRecord[] records = IntStream.range(0, 51).mapToObj(i -> {
            var statement = io.habeas.statement.support.Fixtures.statement(actor,
                    io.habeas.statement.support.Fixtures.date(2024, 5, 2), "Many");
            for (int claim = 0; claim < 2; claim++) { // 50 persons a claim, 100 a statement: each record alone is valid
                Claim.Builder about = claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.");
                IntStream.range(0, 50).forEach(j -> about.addSubjectPersons("persons/" + UuidV7.next()));
                statement.addClaims(about);
            }
            return statementOf(statement);
        }).toArray(ImportRecord[]::new);
        int calls = detention.calls();

        var answer = send(batch(records));

        assertEquals(Status.Code.INVALID_ARGUMENT, answer.code());
        assertEquals(calls, detention.calls());
        assertEquals(0, database.count("statement"));
    }

    @Test
    void aViewerOrAnalystMayNotImportAndNothingIsStored() {
        for (Role role : new Role[] {Role.VIEWER, Role.ANALYST}) {
            var answer = sendAs(role, batch(actor(blinken())));
            assertEquals(Status.Code.PERMISSION_DENIED, answer.code(), role.name());
        }
        assertEquals(0, database.count("actor"));
        assertEquals(0, database.count("request_log"));
    }

    @Test
    void aFailureNoCheckForesawFailsItsBatchAndStoresNothingOfIt() {
        String person = detention.knownPerson();
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        sql("ALTER TABLE statement ADD CONSTRAINT test_unforeseen CHECK (title <> 'Unforeseen')");
        try {
            var stream = send(batch(statementBy(BLINKEN_ITEM, "a", "Stored first", person)),
                    batch(statementBy(BLINKEN_ITEM, "b", "Good before", person),
                            statementBy(BLINKEN_ITEM, "c", "Unforeseen", person)));

            assertEquals(1, stream.responses().size(), "the first batch answered");
            assertNotEquals(Status.Code.OK, stream.code());
            assertNotEquals(Status.Code.INVALID_ARGUMENT, stream.code(), "the record was valid; the database refused it");
            assertEquals(1, database.count("statement"));
            assertEquals(2, database.count("request_log"), "the actor's batch and the first statement batch");
        } finally {
            sql("ALTER TABLE statement DROP CONSTRAINT test_unforeseen");
        }
    }
}
