package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;

import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.DatabaseOutageContract;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Actors that name no person: detention-service, which this profile does not stand in for, is never asked. */
@QuarkusTest
@TestProfile(DatabaseOutageContract.Profile.class)
class DatabaseOutageTest extends DatabaseOutageContract {
    @GrpcClient("actors")
    ActorServiceGrpc.ActorServiceBlockingStub actors;

    @Override
    protected void read(Duration deadline) {
        admin(deadline).listActors(ListActorsRequest.getDefaultInstance());
    }

    @Override
    protected String write(String requestId, Duration deadline) {
        return admin(deadline).createActor(CreateActorRequest.newBuilder().setActor(blinken()).setRequestId(requestId)
                .build()).getActor().getName();
    }

    @Override
    protected String writtenTable() {
        return "actor";
    }

    private ActorServiceGrpc.ActorServiceBlockingStub admin(Duration deadline) {
        return Bearer.as(actors, Role.ADMIN).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
