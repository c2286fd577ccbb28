package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.Code;
import io.habeas.common.v1.ExternalId;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ImportOutcome;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Importing again: an actor by one of its external ids and a statement by its import_key are
 * updated (a new revision) when the record differs and left alone when it does not.
 */
@QuarkusTest
class ImportReimportGrpcTest extends ImportGrpcTest {
    static final ExternalId BLINKEN_ITEM = id("wikidata", "Q311440");

    private Statement read(String name) {
        return statements.getStatement(GetStatementRequest.newBuilder().setName(name).build()).getStatement();
    }

    @Test
    void anActorImportedAgainByItsExternalIdIsUnchangedOrUpdated() {
        ImportRecord record = actor(blinken().addExternalIds(BLINKEN_ITEM));
        String name = send(batch(record)).only().getResults(0).getName();

        var again = send(batch(record)).only();
        var changed = send(batch(actor(blinken().setOffice("Former Secretary of State").addExternalIds(BLINKEN_ITEM)))).only();

        assertEquals(ImportOutcome.IMPORT_OUTCOME_UNCHANGED, again.getResults(0).getOutcome());
        assertEquals(name, again.getResults(0).getName());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_UPDATED, changed.getResults(0).getOutcome());
        assertEquals(name, changed.getResults(0).getName());
        assertEquals("Former Secretary of State",
                actors.getActor(GetActorRequest.newBuilder().setName(name).build()).getActor().getOffice());
        assertEquals(1, database.count("actor"));
        assertEquals(2, actorRevisions(actors, name).size(), "created, then one correction");
    }

    @Test
    void aStatementImportedAgainByItsKeyIsUnchangedOrUpdatedKeepingItsClaims() {
        String person = detention.knownPerson();
        ImportRecord record = statementBy(BLINKEN_ITEM, "state-2024-117", "Call with President Aliyev", person);
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        var first = send(batch(record)).only().getResults(0);

        var again = send(batch(record)).only().getResults(0);
        ImportRecord retitled = record.toBuilder().setStatement(record.getStatement().toBuilder().setStatement(
                record.getStatement().getStatement().toBuilder().setTitle("Call with the President of Azerbaijan")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.").addSubjectCountries("AZ")))).build();
        var changed = send(batch(retitled)).only().getResults(0);

        assertEquals(ImportOutcome.IMPORT_OUTCOME_UNCHANGED, again.getOutcome());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_UPDATED, changed.getOutcome());
        assertEquals(first.getName(), changed.getName());
        Statement stored = read(first.getName());
        assertEquals("Call with the President of Azerbaijan", stored.getTitle());
        assertEquals(first.getClaims(0), stored.getClaims(0).getName(), "the first claim keeps its identity");
        assertEquals(changed.getClaimsList(), stored.getClaimsList().stream().map(c -> c.getName()).toList());
        assertEquals(1, database.count("statement"));
        assertEquals(2, statementRevisions(statements, first.getName()).size(), "created, then one correction");
    }

    @Test
    void aKeyedStatementCannotChangeItsActor() {
        String person = detention.knownPerson();
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)), actor(blinken().setDisplayName("Someone Else")
                .addExternalIds(id("wikidata", "Q2"))))).only();
        send(batch(statementBy(BLINKEN_ITEM, "k", "Title", person))).only();

        var answer = send(batch(statementBy(id("wikidata", "Q2"), "k", "Title", person))).only().getResults(0);

        assertEquals(Code.INVALID_ARGUMENT_VALUE, answer.getError().getCode());
    }

    @Test
    void aKeyHeldByAStatementTheCallerMayNotSeeIsTakenWithoutNamingIt() {
        String person = detention.knownPerson();
        sendAs(Role.ADMIN, batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        ImportRecord record = statementBy(BLINKEN_ITEM, "secret-1", "Confidential", person);
        ImportRecord confidential = record.toBuilder().setStatement(record.getStatement().toBuilder().setStatement(
                record.getStatement().getStatement().toBuilder()
                        .setAccessLevel(io.habeas.common.v1.AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))).build();
        String hidden = sendAs(Role.ADMIN, batch(confidential)).only().getResults(0).getName();

        var answer = send(batch(record)).only().getResults(0);

        assertEquals(Code.ALREADY_EXISTS_VALUE, answer.getError().getCode());
        assertEquals(false, answer.getError().toString().contains(hidden.substring("statements/".length())));
        assertEquals(1, database.count("statement"));
    }

    @Test
    void aStatementWithoutAKeyIsAddedAgain() {
        String actor = send(batch(actor(blinken()))).only().getResults(0).getName();
        ImportRecord record = ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder().setStatement(
                statement(actor, date(2024, 5, 2), "Unkeyed").addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.")
                        .addSubjectCountries("AZ")))).build();

        send(batch(record)).only();
        send(batch(record)).only();

        assertEquals(2, database.count("statement"));
    }

    @Test
    void aRetractedStatementKeepsItsKeyAndRefusesTheUpdate() {
        String person = detention.knownPerson();
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        ImportRecord record = statementBy(BLINKEN_ITEM, "withdrawn", "Withdrawn", person);
        Statement stored = read(send(batch(record)).only().getResults(0).getName());
        statements.retractStatement(RetractStatementRequest.newBuilder().setName(stored.getName()).setEtag(stored.getEtag())
                .setReason("Entered in error.").setRequestId(requestId()).build());

        var answer = send(batch(record)).only().getResults(0);

        assertEquals(Code.FAILED_PRECONDITION_VALUE, answer.getError().getCode());
        assertEquals(1, database.count("statement"));
    }

    @Test
    void changingALevelOnReimportNeedsAnAdminAsAnUpdateDoes() {
        String person = detention.knownPerson();
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        ImportRecord record = statementBy(BLINKEN_ITEM, "k", "Title", person);
        String name = send(batch(record)).only().getResults(0).getName();
        ImportRecord restricted = record.toBuilder().setStatement(record.getStatement().toBuilder().setStatement(
                record.getStatement().getStatement().toBuilder()
                        .setAccessLevel(io.habeas.common.v1.AccessLevel.ACCESS_LEVEL_RESTRICTED))).build();

        var refused = send(batch(restricted)).only().getResults(0);
        var byAdmin = sendAs(Role.ADMIN, batch(restricted)).only().getResults(0);

        assertEquals(Code.PERMISSION_DENIED_VALUE, refused.getError().getCode());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_UPDATED, byAdmin.getOutcome());
        assertEquals(io.habeas.common.v1.AccessLevel.ACCESS_LEVEL_RESTRICTED, read(name).getAccessLevel());
    }
}
