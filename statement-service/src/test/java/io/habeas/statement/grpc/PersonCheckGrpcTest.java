package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.support.FakeDetention;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.UpdateStatementRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every person a claim is about is checked in detention-service at write time, as the caller and
 * within a deadline: one the caller may not see is as unknown.
 */
@QuarkusTest
class PersonCheckGrpcTest extends GrpcTest {
    private String actor;

    @BeforeEach
    void recordTheSpeaker() {
        actor = createActor(blinken()).getName();
    }

    private CreateStatementRequest callFor(String... persons) {
        var call = claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for their release");
        for (String person : persons) {
            call.addSubjectPersons(person);
        }
        return CreateStatementRequest.newBuilder().setRequestId(requestId())
                .setStatement(statement(actor, date(2024, 4, 0), "Call readout").addClaims(call)
                        .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the house arrest").addSubjectPersons(persons[0])))
                .build();
    }

    private void nothingStored() {
        assertEquals(0, database.count("statement"));
        assertEquals(0, database.count("claim"));
        assertEquals(0, database.count("claim_subject_person"));
        assertEquals(0, database.count("request_log WHERE method LIKE '%Statement%'"));
    }

    @Test
    void storesClaimsAboutKnownPersonsAskingOncePerPerson() {
        String ibadoglu = detention.knownPerson();
        String other = detention.knownPerson();
        Statement stored = statements.createStatement(callFor(ibadoglu, other)).getStatement();

        assertEquals(List.of(ibadoglu, other), stored.getClaims(0).getSubjectPersonsList());
        assertEquals(List.of(ibadoglu, other), detention.asked(), "two distinct persons in three subjects");
        assertEquals(1, detention.calls(), "in one batch");
        assertEquals(3, database.count("claim_subject_person"));
    }

    @Test
    void unknownPersonIsNotFoundByNameAndNothingIsStored() {
        String known = detention.knownPerson();
        String unknown = "persons/0190a0e0-0000-7000-8000-000000000001";
        var status = fails(Status.Code.NOT_FOUND, () -> statements.createStatement(callFor(known, unknown)));

        assertEquals(unknown, detail(status, ResourceInfo.class).getResourceName());
        nothingStored();
    }

    @Test
    void detentionAnsweringUnavailableFailsRetryablyAndARetryLaterSucceeds() {
        String ibadoglu = detention.knownPerson();
        CreateStatementRequest request = callFor(ibadoglu);
        detention.mode(FakeDetention.Mode.UNAVAILABLE);

        var status = fails(Status.Code.UNAVAILABLE, () -> statements.createStatement(request));
        assertEquals("DEPENDENCY_UNAVAILABLE", detail(status, ErrorInfo.class).getReason());
        assertEquals("detention-service", detail(status, ErrorInfo.class).getMetadataOrThrow("dependency"));
        // no OTLP endpoint here: nothing is recorded, and yet the call has a trace, which reached detention-service
        String trace = detail(status, ErrorInfo.class).getMetadataOrThrow("trace_id");
        assertTrue(trace.matches("[0-9a-f]{32}") && !trace.matches("0+"), trace);
        assertTrue(detention.traceparents().stream().anyMatch(t -> t.matches("00-" + trace + "-[0-9a-f]{16}-00")),
                () -> "unsampled, in trace " + trace + ": " + detention.traceparents());
        nothingStored();

        detention.mode(FakeDetention.Mode.SERVE);
        Statement stored = statements.createStatement(request).getStatement();
        assertEquals(stored, statements.createStatement(request).getStatement(), "the same request id, answered once");
        assertEquals(1, database.count("statement"));
    }

    @Test
    void checksPersonsWithTheCallersOwnToken() {
        String ibadoglu = detention.knownPerson();
        String other = detention.knownPerson();
        String token = TestTokens.of(Role.RECORDER);
        statementsWith(token).createStatement(callFor(ibadoglu, other));

        assertEquals(List.of("Bearer " + token), detention.bearers());
    }

    @Test
    void aTokenDetentionRefusesFailsRetryablyAndNothingIsStored() {
        String ibadoglu = detention.knownPerson();
        detention.mode(FakeDetention.Mode.REFUSE_TOKEN);

        var status = fails(Status.Code.UNAVAILABLE, () -> statements.createStatement(callFor(ibadoglu)));
        assertEquals("DEPENDENCY_UNAVAILABLE", detail(status, ErrorInfo.class).getReason());
        nothingStored();
    }

    @Test
    void detentionSlowerThanTheDeadlineFailsUnavailableWithoutWaitingForIt() {
        String ibadoglu = detention.knownPerson();
        detention.mode(FakeDetention.Mode.SLOW);

        long started = System.nanoTime();
        fails(Status.Code.UNAVAILABLE, () -> statements.createStatement(callFor(ibadoglu)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(tookMillis < FakeDetention.SLOW_MILLIS - 1000, "answered after " + tookMillis + " ms");
        nothingStored();
    }

    @Test
    void detentionDownFailsUnavailableAndNothingIsStored() {
        String ibadoglu = detention.knownPerson();
        detention.stop();
        try {
            fails(Status.Code.UNAVAILABLE, () -> statements.createStatement(callFor(ibadoglu)));
            nothingStored();
        } finally {
            detention.start();
            awaitDetentionReachable();
        }
    }

    @Test
    void statementsWithoutPersonsNeedNoCheck() {
        detention.mode(FakeDetention.Mode.UNAVAILABLE);
        createStatement(statement(actor, date(2024, 4, 0), "Call with Prime Minister Pashinyan")
                .addClaims(claim(ClaimKind.CLAIM_KIND_SUPPORT, "Support for Armenia's sovereignty").addSubjectCountries("AM")));
        assertEquals(0, detention.calls());
    }

    @Test
    void correctionAddingAnUnknownPersonChangesNothing() {
        String ibadoglu = detention.knownPerson();
        Statement stored = statements.createStatement(callFor(ibadoglu)).getStatement();
        String unknown = "persons/0190a0e0-0000-7000-8000-000000000002";

        var status = fails(Status.Code.NOT_FOUND, () -> statements.updateStatement(UpdateStatementRequest.newBuilder()
                .setStatement(stored.toBuilder().setClaims(0, stored.getClaims(0).toBuilder().addSubjectPersons(unknown))
                        .setTitle("Changed"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("claims").addPaths("title")).setRequestId(requestId()).build()));
        assertEquals(unknown, detail(status, ResourceInfo.class).getResourceName());
        assertEquals(stored, statements.getStatement(GetStatementRequest.newBuilder().setName(stored.getName()).build())
                .getStatement());
        assertEquals(2, database.count("claim_subject_person"));
    }

    @Test
    void actorLinkedToAnUnknownPersonIsNotFound() {
        fails(Status.Code.NOT_FOUND, () -> actors.createActor(CreateActorRequest.newBuilder().setRequestId(requestId())
                .setActor(detainedPerson("Gubad Ibadoglu", "persons/0190a0e0-0000-7000-8000-000000000003")).build()));
        assertEquals(1, database.count("actor"));
        detention.mode(FakeDetention.Mode.UNAVAILABLE);
        fails(Status.Code.UNAVAILABLE, () -> actors.createActor(CreateActorRequest.newBuilder().setRequestId(requestId())
                .setActor(detainedPerson("Gubad Ibadoglu", detention.knownPerson())).build()));
        assertEquals(1, database.count("actor"));
    }
}
