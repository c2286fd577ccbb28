package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorRevision;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.ListActorRevisionsRequest;
import io.habeas.statement.v1.ListStatementRevisionsRequest;
import io.habeas.statement.v1.RestoreActorRequest;
import io.habeas.statement.v1.RestoreStatementRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.habeas.statement.v1.UpdateActorRequest;
import io.habeas.statement.v1.UpdateStatementRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write RPC leaves exactly one revision of the record it wrote, with who wrote it, through
 * which request, what it did and why; retries leave none; the revision table cannot be changed.
 */
@QuarkusTest
class RevisionsGrpcTest extends GrpcTest {
    private static final String RECORDER = "recorder@habeas.test";
    private static final String ADMIN = "admin@habeas.test";

    @Inject
    EntityManager entityManager;
    private String ibadoglu;

    @BeforeEach
    void knowThePerson() {
        ibadoglu = detention.knownPerson();
    }

    private Statement.Builder call(Actor actor) {
        return statement(actor.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his release").addSubjectPersons(ibadoglu));
    }

    private static void assertRevision(Revision revision, RevisionAction action, String principal, String requestId,
            String reason) {
        assertEquals(action, revision.getAction());
        assertEquals(principal, revision.getPrincipal());
        assertEquals(requestId, revision.getRequestId());
        assertEquals(reason, revision.getReason());
        assertTrue(revision.hasCreateTime());
    }

    @Test
    void everyActorWriteLeavesOneRevisionWithItsPrincipalRequestAndAction() {
        String create = requestId();
        Actor created = actorsAs(Role.RECORDER).createActor(CreateActorRequest.newBuilder().setActor(blinken())
                .setRequestId(create).build()).getActor();
        String correct = requestId();
        Actor corrected = actorsAs(Role.RECORDER).updateActor(UpdateActorRequest.newBuilder()
                .setActor(created.toBuilder().setOffice("Former Secretary of State"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("office")).setRequestId(correct).build()).getActor();
        String reclassify = requestId();
        Actor reclassified = actors.updateActor(UpdateActorRequest.newBuilder()
                .setActor(corrected.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(reclassify).build()).getActor();
        List<ActorRevision> before = actorRevisions(actors, created.getName());
        String restore = requestId();
        Actor restored = actors.restoreActor(RestoreActorRequest.newBuilder().setName(created.getName())
                .setRevisionId(before.get(2).getRevision().getRevisionId()).setEtag(reclassified.getEtag())
                .setReason("Reclassified and renamed in error").setRequestId(restore).build()).getActor();

        List<ActorRevision> revisions = actorRevisions(actors, created.getName());
        assertEquals(4, revisions.size());
        assertEquals(4, database.count("revision"));
        assertRevision(revisions.get(3).getRevision(), RevisionAction.REVISION_ACTION_CREATED, RECORDER, create, "");
        assertRevision(revisions.get(2).getRevision(), RevisionAction.REVISION_ACTION_UPDATED, RECORDER, correct, "");
        assertRevision(revisions.get(1).getRevision(), RevisionAction.REVISION_ACTION_RECLASSIFIED, ADMIN, reclassify, "");
        assertRevision(revisions.get(0).getRevision(), RevisionAction.REVISION_ACTION_RESTORED, ADMIN, restore,
                "Reclassified and renamed in error");
        assertEquals(before.get(2).getRevision().getRevisionId(), revisions.get(0).getRevision().getRestoredRevisionId());
        assertEquals(List.of(created, corrected, reclassified, restored), oldestFirst(revisions).stream()
                .map(ActorRevision::getActor).toList(), "each revision keeps the actor as its write answered it");
        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_PUBLIC, AccessLevel.ACCESS_LEVEL_PUBLIC,
                AccessLevel.ACCESS_LEVEL_RESTRICTED, AccessLevel.ACCESS_LEVEL_PUBLIC), oldestFirst(revisions).stream()
                .map(r -> r.getRevision().getAccessLevel()).toList());
    }

    @Test
    void everyStatementWriteLeavesOneRevisionWithItsPrincipalRequestAndAction() {
        Actor blinken = createActor(blinken());
        long actorRevisions = database.count("revision");
        String create = requestId();
        Statement created = statementsAs(Role.RECORDER).createStatement(CreateStatementRequest.newBuilder()
                .setStatement(call(blinken)).setRequestId(create).build()).getStatement();
        String correct = requestId();
        Statement corrected = statementsAs(Role.RECORDER).updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(created.toBuilder().setTitle("Secretary Blinken's Call with President Aliyev"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(correct).build()).getStatement();
        String reclassify = requestId();
        Statement reclassified = statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(corrected.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(reclassify).build()).getStatement();
        String retract = requestId();
        Statement retracted = statements.retractStatement(RetractStatementRequest.newBuilder().setName(created.getName())
                .setEtag(reclassified.getEtag()).setReason("Recorded twice").setRequestId(retract).build()).getStatement();
        String restore = requestId();
        Statement restored = statements.restoreStatement(RestoreStatementRequest.newBuilder().setName(created.getName())
                .setRevisionId(statementRevisions(statements, created.getName()).get(1).getRevision().getRevisionId())
                .setEtag(retracted.getEtag()).setReason("Not a duplicate after all").setRequestId(restore).build())
                .getStatement();

        List<StatementRevision> revisions = statementRevisions(statements, created.getName());
        assertEquals(5, revisions.size());
        assertEquals(actorRevisions + 5, database.count("revision"));
        assertRevision(revisions.get(4).getRevision(), RevisionAction.REVISION_ACTION_CREATED, RECORDER, create, "");
        assertRevision(revisions.get(3).getRevision(), RevisionAction.REVISION_ACTION_UPDATED, RECORDER, correct, "");
        assertRevision(revisions.get(2).getRevision(), RevisionAction.REVISION_ACTION_RECLASSIFIED, ADMIN, reclassify, "");
        assertRevision(revisions.get(1).getRevision(), RevisionAction.REVISION_ACTION_RETRACTED, ADMIN, retract,
                "Recorded twice");
        assertRevision(revisions.get(0).getRevision(), RevisionAction.REVISION_ACTION_RESTORED, ADMIN, restore,
                "Not a duplicate after all");
        assertEquals(List.of(created, corrected, reclassified, retracted, restored), oldestFirst(revisions).stream()
                .map(StatementRevision::getStatement).toList(), "each revision keeps the statement as its write answered it");
        assertEquals(reclassified.toBuilder().clearEtag().clearUpdateTime().build(),
                restored.toBuilder().clearEtag().clearUpdateTime().build(), "restored as the reclassification left it");
    }

    @Test
    void aStatementRevisionIsAtTheLevelOfItsActorWhenThatIsStricter() {
        Actor secret = createActor(blinken().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Statement said = createStatement(call(secret));
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, said.getAccessLevel());
        assertEquals(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL,
                statementRevisions(statements, said.getName()).get(0).getRevision().getAccessLevel());
    }

    @Test
    void retriesLeaveNoOtherRevision() {
        CreateActorRequest createActor = CreateActorRequest.newBuilder().setActor(blinken()).setRequestId(requestId()).build();
        Actor blinken = actors.createActor(createActor).getActor();
        actors.createActor(createActor);
        UpdateActorRequest updateActor = UpdateActorRequest.newBuilder().setActor(blinken.toBuilder().setOffice("Envoy"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("office")).setRequestId(requestId()).build();
        Actor updated = actors.updateActor(updateActor).getActor();
        actors.updateActor(updateActor);
        RestoreActorRequest restoreActor = RestoreActorRequest.newBuilder().setName(blinken.getName())
                .setRevisionId(actorRevisions(actors, blinken.getName()).get(1).getRevision().getRevisionId())
                .setEtag(updated.getEtag()).setReason("Back").setRequestId(requestId()).build();
        actors.restoreActor(restoreActor);
        actors.restoreActor(restoreActor);
        assertEquals(3, actorRevisions(actors, blinken.getName()).size());

        CreateStatementRequest create = CreateStatementRequest.newBuilder().setStatement(call(blinken))
                .setRequestId(requestId()).build();
        Statement said = statements.createStatement(create).getStatement();
        statements.createStatement(create);
        UpdateStatementRequest update = UpdateStatementRequest.newBuilder().setStatement(said.toBuilder().setTitle("Call"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(requestId()).build();
        Statement corrected = statements.updateStatement(update).getStatement();
        statements.updateStatement(update);
        RetractStatementRequest retract = RetractStatementRequest.newBuilder().setName(said.getName())
                .setEtag(corrected.getEtag()).setReason("Duplicate").setRequestId(requestId()).build();
        Statement retracted = statements.retractStatement(retract).getStatement();
        statements.retractStatement(retract);
        RestoreStatementRequest restore = RestoreStatementRequest.newBuilder().setName(said.getName())
                .setRevisionId(statementRevisions(statements, said.getName()).get(1).getRevision().getRevisionId())
                .setEtag(retracted.getEtag()).setReason("Not a duplicate").setRequestId(requestId()).build();
        statements.restoreStatement(restore);
        statements.restoreStatement(restore);
        assertEquals(4, statementRevisions(statements, said.getName()).size());
        assertEquals(7, database.count("revision"));
    }

    @Test
    void aRefusedWriteLeavesNoRevision() {
        Actor blinken = createActor(blinken());
        Statement said = createStatement(call(blinken));
        long revisions = database.count("revision");
        failsOnFields(() -> updateStatement(said.toBuilder().setTitle(""), "title"), "statement.title");
        fails(Status.Code.ABORTED, () -> updateStatement(said.toBuilder().setEtag("99").setTitle("Stale"), "title"));
        fails(Status.Code.NOT_FOUND, () -> createStatement(call(blinken)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectPersons("persons/" + UUID.randomUUID()))));
        assertEquals(revisions, database.count("revision"));
    }

    @Test
    void revisionsComeNewestFirstInPagesBoundToTheirCaller() {
        Actor blinken = createActor(blinken());
        for (int i = 0; i < 4; i++) {
            blinken = updateActor(blinken.toBuilder().setOffice("Office " + i), "office");
        }
        var first = actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(blinken.getName())
                .setPageSize(2).build());
        assertEquals(List.of("Office 3", "Office 2"), first.getRevisionsList().stream().map(r -> r.getActor().getOffice())
                .toList());
        String token = first.getNextPageToken();
        var second = actors.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(blinken.getName())
                .setPageSize(2).setPageToken(token).build());
        assertEquals(List.of("Office 1", "Office 0"), second.getRevisionsList().stream().map(r -> r.getActor().getOffice())
                .toList());
        assertEquals(5, actorRevisions(actors, blinken.getName()).size());
        String name = blinken.getName();
        failsOnFields(() -> actorsAs(Role.VIEWER).listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(name)
                .setPageSize(2).setPageToken(token).build()), "page_token");
        Statement said = createStatement(call(blinken));
        failsOnFields(() -> statements.listStatementRevisions(ListStatementRevisionsRequest.newBuilder()
                .setName(said.getName()).setPageToken(token).build()), "page_token");
    }

    @Test
    void theRevisionTableRefusesUpdatesDeletesAndTruncation() {
        createActor(blinken());
        for (String change : List.of("UPDATE revision SET reason = 'rewritten'", "DELETE FROM revision",
                "TRUNCATE revision")) {
            Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(
                    () -> entityManager.createNativeQuery(change).executeUpdate()), change);
            assertTrue(rootMessage(refused).contains("revision is append-only"), change + ": " + rootMessage(refused));
        }
        assertEquals(1, database.count("revision WHERE reason IS NULL"));
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
