package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TypeRegistry;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.common.v1.Source;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.ClearanceGrpcTest;
import io.habeas.statement.v1.*;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A record the caller may not see answers exactly as one that does not exist: same status, same
 * message, same details, with only the name asked for differing. Corrections keep what their
 * writer cannot see.
 */
@QuarkusTest
class HiddenIsUnknownGrpcTest extends ClearanceGrpcTest {
    private static final TypeRegistry DETAILS = TypeRegistry.newBuilder().add(List.of(ResourceInfo.getDescriptor(),
            ErrorInfo.getDescriptor(), BadRequest.getDescriptor(), PreconditionFailure.getDescriptor())).build();

    /** The failure a call answers, details unpacked, with the name asked for replaced by {name}. */
    private static String failure(String name, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        String text = status == null ? e.getStatus().getCode() + " " + e.getStatus().getDescription()
                : TextFormat.printer().usingTypeRegistry(DETAILS).printToString(status);
        return text.replace(name, "{name}");
    }

    /** The hidden name and an unknown one of the same kind get the same failure. */
    private static void sameFailure(String hidden, String unknown, Function<String, Runnable> call) {
        String expected = failure(unknown, call.apply(unknown));
        assertEquals(expected, failure(hidden, call.apply(hidden)), hidden);
    }

    /** The hidden name and an unknown one get the same answer. */
    private static void sameAnswer(String hidden, String unknown, Function<String, Supplier<Message>> call) {
        assertEquals(call.apply(unknown).get().toString().replace(unknown, "{name}"),
                call.apply(hidden).get().toString().replace(hidden, "{name}"), hidden);
    }

    private static String unknown(String collection) {
        return collection + "/" + UUID.randomUUID();
    }

    @Test
    void gettingAHiddenStatementOrActorAnswersAsForAnUnknownOne() {
        var viewer = statementsAs(Role.VIEWER);
        for (Statement hidden : List.of(s2, s3, s4, s5, s6)) {
            sameFailure(hidden.getName(), unknown("statements"),
                    name -> () -> viewer.getStatement(GetStatementRequest.newBuilder().setName(name).build()));
        }
        for (Actor hidden : List.of(ngoRestricted, secretConf, detainee)) {
            sameFailure(hidden.getName(), unknown("actors"),
                    name -> () -> actorsAs(Role.VIEWER).getActor(GetActorRequest.newBuilder().setName(name).build()));
        }
    }

    @Test
    void theHistoryOfAHiddenStatementOrActorAnswersAsForAnUnknownOne() {
        var viewer = statementsAs(Role.VIEWER);
        for (Statement hidden : List.of(s2, s3, s4, s5, s6)) {
            sameFailure(hidden.getName(), unknown("statements"), name -> () -> viewer.listStatementRevisions(
                    ListStatementRevisionsRequest.newBuilder().setName(name).build()));
        }
        for (Actor hidden : List.of(ngoRestricted, secretConf, detainee)) {
            sameFailure(hidden.getName(), unknown("actors"), name -> () -> actorsAs(Role.VIEWER).listActorRevisions(
                    ListActorRevisionsRequest.newBuilder().setName(name).build()));
        }
        detention.forget(pConf); // now not even an admin may see S2 whole, nor the detainee actor
        sameFailure(s2.getName(), unknown("statements"), name -> () -> statements.listStatementRevisions(
                ListStatementRevisionsRequest.newBuilder().setName(name).build()));
        sameFailure(detainee.getName(), unknown("actors"), name -> () -> actors.restoreActor(RestoreActorRequest
                .newBuilder().setName(name).setRevisionId(UUID.randomUUID().toString()).setEtag(detainee.getEtag())
                .setReason("Back").setRequestId(requestId()).build()));
        sameFailure(s2.getName(), unknown("statements"), name -> () -> statements.restoreStatement(RestoreStatementRequest
                .newBuilder().setName(name).setRevisionId(UUID.randomUUID().toString()).setEtag(s2.getEtag())
                .setReason("Back").setRequestId(requestId()).build()));
    }

