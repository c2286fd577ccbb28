package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.RecordState;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.RetractStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.UpdateActorRequest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What each role may do with real requests: who writes, who changes access levels, who retracts. */
@QuarkusTest
class RolesGrpcTest extends GrpcTest {

    @Test
    void aViewerReadsButCannotWriteAndNothingIsStored() {
        Actor blinken = createActor(blinken());
        long requests = database.count("request_log");

        fails(Status.Code.PERMISSION_DENIED, () -> actorsAs(Role.VIEWER).createActor(CreateActorRequest.newBuilder()
                .setActor(blinken()).setRequestId(requestId()).build()));
        fails(Status.Code.PERMISSION_DENIED, () -> statementsAs(Role.ANALYST).createStatement(CreateStatementRequest.newBuilder()
                .setStatement(statement(blinken.getName(), date(2024, 4, 0), "Call readout")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the agreement").addSubjectCountries("AM")))
                .setRequestId(requestId()).build()));

        assertEquals(1, database.count("actor"));
        assertEquals(0, database.count("statement"));
        assertEquals(requests, database.count("request_log"));
        assertEquals(0, detention.calls(), "refused before any person check");
        assertEquals(blinken, actorsAs(Role.VIEWER).getActor(GetActorRequest.newBuilder().setName(blinken.getName()).build())
                .getActor());
    }

    @Test
    void aRecorderCannotChangeAnAccessLevelAndAnAdminCan() {
        Actor blinken = actorsAs(Role.RECORDER).createActor(CreateActorRequest.newBuilder().setActor(blinken())
                .setRequestId(requestId()).build()).getActor();
        UpdateActorRequest restrict = UpdateActorRequest.newBuilder()
                .setActor(blinken.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED))
                .setUpdateMask(FieldMask.newBuilder().addPaths("access_level")).setRequestId(requestId()).build();

        var denied = fails(Status.Code.PERMISSION_DENIED, () -> actorsAs(Role.RECORDER).updateActor(restrict));
        assertEquals("ADMIN_ROLE_REQUIRED", detail(denied, ErrorInfo.class).getReason());
        assertEquals(blinken, actors.getActor(GetActorRequest.newBuilder().setName(blinken.getName()).build()).getActor());

        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, actorsAs(Role.ADMIN).updateActor(restrict).getActor().getAccessLevel());
    }

    @Test
    void aRecorderCannotRetractAndAnAdminCan() {
        Actor blinken = createActor(blinken());
        Statement stored = statementsAs(Role.RECORDER).createStatement(CreateStatementRequest.newBuilder()
                .setStatement(statement(blinken.getName(), date(2024, 4, 0), "Call readout")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the agreement").addSubjectCountries("AM")))
                .setRequestId(requestId()).build()).getStatement();
        RetractStatementRequest retract = RetractStatementRequest.newBuilder().setName(stored.getName())
                .setEtag(stored.getEtag()).setReason("Attributed to the wrong speaker").setRequestId(requestId()).build();

        fails(Status.Code.PERMISSION_DENIED, () -> statementsAs(Role.RECORDER).retractStatement(retract));
        assertEquals(RecordState.RECORD_STATE_ACTIVE, statements.getStatement(GetStatementRequest.newBuilder()
                .setName(stored.getName()).build()).getStatement().getState());

        assertEquals(RecordState.RECORD_STATE_RETRACTED,
                statementsAs(Role.ADMIN).retractStatement(retract).getStatement().getState());
    }
}
