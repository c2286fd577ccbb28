package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.requestId;
import static io.habeas.statement.support.Fixtures.statement;

import io.habeas.common.v1.AccessLevel;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.habeas.support.testing.ReadAuditContract;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReadAuditTest extends ReadAuditContract {
    @GrpcClient("actors")
    ActorServiceGrpc.ActorServiceBlockingStub actors;
    @GrpcClient("statements")
    StatementServiceGrpc.StatementServiceBlockingStub statements;

    @Override
    protected String recordConfidential() {
        return create(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
    }

    @Override
    protected String recordPublic() {
        return create(AccessLevel.ACCESS_LEVEL_PUBLIC);
    }

    @Override
    protected void get(String name, String token) {
        Bearer.with(statements, token).getStatement(GetStatementRequest.newBuilder().setName(name).build());
    }

    @Override
    protected String getMethod() {
        return "habeas.statement.v1.StatementService/GetStatement";
    }

    /** A statement at this level by a PUBLIC speaker, about no person. */
    private String create(AccessLevel level) {
        String speaker = Bearer.as(actors, Role.ADMIN).createActor(CreateActorRequest.newBuilder().setActor(blinken())
                .setRequestId(requestId()).build()).getActor().getName();
        return Bearer.as(statements, Role.ADMIN).createStatement(CreateStatementRequest.newBuilder()
                .setStatement(statement(speaker, date(2024, 4, 0), "Call with President Aliyev").setAccessLevel(level)
                        .addClaims(claim(ClaimKind.CLAIM_KIND_COMMENDATION, "Commended the border agreement")
                                .addSubjectCountries("AZ")))
                .setRequestId(requestId()).build()).getStatement().getName();
    }
}