    @Test
    void correctingOrRetractingAHiddenRecordAnswersAsForAnUnknownOne() {
        var recorder = statementsAs(Role.RECORDER);
        for (Statement hidden : List.of(s2, s3, s5)) {
            sameFailure(hidden.getName(), unknown("statements"), name -> () -> recorder.updateStatement(
                    UpdateStatementRequest.newBuilder().setStatement(hidden.toBuilder().setName(name).setTitle("Changed"))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(requestId()).build()));
        }
        for (Actor hidden : List.of(secretConf, detainee)) {
            sameFailure(hidden.getName(), unknown("actors"), name -> () -> actorsAs(Role.RECORDER).updateActor(
                    UpdateActorRequest.newBuilder().setActor(hidden.toBuilder().setName(name).setOffice("Changed"))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("office")).setRequestId(requestId()).build()));
        }
        detention.forget(pConf); // now not even an admin may see S2 whole
        sameFailure(s2.getName(), unknown("statements"), name -> () -> statements.retractStatement(
                RetractStatementRequest.newBuilder().setName(name).setEtag(s2.getEtag()).setReason("Wrong speaker")
                        .setRequestId(requestId()).build()));
        assertEquals(7, database.count("statement WHERE state = 'ACTIVE'"));
        assertEquals(s3.getTitle(), statements.getStatement(GetStatementRequest.newBuilder().setName(s3.getName()).build())
                .getStatement().getTitle());
    }

    @Test
    void filtersNamingAHiddenActorOrPersonAnswerAsForAnUnknownOne() {
        var analyst = statementsAs(Role.ANALYST);
        sameAnswer(secretConf.getName(), unknown("actors"), name -> () -> analyst.listStatements(
                ListStatementsRequest.newBuilder().setActor(name).setPageSize(1).build()));
        sameAnswer(detainee.getName(), unknown("actors"), name -> () -> analyst.listStatements(
                ListStatementsRequest.newBuilder().setActor(name).setPageSize(1).build()));
        sameAnswer(pConf, unknown("persons"), name -> () -> analyst.listStatements(
                ListStatementsRequest.newBuilder().setSubjectPerson(name).setPageSize(1).build()));
        sameAnswer(pConf, unknown("persons"), name -> () -> analyst.listPersonClaims(
                ListPersonClaimsRequest.newBuilder().setPerson(name).setPageSize(1).build()));
        sameAnswer(pConf, unknown("persons"), name -> () -> analyst.listClaimsAboutPersons(
                ListClaimsAboutPersonsRequest.newBuilder().addPersons(name).setPageSize(1).build()));
        sameAnswer(pConf, unknown("persons"), name -> () -> analyst.getReleaseCallSummary(
                GetReleaseCallSummaryRequest.newBuilder().setPerson(name).build()));
        sameAnswer(pRes, unknown("persons"), name -> () -> statementsAs(Role.VIEWER).batchGetReleaseCallSummaries(
                BatchGetReleaseCallSummariesRequest.newBuilder().addPersons(pPub).addPersons(name).build()));
        sameFailure(pConf, unknown("persons"), name -> () -> analyst.listPersonClaims(
                ListPersonClaimsRequest.newBuilder().setPerson(name).setPageToken("not-a-token").build()));
    }

    @Test
    void writesNamingAHiddenRecordAnswerAsForAnUnknownOne() {
        var recorder = statementsAs(Role.RECORDER);
        Function<Statement.Builder, Runnable> create = s -> () -> recorder.createStatement(CreateStatementRequest
                .newBuilder().setStatement(s).setRequestId(requestId()).build());
        sameFailure(pConf, unknown("persons"), name -> create.apply(statement(usPublic.getName(), date(2024, 9, 1), "About")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectPersons(pPub).addSubjectPersons(name))));
        sameFailure(secretConf.getName(), unknown("actors"), name -> create.apply(statement(name, date(2024, 9, 1), "By")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectCountries("AZ"))));
        String hiddenClaim = s3.getClaims(0).getName();
        String unknownClaim = s3.getName() + "/claims/" + UUID.randomUUID();
        sameFailure(hiddenClaim, unknownClaim, name -> create.apply(statement(usPublic.getName(), date(2024, 9, 1), "Answer")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ").setAnswers(name))));
        sameFailure(pConf, unknown("persons"), name -> () -> actorsAs(Role.RECORDER).createActor(CreateActorRequest
                .newBuilder().setActor(detainedPerson("Someone", name)).setRequestId(requestId()).build()));
        assertEquals(7, database.count("statement"));
        assertEquals(4, database.count("actor"));
    }

    @Test
    void correctionsKeepTheSourcesTheirWriterCannotSee() {
        Source added = Source.newBuilder().setPublisher("Turan").setTitle("Report").build();
        Statement seen = statementsAs(Role.RECORDER).getStatement(GetStatementRequest.newBuilder().setName(s1.getName())
                .build()).getStatement();
        assertEquals(1, seen.getSourcesCount());
        Statement corrected = statementsAs(Role.RECORDER).updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(seen.toBuilder().clearSources().addSources(added))
                .setUpdateMask(FieldMask.newBuilder().addPaths("sources")).setRequestId(requestId()).build()).getStatement();
        assertEquals(List.of("Turan"), publishers(corrected.getSourcesList()));
        corrected = statementsAs(Role.RECORDER).updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(corrected.toBuilder().setTitle("S1 corrected"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(requestId()).build()).getStatement();
        assertEquals(List.of("Turan"), publishers(corrected.getSourcesList()));
        assertEquals(List.of("Turan", "A relative"), publishers(statements.getStatement(GetStatementRequest.newBuilder()
                .setName(s1.getName()).build()).getStatement().getSourcesList()));

        Actor actorSeen = actorsAs(Role.RECORDER).getActor(GetActorRequest.newBuilder().setName(usPublic.getName()).build())
                .getActor();
        actorsAs(Role.RECORDER).updateActor(UpdateActorRequest.newBuilder()
                .setActor(actorSeen.toBuilder().clearSources().addSources(added))
                .setUpdateMask(FieldMask.newBuilder().addPaths("sources")).setRequestId(requestId()).build());
        actorSeen = actorsAs(Role.RECORDER).getActor(GetActorRequest.newBuilder().setName(usPublic.getName()).build()).getActor();
        actorsAs(Role.RECORDER).updateActor(UpdateActorRequest.newBuilder()
                .setActor(actorSeen.toBuilder().setOffice("Envoy"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("office")).setRequestId(requestId()).build());
        assertEquals(List.of("Turan", "A relative"), publishers(actors.getActor(GetActorRequest.newBuilder()
                .setName(usPublic.getName()).build()).getActor().getSourcesList()));
        assertEquals("Envoy", actors.getActor(GetActorRequest.newBuilder().setName(usPublic.getName()).build()).getActor()
                .getOffice());
    }

    private static List<String> publishers(List<Source> sources) {
        return sources.stream().map(Source::getPublisher).toList();
    }
}
