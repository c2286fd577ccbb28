package io.habeas.statement.support;

import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.Database;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;

/**
 * gRPC tests call the running service through real stubs, each from an empty database and
 * with a stand-in detention-service that knows nobody until the test says so. The stubs send an
 * admin's token, who may call every method; {@link #actorsAs} and {@link #statementsAs} another role's.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(FakeDetentionResource.class)
public abstract class GrpcTest {
    @GrpcClient("actors")
    ActorServiceGrpc.ActorServiceBlockingStub actorsChannel;
    @GrpcClient("statements")
    StatementServiceGrpc.StatementServiceBlockingStub statementsChannel;
    protected ActorServiceGrpc.ActorServiceBlockingStub actors;
    protected StatementServiceGrpc.StatementServiceBlockingStub statements;
    /** The service's own client of detention-service: the same channel its writes use. */
    @GrpcClient("detention")
    protected PersonServiceGrpc.PersonServiceBlockingStub detentionChannel;
    @Inject
    protected Database database;
    @InjectFakeDetention
    protected FakeDetention detention;

    @BeforeEach
    void startFromEmptyDatabase() {
        actors = Bearer.as(actorsChannel, Role.ADMIN);
        statements = Bearer.as(statementsChannel, Role.ADMIN);
        database.clear();
        detention.reset();
        awaitDetentionReachable();
        detention.reset();
    }

    /** After the stand-in was stopped, the channel reconnects with a back-off: wait until it answers again. */
    protected void awaitDetentionReachable() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                Bearer.as(detentionChannel, Role.ADMIN).withDeadlineAfter(1, TimeUnit.SECONDS).listPersons(
                        ListPersonsRequest.newBuilder().addPersons("persons/00000000-0000-7000-8000-000000000000").build());
                return;
            } catch (StatusRuntimeException e) {
                // A first connection on a loaded machine may take longer than one try's deadline too.
                var code = e.getStatus().getCode();
                if ((code != io.grpc.Status.Code.UNAVAILABLE && code != io.grpc.Status.Code.DEADLINE_EXCEEDED)
                        || System.nanoTime() > until) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    protected ActorServiceGrpc.ActorServiceBlockingStub actorsAs(Role role) {
        return Bearer.as(actorsChannel, role);
    }

    protected StatementServiceGrpc.StatementServiceBlockingStub statementsAs(Role role) {
        return Bearer.as(statementsChannel, role);
    }

    /** Stubs that send no token at all. */
    protected ActorServiceGrpc.ActorServiceBlockingStub actorsWithoutToken() {
        return actorsChannel;
    }

    protected StatementServiceGrpc.StatementServiceBlockingStub statementsWithoutToken() {
        return statementsChannel;
    }

    protected StatementServiceGrpc.StatementServiceBlockingStub statementsWith(String token) {
        return Bearer.with(statementsChannel, token);
    }

    protected Actor createActor(Actor.Builder actor) {
        return actors.createActor(CreateActorRequest.newBuilder().setActor(actor).setRequestId(Fixtures.requestId()).build())
                .getActor();
    }

    protected Statement createStatement(Statement.Builder statement) {
        return statements.createStatement(CreateStatementRequest.newBuilder().setStatement(statement)
                .setRequestId(Fixtures.requestId()).build()).getStatement();
    }
}
