package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Message;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.BatchGetReleaseCallSummariesRequest;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person detention-service retracted (entered in error): statements naming it still show, without
 * its name among their claims' subjects; nothing is about it any more (feeds, summaries, filters
 * answer as for an unknown person); no new claim or actor may name it. Reinstated, all comes back.
 */
@QuarkusTest
class RetractedPersonsGrpcTest extends GrpcTest {
    private Actor blinken;
    private String ibadoglu;
    private String mistake;
    private Statement said;

    @BeforeEach
    void sayItAboutBoth() {
        blinken = createActor(blinken());
        ibadoglu = detention.knownPerson();
        mistake = detention.knownPerson();
        said = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for their release")
                        .addSubjectPersons(ibadoglu).addSubjectPersons(mistake).addSubjectCountries("AZ")));
        detention.retract(mistake);
    }

    private Statement get(StatementServiceGrpc.StatementServiceBlockingStub as) {
        return as.getStatement(GetStatementRequest.newBuilder().setName(said.getName()).build()).getStatement();
    }

    /** The retracted person and an unknown one get the same answer. */
    private static void sameAnswer(String retracted, Function<String, Message> call) {
        String unknown = "persons/" + UUID.randomUUID();
        assertEquals(call.apply(unknown).toString().replace(unknown, "{name}"),
                call.apply(retracted).toString().replace(retracted, "{name}"), retracted);
    }

    @Test
    void aStatementNamingARetractedPersonShowsWithoutItsName() {
        for (Role role : Role.values()) {
            assertEquals(List.of(ibadoglu), get(statementsAs(role)).getClaims(0).getSubjectPersonsList(), role.name());
        }
        assertEquals(List.of(ibadoglu), statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ")
                .build()).getItems(0).getStatement().getClaims(0).getSubjectPersonsList());
        assertEquals(List.of(ibadoglu), statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu)
                .build()).getItems(0).getStatement().getClaims(0).getSubjectPersonsList());
        assertEquals(List.of(ibadoglu), statementRevisions(statements, said.getName()).get(0).getStatement().getClaims(0)
                .getSubjectPersonsList(), "its revisions show it as every read does");
        assertEquals(1, statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(ibadoglu)
                .build()).getCallCount());
    }

    @Test
    void nothingIsAboutARetractedPersonAnyMore() {
        var analyst = statementsAs(Role.ANALYST);
        sameAnswer(mistake, name -> analyst.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(name).build()));
        sameAnswer(mistake, name -> analyst.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder()
                .addPersons(name).build()));
        sameAnswer(mistake, name -> analyst.listStatements(ListStatementsRequest.newBuilder().setSubjectPerson(name).build()));
        sameAnswer(mistake, name -> analyst.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(name)
                .build()));
        sameAnswer(mistake, name -> analyst.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest.newBuilder()
                .addPersons(ibadoglu).addPersons(name).build()));
        assertEquals(0, analyst.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(mistake).build())
                .getItemsCount());
        assertEquals(1, analyst.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder().addPersons(mistake)
                .addPersons(ibadoglu).build()).getItemsCount(), "about the other person, once");
    }

    @Test
    void aReinstatedPersonIsBackEverywhereAndCorrectionsKeptItsName() {
        Statement seen = get(statements);
        Statement corrected = updateStatement(seen.toBuilder().setTitle("Call").setClaims(0, seen.getClaims(0).toBuilder()
                .setText("Called for their full release")), "title", "claims");
        assertEquals(List.of(ibadoglu), corrected.getClaims(0).getSubjectPersonsList());

        detention.reinstate(mistake);
        assertEquals(List.of(ibadoglu, mistake), get(statements).getClaims(0).getSubjectPersonsList(),
                "the correction kept the subject its writer could not see");
        assertEquals(1, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(mistake).build())
                .getItemsCount());
        assertEquals(1, statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(mistake)
                .build()).getCallCount());
        assertEquals(List.of(ibadoglu, mistake), statementRevisions(statements, said.getName()).get(0).getStatement()
                .getClaims(0).getSubjectPersonsList());
    }

    @Test
    void noNewClaimOrActorMayNameARetractedPerson() {
        long statementsBefore = database.count("statement");
        var status = fails(Status.Code.FAILED_PRECONDITION, () -> createStatement(statement(blinken.getName(),
                date(2024, 5, 0), "Another call").addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release him")
                .addSubjectPersons(mistake))));
        assertEquals(mistake, detail(status, PreconditionFailure.class).getViolations(0).getSubject());
        assertEquals("PERSON_RETRACTED", detail(status, PreconditionFailure.class).getViolations(0).getType());
        Statement seen = get(statements);
        failsPrecondition("PERSON_RETRACTED", () -> updateStatement(seen.toBuilder().addClaims(
                claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectPersons(mistake)), "claims"));
        failsPrecondition("PERSON_RETRACTED", () -> actors.createActor(CreateActorRequest.newBuilder()
                .setActor(detainedPerson("Someone", mistake)).setRequestId(requestId()).build()));
        assertEquals(statementsBefore, database.count("statement"));
        assertEquals(seen, get(statements));
        assertEquals(1, database.count("actor"));
    }

    @Test
    void aRestoreNamingAPersonRetractedSinceIsRefused() {
        detention.reinstate(mistake);
        Statement withoutMistake = updateStatement(get(statements).toBuilder().setClaims(0, get(statements).getClaims(0)
                .toBuilder().clearSubjectPersons().addSubjectPersons(ibadoglu)), "claims");
        var created = statementRevisions(statements, said.getName()).get(1).getRevision();
        detention.retract(mistake);
        failsPrecondition("PERSON_RETRACTED", () -> restoreStatement(withoutMistake, created, "Back"));
        assertEquals(withoutMistake, get(statements));
    }
}
