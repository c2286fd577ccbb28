package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.habeas.common.v1.RecordState;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.UpdateStatementRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatementGrpcTest extends GrpcTest {
    private Actor blinken;
    private String ibadoglu;

    @BeforeEach
    void recordTheSpeaker() {
        blinken = createActor(blinken());
        ibadoglu = detention.knownPerson();
    }

    private Statement.Builder call() {
        return statement(blinken.getName(), date(2024, 4, 0), "Secretary Blinken's Call with Azerbaijani President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his full and expeditious release")
                        .addSubjectPersons(ibadoglu).setAddresseeCountry("AZ"));
    }

    private Statement get(String name) {
        return statements.getStatement(GetStatementRequest.newBuilder().setName(name).build()).getStatement();
    }

    private void nothingStored() {
        assertEquals(0, database.count("statement"));
        assertEquals(0, database.count("claim"));
        assertEquals(0, database.count("claim_country"));
    }

    @Test
    void rejectsEveryBadFieldAtOnceWithItsPathAndStoresNothing() {
        Statement.Builder bad = call().setTitle("").setMadeOn(date(2023, 2, 30)).clearSources()
                .addClaims(claim(ClaimKind.CLAIM_KIND_UNSPECIFIED, "").addSubjectPersons(ibadoglu)
                        .addSubjectPersons("Gubad Ibadoglu").addSubjectCountries("ZZ").setAddresseeCountry("az")
                        .setAnswers("claims/1"));
        failsOnFields(() -> statements.createStatement(CreateStatementRequest.newBuilder().setStatement(bad)
                        .setRequestId(requestId()).build()),
                "statement.title", "statement.made_on", "statement.sources", "statement.claims[1].kind",
                "statement.claims[1].text", "statement.claims[1].subject_persons[1]", "statement.claims[1].subject_countries[0]",
                "statement.claims[1].addressee_country", "statement.claims[1].answers");
        nothingStored();
        assertEquals(0, detention.calls(), "a bad request is refused before asking detention-service");
    }

    @Test
    void needsAClaimAboutSomeoneOrSomewhereAndAnActor() {
        failsOnFields(() -> createStatement(call().clearClaims()), "statement.claims");
        failsOnFields(() -> createStatement(call().addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern"))),
                "statement.claims[1].subject_persons");
        failsOnFields(() -> createStatement(call().addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern")
                .addSubjectPersons(ibadoglu).addSubjectPersons(ibadoglu))), "statement.claims[1].subject_persons[1]");
        failsOnFields(() -> createStatement(call().setActor("")), "statement.actor");
        fails(Status.Code.NOT_FOUND, () -> createStatement(call().setActor("actors/0190a0e0-0000-7000-8000-000000000000")));
        failsOnFields(() -> createStatement(call().setMadeOn(date(2999, 1, 0))), "statement.made_on");
        nothingStored();
    }

    @Test
    void retriesWithTheSameRequestIdStoreOnceAndAnotherPayloadIsAlreadyExists() {
        CreateStatementRequest request = CreateStatementRequest.newBuilder().setStatement(call()).setRequestId(requestId()).build();
        Statement first = statements.createStatement(request).getStatement();
        assertEquals(first, statements.createStatement(request).getStatement());
        assertEquals(1, database.count("statement"));

        fails(Status.Code.ALREADY_EXISTS, () -> statements.createStatement(request.toBuilder()
                .setStatement(call().setTitle("Another")).build()));
        assertEquals(1, database.count("statement"));
    }

    @Test
    void answeringAClaimThatDoesNotExistIsNotFoundAndStoresNothing() {
        Statement earlier = createStatement(call());
        String missing = earlier.getName() + "/claims/0190a0e0-0000-7000-8000-000000000000";
        var status = fails(Status.Code.NOT_FOUND, () -> createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectPersons(ibadoglu).setAnswers(missing))));
        assertEquals(missing, detail(status, ResourceInfo.class).getResourceName());
        String elsewhere = "statements/0190a0e0-0000-7000-8000-000000000000/claims/" + earlier.getClaims(0).getName()
                .substring(earlier.getClaims(0).getName().lastIndexOf('/') + 1);
        fails(Status.Code.NOT_FOUND, () -> createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectPersons(ibadoglu).setAnswers(elsewhere))));
        assertEquals(1, database.count("statement"));
        assertEquals(1, database.count("claim"));
    }

    @Test
    void anAnswerCannotPredateTheClaimItAnswers() {
        Statement earlier = createStatement(call());
        failsPrecondition("ANSWER_BEFORE_CLAIM", () -> createStatement(statement(blinken.getName(), date(2024, 3, 31), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectPersons(ibadoglu)
                        .setAnswers(earlier.getClaims(0).getName()))));
        assertEquals(1, database.count("statement"));
    }

    @Test
    void correctionsNeedTheCurrentEtagAndReplaceClaimsKeepingNamedOnes() {
        Statement stored = createStatement(call());
        Statement reply = createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_OTHER, "Answer").addSubjectCountries("AZ")
                        .setAnswers(stored.getClaims(0).getName())));

        Statement corrected = statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(stored.toBuilder().setTitle("Call with President Aliyev").setMadeOn(date(2024, 4, 22))
                        .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the house arrest").addSubjectPersons(ibadoglu)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title").addPaths("made_on").addPaths("claims"))
                .setRequestId(requestId()).build()).getStatement();
        assertEquals("Call with President Aliyev", corrected.getTitle());
        assertEquals(22, corrected.getMadeOn().getDay());
        assertEquals(stored.getClaims(0).getName(), corrected.getClaims(0).getName(), "a named claim keeps its identity");
        assertEquals(List.of(reply.getClaims(0).getName()), corrected.getClaims(0).getAnsweredByList());
        assertEquals(2, corrected.getClaimsCount());
        assertNotEquals(stored.getEtag(), corrected.getEtag());
        assertEquals(22, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItems(1).getStatement().getMadeOn().getDay(), "the feed follows the corrected date");

        fails(Status.Code.ABORTED, () -> statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(stored.toBuilder().setTitle("Stale"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(requestId()).build()));
        failsOnFields(() -> statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(corrected.toBuilder().setActor(blinken.getName()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("actor")).setRequestId(requestId()).build()),
                "update_mask.paths[0]");
        failsPrecondition("CLAIM_IS_ANSWERED", () -> statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(corrected.toBuilder().removeClaims(0))
                .setUpdateMask(FieldMask.newBuilder().addPaths("claims")).setRequestId(requestId()).build()));
        assertEquals(corrected, get(corrected.getName()));
    }

    @Test
    void retractedStatementsLeaveListsAndFeedsButAreKept() {
        Statement stored = createStatement(call());
        Statement answer = createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_OTHER, "Answer").addSubjectCountries("AZ")
                        .setAnswers(stored.getClaims(0).getName())));
        Statement retracted = statements.retractStatement(RetractStatementRequest.newBuilder().setName(answer.getName())
                .setEtag(answer.getEtag()).setReason("Recorded twice").setRequestId(requestId()).build()).getStatement();

        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getState());
        assertEquals("Recorded twice", get(answer.getName()).getRetractionReason());
        assertTrue(get(stored.getName()).getClaims(0).getAnsweredByList().isEmpty());
        assertEquals(1, statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ").build()).getItemsCount());
        assertEquals(List.of(stored.getName()), statements.listStatements(ListStatementsRequest.newBuilder().build())
                .getStatementsList().stream().map(Statement::getName).toList());
        assertEquals(List.of(answer.getName()), statements.listStatements(ListStatementsRequest.newBuilder()
                .setShowRetracted(true).setSubjectCountry("AZ").build()).getStatementsList().stream()
                .map(Statement::getName).toList(), "about AZ, retracted, and shown on request");
        failsPrecondition("RECORD_RETRACTED", () -> statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(retracted.toBuilder().setTitle("x"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(requestId()).build()));
        failsPrecondition("ANSWERED_CLAIM_RETRACTED", () -> createStatement(statement(blinken.getName(), date(2024, 5, 0), "R")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ")
                        .setAnswers(retracted.getClaims(0).getName()))));
        failsOnFields(() -> statements.retractStatement(RetractStatementRequest.newBuilder().setName(stored.getName())
                .setRequestId(requestId()).build()), "etag", "reason");
    }

    @Test
    void unknownOrMalformedNamesAreNotFoundOrInvalid() {
        fails(Status.Code.NOT_FOUND, () -> get("statements/0190a0e0-0000-7000-8000-000000000000"));
        failsOnFields(() -> get("statement/1"), "name");
    }
}
