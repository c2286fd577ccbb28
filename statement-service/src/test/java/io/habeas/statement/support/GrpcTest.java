package io.habeas.statement.support;

import com.google.protobuf.FieldMask;
import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.Revision;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorRevision;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.ListActorRevisionsRequest;
import io.habeas.statement.v1.ListStatementRevisionsRequest;
import io.habeas.statement.v1.RestoreActorRequest;
import io.habeas.statement.v1.RestoreStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementRevision;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.statement.v1.UpdateActorRequest;
import io.habeas.statement.v1.UpdateStatementRequest;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.Database;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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

    /** An admin's correction of the fields named, from the values in changed. */
    protected Statement updateStatement(Statement.Builder changed, String... paths) {
        return statements.updateStatement(UpdateStatementRequest.newBuilder().setStatement(changed)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).setRequestId(Fixtures.requestId())
                .build()).getStatement();
    }

    protected Actor updateActor(Actor.Builder changed, String... paths) {
        return actors.updateActor(UpdateActorRequest.newBuilder().setActor(changed)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).setRequestId(Fixtures.requestId())
                .build()).getActor();
    }

    protected Statement restoreStatement(Statement current, Revision to, String reason) {
        return statements.restoreStatement(RestoreStatementRequest.newBuilder().setName(current.getName())
                .setRevisionId(to.getRevisionId()).setEtag(current.getEtag()).setReason(reason)
                .setRequestId(Fixtures.requestId()).build()).getStatement();
    }

    protected Actor restoreActor(Actor current, Revision to, String reason) {
        return actors.restoreActor(RestoreActorRequest.newBuilder().setName(current.getName())
                .setRevisionId(to.getRevisionId()).setEtag(current.getEtag()).setReason(reason)
                .setRequestId(Fixtures.requestId()).build()).getActor();
    }

    /** Every revision of the statement the stub's caller sees, newest first, page after page. */
    protected static List<StatementRevision> statementRevisions(StatementServiceGrpc.StatementServiceBlockingStub as,
            String name) {
        List<StatementRevision> all = new ArrayList<>();
        String token = "";
        do {
            var page = as.listStatementRevisions(ListStatementRevisionsRequest.newBuilder().setName(name)
                    .setPageToken(token).build());
            all.addAll(page.getRevisionsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    protected static List<ActorRevision> actorRevisions(ActorServiceGrpc.ActorServiceBlockingStub as, String name) {
        List<ActorRevision> all = new ArrayList<>();
        String token = "";
        do {
            var page = as.listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(name).setPageToken(token).build());
            all.addAll(page.getRevisionsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }
}
