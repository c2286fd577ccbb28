package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.UpdateActorRequest;
import io.habeas.statement.v1.UpdateStatementRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retried write answers with its records as they are now, read again with the caller's
 * clearance: what the caller may no longer see is NOT_FOUND, exactly as Get; the request log keeps
 * their names only.
 */
@QuarkusTest
class ReplayGrpcTest extends GrpcTest {
    @Inject
    EntityManager entityManager;

    private CreateActorRequest createBlinken() {
        return CreateActorRequest.newBuilder().setActor(blinken().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED))
                .setRequestId(requestId()).build();
    }

    @Test
    void anActorReclassifiedAboveTheCallerReplaysAsNotFoundExactlyAsGet() {
        CreateActorRequest create = createBlinken();
        Actor created = actorsAs(Role.RECORDER).createActor(create).getActor();
        actors.updateActor(UpdateActorRequest.newBuilder()
                .setActor(created.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build());

        var replayed = fails(Status.Code.NOT_FOUND, () -> actorsAs(Role.RECORDER).createActor(create));
        var got = fails(Status.Code.NOT_FOUND, () -> actorsAs(Role.RECORDER)
                .getActor(GetActorRequest.newBuilder().setName(created.getName()).build()));

        assertEquals(got, replayed);
        assertEquals(1, database.count("actor"));
    }

    @Test
    void aStatementWhosePersonIsNoLongerShownReplaysAsNotFound() {
        Actor speaker = createActor(blinken());
        String person = detention.knownPerson();
        CreateStatementRequest create = CreateStatementRequest.newBuilder().setStatement(statement(speaker.getName(),
                        date(2024, 4, 0), "Call with President Aliyev")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his release").addSubjectPersons(person)))
                .setRequestId(requestId()).build();
        Statement created = statementsAs(Role.RECORDER).createStatement(create).getStatement();
        detention.forget(person);

        var replayed = fails(Status.Code.NOT_FOUND, () -> statementsAs(Role.RECORDER).createStatement(create));
        var got = fails(Status.Code.NOT_FOUND, () -> statementsAs(Role.RECORDER)
                .getStatement(GetStatementRequest.newBuilder().setName(created.getName()).build()));

        assertEquals(got, replayed);
        assertEquals(1, database.count("statement"));
    }

    @Test
    void aReplayAfterACorrectionShowsTheRecordAsItIsNow() {
        Actor speaker = createActor(blinken());
        CreateStatementRequest create = CreateStatementRequest.newBuilder().setStatement(statement(speaker.getName(),
                        date(2024, 4, 0), "Call with President Aliyev")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_COMMENDATION, "Commended the agreement").addSubjectCountries("AZ")))
                .setRequestId(requestId()).build();
        Statement created = statementsAs(Role.RECORDER).createStatement(create).getStatement();
        Statement corrected = statementsAs(Role.RECORDER).updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(created.toBuilder().setTitle("Secretary Blinken's Call with Azerbaijani President Aliyev"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title")).setRequestId(requestId()).build()).getStatement();

        Statement replayed = statementsAs(Role.RECORDER).createStatement(create).getStatement();

        assertEquals(corrected, replayed);
        assertNotEquals(created.getEtag(), replayed.getEtag());
        assertEquals(1, database.count("statement"));
    }

    @Test
    void anotherCallerReplayingTheIdIsRefusedAsBefore() {
        CreateActorRequest create = createBlinken();
        actorsAs(Role.RECORDER).createActor(create);
        fails(Status.Code.ALREADY_EXISTS, () -> actors.createActor(create));
        assertEquals(1, database.count("actor"));
    }

    @Test
    void theRequestLogKeepsTheRecordsNamesAndNoneOfTheirText() {
        Actor speaker = createActor(blinken());
        Statement said = createStatement(statement(speaker.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_COMMENDATION, "Commended the agreement").addSubjectCountries("AZ")));

        @SuppressWarnings("unchecked")
        List<byte[]> answers = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT response FROM request_log", byte[].class).getResultList());
        assertEquals(2, answers.size());
        String stored = new String(answers.get(0), StandardCharsets.UTF_8) + new String(answers.get(1), StandardCharsets.UTF_8);
        assertTrue(stored.contains(speaker.getName()) && stored.contains(said.getName()), stored);
        for (String text : List.of("Antony J. Blinken", "Secretary of State", "Call with President Aliyev",
                "Commended the agreement", "JAMnews")) {
            assertFalse(stored.contains(text), text + " in the request log");
        }
    }
}
