package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.common.v1.Source;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListActorRevisionsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementRevisionsRequest;
import io.habeas.statement.v1.RestoreActorRequest;
import io.habeas.statement.v1.RestoreStatementRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin restores an actor or a statement as one of its revisions kept it, through a correction's
 * checks; the restore is a revision of its own. What the state now refuses is FAILED_PRECONDITION.
 */
@QuarkusTest
class RestoreGrpcTest extends GrpcTest {
    private Actor blinken;
    private String ibadoglu;

    @BeforeEach
    void recordTheSpeaker() {
        blinken = createActor(blinken());
        ibadoglu = detention.knownPerson();
    }

    private Statement callAndConcern() {
        return createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his release").addSubjectPersons(ibadoglu))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern about the border").addSubjectCountries("AM")));
    }

    private Statement get(String name) {
        return statements.getStatement(GetStatementRequest.newBuilder().setName(name).build()).getStatement();
    }

    private Revision oldest(Statement statement) {
        List<io.habeas.statement.v1.StatementRevision> all = statementRevisions(statements, statement.getName());
        return all.get(all.size() - 1).getRevision();
    }

    private static Statement content(Statement statement) {
        return statement.toBuilder().clearEtag().clearUpdateTime().build();
    }

    @Test
    void anActorRestoredIsAsItsRevisionKeptItAndTheRestoreIsARevision() {
        Actor changed = updateActor(blinken.toBuilder().setOffice("Envoy").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)
                .clearSources().addSources(Source.newBuilder().setPublisher("Turan").setTitle("Profile")), "office",
                "access_level", "sources");
        Revision created = actorRevisions(actors, blinken.getName()).get(1).getRevision();
        Actor restored = restoreActor(changed, created, "Office and level were entered in error");

        assertEquals(blinken.toBuilder().clearEtag().clearUpdateTime().build(),
                restored.toBuilder().clearEtag().clearUpdateTime().build());
        assertEquals(restored, actors.getActor(GetActorRequest.newBuilder().setName(blinken.getName()).build()).getActor());
        var latest = actorRevisions(actors, blinken.getName()).get(0);
        assertEquals(RevisionAction.REVISION_ACTION_RESTORED, latest.getRevision().getAction());
        assertEquals(created.getRevisionId(), latest.getRevision().getRestoredRevisionId());
        assertEquals(restored, latest.getActor());
    }

    @Test
    void aStatementRestoredGetsBackAClaimACorrectionDroppedWithItsName() {
        Statement said = callAndConcern();
        Claim call = said.getClaims(0);
        Statement dropped = updateStatement(said.toBuilder().removeClaims(0).setTitle("Call"), "claims", "title");
        assertEquals(0, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItemsCount());

        Statement restored = restoreStatement(dropped, oldest(said), "The call was dropped by mistake");
        assertEquals(content(said), content(restored));
        assertEquals(call.getName(), restored.getClaims(0).getName());
        assertEquals(2, database.count("claim"), "no claim was deleted or made again");
        assertEquals(1, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItemsCount());
        assertEquals(1, statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(ibadoglu)
                .build()).getCallCount());

        Statement droppedAgain = restoreStatement(restored, statementRevisions(statements, said.getName()).get(1).getRevision(),
                "The correction was right");
        assertEquals(content(dropped), content(droppedAgain), "a claim the revision did not hold is retracted again");
        assertEquals(4, statementRevisions(statements, said.getName()).size());
    }

    @Test
    void aClaimAddedAfterTheRevisionIsRetractedByTheRestore() {
        Statement said = callAndConcern();
        Statement added = updateStatement(said.toBuilder().addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed")
                .addSubjectCountries("AZ")), "claims");
        Statement restored = restoreStatement(added, oldest(said), "The welcome belongs to another call");
        assertEquals(said.getClaimsList(), restored.getClaimsList());
        assertEquals(List.of(added.getClaims(2)), restored.getRetractedClaimsList());
    }

    @Test
    void aRetractedStatementRestoredToAnActiveRevisionIsBackInItsFeeds() {
        Statement said = callAndConcern();
        Statement retracted = statements.retractStatement(RetractStatementRequest.newBuilder().setName(said.getName())
                .setEtag(said.getEtag()).setReason("Thought a duplicate").setRequestId(requestId()).build()).getStatement();
        Statement restored = restoreStatement(retracted, oldest(said), "Not a duplicate");
        assertEquals(RecordState.RECORD_STATE_ACTIVE, restored.getState());
        assertEquals("", restored.getRetractionReason());
        assertEquals(1, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItemsCount());

        Statement again = restoreStatement(restored, statementRevisions(statements, said.getName()).get(1).getRevision(),
                "It was a duplicate");
        assertEquals(RecordState.RECORD_STATE_RETRACTED, again.getState());
        assertEquals("Thought a duplicate", again.getRetractionReason());
        assertEquals(0, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItemsCount());
    }

    @Test
    void aRevisionNamingAPersonGoneNowIsNotRestorable() {
        Statement said = callAndConcern();
        Revision created = oldest(said);
        Statement aboutOther = updateStatement(said.toBuilder().setClaims(0, said.getClaims(0).toBuilder()
                .clearSubjectPersons().addSubjectPersons(detention.knownPerson())), "claims");
        detention.forget(ibadoglu);
        long revisions = database.count("revision");

        var status = fails(Status.Code.FAILED_PRECONDITION, () -> restoreStatement(aboutOther, created, "Back"));
        assertEquals(ibadoglu, detail(status, PreconditionFailure.class).getViolations(0).getSubject());
        assertEquals("REVISION_NOT_RESTORABLE", detail(status, PreconditionFailure.class).getViolations(0).getType());
        assertEquals(revisions, database.count("revision"));
        assertEquals(aboutOther, get(said.getName()));
    }

    @Test
    void aRestoreThatWouldDropAnAnsweredClaimIsRefusedAsTheCorrectionWouldBe() {
        Statement said = callAndConcern();
        Statement welcomed = updateStatement(said.toBuilder().addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed")
                .addSubjectCountries("AZ")), "claims");
        createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_OTHER, "Thanked").addSubjectCountries("US")
                        .setAnswers(welcomed.getClaims(2).getName())));
        long revisions = database.count("revision");
        Statement before = get(said.getName());

        failsPrecondition("CLAIM_IS_ANSWERED", () -> restoreStatement(welcomed, oldest(said), "The welcome was wrong"));
        assertEquals(revisions, database.count("revision"));
        assertEquals(before, get(said.getName()));
    }

    @Test
    void aRestoredAnswerToAClaimRetractedSinceIsRefusedAsANewAnswerWouldBe() {
        Statement said = callAndConcern();
        Statement reply = createStatement(statement(blinken.getName(), date(2024, 5, 0), "Reply")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied").addSubjectCountries("AZ")
                        .setAnswers(said.getClaims(0).getName())));
        Statement unlinked = updateStatement(reply.toBuilder().setClaims(0, reply.getClaims(0).toBuilder().clearAnswers()),
                "claims");
        updateStatement(said.toBuilder().removeClaims(0), "claims");
        long revisions = database.count("revision");

        failsPrecondition("ANSWERED_CLAIM_RETRACTED", () -> restoreStatement(unlinked, oldest(reply), "Back"));
        assertEquals(revisions, database.count("revision"));
        assertEquals(unlinked, get(reply.getName()));
    }

    @Test
    void anActorRestoredToAPersonGoneIsAFailedPrecondition() {
        String person = detention.knownPerson();
        Actor detainee = createActor(detainedPerson("Someone held", person));
        Actor relinked = updateActor(detainee.toBuilder().setPerson(detention.knownPerson()), "person");
        Revision created = actorRevisions(actors, detainee.getName()).get(1).getRevision();
        detention.forget(person);
        var status = fails(Status.Code.FAILED_PRECONDITION, () -> restoreActor(relinked, created,
                "Linked to the wrong person"));
        assertEquals(person, detail(status, PreconditionFailure.class).getViolations(0).getSubject());
        assertEquals(relinked, actors.getActor(GetActorRequest.newBuilder().setName(detainee.getName()).build()).getActor());
    }

    @Test
    void aStaleEtagIsAbortedAndAnotherRecordsRevisionIsNotFound() {
        Statement said = callAndConcern();
        Statement corrected = updateStatement(said.toBuilder().setTitle("Call"), "title");
        long revisions = database.count("revision");
        fails(Status.Code.ABORTED, () -> restoreStatement(said, oldest(said), "Stale"));
        fails(Status.Code.ABORTED, () -> restoreActor(blinken.toBuilder().setEtag("7").build(),
                actorRevisions(actors, blinken.getName()).get(0).getRevision(), "Stale"));

        Statement another = callAndConcern();
        fails(Status.Code.NOT_FOUND, () -> restoreStatement(corrected, oldest(another), "Another's"));
        fails(Status.Code.NOT_FOUND, () -> restoreActor(blinken, oldest(another), "A statement's"));
        fails(Status.Code.NOT_FOUND, () -> restoreStatement(corrected,
                Revision.newBuilder().setRevisionId(UUID.randomUUID().toString()).build(), "Unknown"));
        assertEquals(revisions + 1, database.count("revision"), "only the other statement's creation");
        assertEquals(corrected, get(said.getName()));
    }

    @Test
    void badRestoresAreInvalidNamingEveryFieldAndStoreNothing() {
        Statement said = callAndConcern();
        Revision created = oldest(said);
        long revisions = database.count("revision");
        long requests = database.count("request_log");

        failsOnFields(() -> statements.restoreStatement(RestoreStatementRequest.newBuilder().setName(said.getName())
                .setRequestId(requestId()).build()), "revision_id", "etag", "reason");
        failsOnFields(() -> actors.restoreActor(RestoreActorRequest.newBuilder().setName(blinken.getName())
                .setRevisionId("revisions/1").setEtag(blinken.getEtag()).setReason("Back\u0000")
                .setRequestId(requestId()).build()), "revision_id", "reason");
        failsOnFields(() -> statements.restoreStatement(RestoreStatementRequest.newBuilder().setName(said.getName())
                .setRevisionId(created.getRevisionId()).setEtag(said.getEtag()).setReason("\u202Eback")
                .setRequestId(requestId()).build()), "reason");
        failsOnFields(() -> statements.restoreStatement(RestoreStatementRequest.newBuilder().setName("statements/1")
                .setRevisionId(created.getRevisionId()).setEtag(said.getEtag()).setReason("Back")
                .setRequestId(requestId()).build()), "name");
        failsOnFields(() -> actors.restoreActor(RestoreActorRequest.newBuilder().setName(blinken.getName())
                .setRevisionId(created.getRevisionId()).setEtag(blinken.getEtag()).setReason("Back").build()), "request_id");
        failsOnFields(() -> statements.restoreStatement(RestoreStatementRequest.newBuilder().setName(said.getName())
                .setRevisionId(created.getRevisionId()).setEtag(said.getEtag()).setReason("x".repeat(2001))
                .setRequestId(requestId()).build()), "reason");
        fails(Status.Code.PERMISSION_DENIED, () -> statementsAs(Role.RECORDER).restoreStatement(RestoreStatementRequest
                .newBuilder().setName(said.getName()).setRevisionId(created.getRevisionId()).setEtag(said.getEtag())
                .setReason("Back").setRequestId(requestId()).build()));

        failsOnFields(() -> statements.listStatementRevisions(ListStatementRevisionsRequest.newBuilder()
                .setName("statement/1").build()), "name");
        failsOnFields(() -> actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(blinken.getName())
                .setPageSize(-1).build()), "page_size");
        failsOnFields(() -> actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(blinken.getName())
                .setPageToken("not-a-token").build()), "page_token");
        fails(Status.Code.NOT_FOUND, () -> actors.listActorRevisions(ListActorRevisionsRequest.newBuilder()
                .setName("actors/" + UUID.randomUUID()).build()));

        assertEquals(revisions, database.count("revision"));
        assertEquals(requests, database.count("request_log"));
        assertEquals(said, get(said.getName()));
    }

    @Test
    void aPageOfRevisionsIsCappedAt200() {
        Actor actor = blinken;
        for (int i = 0; i < 200; i++) {
            actor = updateActor(actor.toBuilder().setOffice("Office " + i), "office");
        }
        var page = actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(actor.getName())
                .setPageSize(1000).build());
        assertEquals(200, page.getRevisionsCount());
        assertEquals(1, actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(actor.getName())
                .setPageToken(page.getNextPageToken()).build()).getRevisionsCount());
        assertEquals(50, actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(actor.getName())
                .build()).getRevisionsCount());
    }
}
