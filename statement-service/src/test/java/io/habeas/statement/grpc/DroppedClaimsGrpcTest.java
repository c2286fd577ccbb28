package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.BatchGetReleaseCallSummariesRequest;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A claim a correction drops is retracted, never deleted: it keeps its name, shows among its
 * statement's retracted_claims and in its history, leaves every feed, summary and answered_by
 * list, and comes back when sent again with its name.
 */
@QuarkusTest
class DroppedClaimsGrpcTest extends GrpcTest {
    private Actor blinken;
    private String ibadoglu;

    @BeforeEach
    void recordTheSpeaker() {
        blinken = createActor(blinken());
        ibadoglu = detention.knownPerson();
    }

    /** A call for Ibadoglu's release, addressed to AZ, and a concern about AM. */
    private Statement callAndConcern() {
        return createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his release").addSubjectPersons(ibadoglu)
                        .setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern about the border").addSubjectCountries("AM")));
    }

    private Statement get(String name) {
        return statements.getStatement(GetStatementRequest.newBuilder().setName(name).build()).getStatement();
    }

    private int personClaims() {
        return statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build()).getItemsCount();
    }

    private int calls() {
        return statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(ibadoglu).build())
                .getCallCount();
    }

    @Test
    void aDroppedClaimIsRetractedKeptByNameAndLeavesEveryFeedAndSummary() {
        Statement said = callAndConcern();
        Claim call = said.getClaims(0);
        Statement corrected = updateStatement(said.toBuilder().removeClaims(0), "claims");

        assertEquals(List.of("Concern about the border"), corrected.getClaimsList().stream().map(Claim::getText).toList());
        assertEquals(List.of(call), corrected.getRetractedClaimsList(), "kept with its name and content");
        assertEquals(corrected, get(said.getName()));
        assertEquals(2, database.count("claim"));
        assertEquals(1, database.count("claim WHERE state = 'RETRACTED'"));

        assertEquals(0, personClaims());
        assertEquals(0, statements.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder().addPersons(ibadoglu)
                .build()).getItemsCount());
        assertEquals(0, statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ").build())
                .getItemsCount());
        assertEquals(1, statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AM").build())
                .getItemsCount());
        assertEquals(0, calls());
        assertEquals(0, statements.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest.newBuilder()
                .addPersons(ibadoglu).build()).getSummaries(0).getCallCount());
        assertEquals(0, statements.listStatements(ListStatementsRequest.newBuilder().setSubjectPerson(ibadoglu).build())
                .getStatementsCount());
        assertEquals(0, statements.listStatements(ListStatementsRequest.newBuilder()
                .setClaimKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE).build()).getStatementsCount());

        List<StatementRevision> history = statementRevisions(statements, said.getName());
        assertEquals(List.of(call), history.get(0).getStatement().getRetractedClaimsList());
        assertEquals(call, history.get(1).getStatement().getClaims(0), "the revision before holds it as it was made");
    }

    @Test
    void aRetractedClaimSentAgainWithItsNameComesBack() {
        Statement said = callAndConcern();
        Claim call = said.getClaims(0);
        Statement dropped = updateStatement(said.toBuilder().removeClaims(0), "claims");
        Statement back = updateStatement(dropped.toBuilder().addClaims(call.toBuilder().setText("Called for his full release")),
                "claims");

        assertEquals(call.getName(), back.getClaims(1).getName());
        assertEquals("Called for his full release", back.getClaims(1).getText());
        assertEquals(0, back.getRetractedClaimsCount());
        assertEquals(2, database.count("claim"));
        assertEquals(1, personClaims());
        assertEquals(1, calls());
    }

    @Test
    void aClaimAnActiveClaimAnswersCannotBeDroppedAndADroppedOneCannotBeAnswered() {
        Statement said = callAndConcern();
        Statement reply = createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ")
                        .setAnswers(said.getClaims(0).getName())));
        failsPrecondition("CLAIM_IS_ANSWERED", () -> updateStatement(said.toBuilder().removeClaims(0), "claims"));

        Statement withdrawn = statements.retractStatement(RetractStatementRequest.newBuilder().setName(reply.getName())
                .setEtag(reply.getEtag()).setReason("Attributed to the wrong speaker").setRequestId(requestId()).build())
                .getStatement();
        Statement dropped = updateStatement(said.toBuilder().removeClaims(0), "claims");
        assertEquals(said.getClaims(0).getName(), dropped.getRetractedClaims(0).getName(),
                "a retracted answer holds nothing in place");
        assertEquals(said.getClaims(0).getName(), get(withdrawn.getName()).getClaims(0).getAnswers(),
                "and keeps naming the claim it answers");

        failsPrecondition("ANSWERED_CLAIM_RETRACTED", () -> createStatement(statement(blinken.getName(), date(2024, 6, 0),
                "Another reply").addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ")
                .setAnswers(said.getClaims(0).getName()))));
        assertEquals(2, database.count("statement"));
    }

    @Test
    void aDroppedAnswerLeavesTheAnsweredClaimsAnsweredBy() {
        Statement said = callAndConcern();
        Statement reply = createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ")
                        .setAnswers(said.getClaims(0).getName()))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectCountries("AM")));
        assertEquals(List.of(reply.getClaims(0).getName()), get(said.getName()).getClaims(0).getAnsweredByList());

        updateStatement(reply.toBuilder().removeClaims(0), "claims");
        assertTrue(get(said.getName()).getClaims(0).getAnsweredByList().isEmpty());
        assertEquals(said.getClaims(0).getName(), get(reply.getName()).getRetractedClaims(0).getAnswers());
    }
}
