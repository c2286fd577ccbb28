package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.habeas.common.v1.ExternalId;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ImportOutcome;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.Statement;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an import stores, updates, leaves alone and refuses, record by record: each record as its
 * single write would take it, a bad one reported with its position and why and nothing of it stored.
 */
@QuarkusTest
class ImportRecordsGrpcTest extends ImportGrpcTest {
    static final ExternalId BLINKEN_ITEM = id("wikidata", "Q311440");

    private static List<String> fields(ImportRecordResult result) {
        return result.getError().getDetailsList().stream().filter(d -> d.is(BadRequest.class)).flatMap(d -> {
            try {
                return d.unpack(BadRequest.class).getFieldViolationsList().stream().map(v -> v.getField());
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static String reason(ImportRecordResult result) throws InvalidProtocolBufferException {
        for (var detail : result.getError().getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                return detail.unpack(ErrorInfo.class).getReason();
            }
        }
        return "";
    }

    private Statement read(String name) {
        return statements.getStatement(GetStatementRequest.newBuilder().setName(name).build()).getStatement();
    }

    @Test
    void storesActorsAndTheirStatementsNamedByTheActorsExternalIds() {
        String person = detention.knownPerson();

        var answer = send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)),
                statementBy(BLINKEN_ITEM, "state-2024-117", "Call with President Aliyev", person))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(0, answer.getRejected());
        ImportRecordResult actorResult = answer.getResults(0);
        ImportRecordResult statementResult = answer.getResults(1);
        assertTrue(actorResult.getName().startsWith("actors/"), actorResult.getName());
        Statement stored = read(statementResult.getName());
        assertEquals(actorResult.getName(), stored.getActor());
        assertEquals("Secretary of State", stored.getActorOffice());
        assertEquals(List.of(person), stored.getClaims(0).getSubjectPersonsList());
        assertEquals(List.of(stored.getClaims(0).getName()), statementResult.getClaimsList());
        assertEquals(1, database.count("actor"));
        assertEquals(1, database.count("statement"));
    }

    @Test
    void aStatementNamesAnActorOfAnEarlierBatchByItsExternalIdOrByItsName() {
        String person = detention.knownPerson();
        var first = send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        String actorName = first.getResults(0).getName();

        var answer = send(batch(statementBy(BLINKEN_ITEM, "", "By identifier", person),
                statementOf(statement(actorName, date(2024, 5, 3), "By name")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.").addSubjectCountries("AZ"))))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(actorName, read(answer.getResults(0).getName()).getActor());
        assertEquals(actorName, read(answer.getResults(1).getName()).getActor());
    }

    @Test
    void aBadRecordIsRejectedWithItsPositionAndReasonAndTheOthersAreStored() {
        String person = detention.knownPerson();
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();
        ImportRecord untitled = statementBy(BLINKEN_ITEM, "untitled", "", person);

        var answer = send(batch(statementBy(BLINKEN_ITEM, "a", "Before", person), untitled,
                statementBy(BLINKEN_ITEM, "b", "After", person))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(1, answer.getRejected());
        ImportRecordResult rejected = answer.getResults(1);
        assertEquals(1, rejected.getPosition());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, rejected.getOutcome());
        assertEquals(Code.INVALID_ARGUMENT_VALUE, rejected.getError().getCode());
        assertEquals(List.of("statement.statement.title"), fields(rejected));
        assertEquals("", rejected.getName());
        assertEquals(2, database.count("statement"));
        assertEquals(2, database.count("claim"));
    }

    @Test
    void malformedImportKeysAndActorsNamedTwiceAreRejectedWithTheirPaths() {
        String person = detention.knownPerson();
        ImportRecord twoActors = statementBy(BLINKEN_ITEM, "k", "Two actors", person);
        twoActors = twoActors.toBuilder().setStatement(twoActors.getStatement().toBuilder()
                .setStatement(twoActors.getStatement().getStatement().toBuilder().setActor("actors/0190a1b2-0000-7000-8000-000000000001"))
                .setImportKey("line\nbreak")).build();

        var answer = send(batch(twoActors)).only();

        assertEquals(List.of("statement.import_key", "statement.actor_external_id"), fields(answer.getResults(0)));
        assertEquals(0, database.count("statement"));
    }

    @Test
    void theSameImportKeyTwiceInABatchRejectsTheLaterRecord() {
        String person = detention.knownPerson();
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();

        var answer = send(batch(statementBy(BLINKEN_ITEM, "twice", "First", person),
                statementBy(BLINKEN_ITEM, "twice", "Second", person))).only();

        assertEquals(ImportOutcome.IMPORT_OUTCOME_CREATED, answer.getResults(0).getOutcome());
        assertEquals(List.of("statement.import_key"), fields(answer.getResults(1)));
        assertEquals(1, database.count("statement"));
    }

    @Test
    void anUnknownPersonIsRefusedAsCreateStatementRefusesItAndNothingOfTheRecordIsStored() {
        String known = detention.knownPerson();
        String unknown = "persons/0190a1b2-0000-7000-8000-0000000000ff";
        send(batch(actor(blinken().addExternalIds(BLINKEN_ITEM)))).only();

        var answer = send(batch(statementBy(BLINKEN_ITEM, "k1", "About an unknown person", unknown),
                statementBy(BLINKEN_ITEM, "k2", "About a known person", known))).only();

        ImportRecordResult refused = answer.getResults(0);
        assertEquals(Code.NOT_FOUND_VALUE, refused.getError().getCode());
        assertTrue(refused.getError().getMessage().contains(unknown), refused.getError().getMessage());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_CREATED, answer.getResults(1).getOutcome());
        assertEquals(1, database.count("statement"));
        assertEquals(1, detention.calls(), "the batch's persons are asked in one call: " + detention.asked());
    }

    @Test
    void anIdentifierNoVisibleActorHoldsIsNotFoundWithoutNamingTheActor() {
        String person = detention.knownPerson();
        ExternalId hiddenItem = id("wikidata", "Q1");
        var stored = sendAs(Role.ADMIN, batch(actor(blinken().setAccessLevel(io.habeas.common.v1.AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)
                .addExternalIds(hiddenItem)))).only();
        String hiddenActor = stored.getResults(0).getName();

        var answer = send(batch(statementBy(hiddenItem, "", "By a hidden actor", person),
                statementBy(id("wikidata", "Q2"), "", "By nobody", person))).only();

        for (ImportRecordResult result : answer.getResultsList()) {
            assertEquals(Code.NOT_FOUND_VALUE, result.getError().getCode());
            assertFalse(result.getError().toString().contains(hiddenActor.substring("actors/".length())), result.toString());
        }
        assertEquals(0, database.count("statement"));
    }
}
