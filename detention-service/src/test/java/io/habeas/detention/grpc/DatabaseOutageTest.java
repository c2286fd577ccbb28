package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.person;

import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.DatabaseOutageContract;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

@QuarkusTest
@TestProfile(DatabaseOutageContract.Profile.class)
class DatabaseOutageTest extends DatabaseOutageContract {
    @GrpcClient("persons")
    PersonServiceGrpc.PersonServiceBlockingStub persons;

    @Override
    protected void read(Duration deadline) {
        admin(deadline).listPersons(ListPersonsRequest.getDefaultInstance());
    }

    @Override
    protected String write(String requestId, Duration deadline) {
        return admin(deadline).createPerson(CreatePersonRequest.newBuilder().setPerson(person("Outage Witness", "AZ"))
                .setRequestId(requestId).build()).getPerson().getName();
    }

    @Override
    protected String writtenTable() {
        return "person";
    }

    private PersonServiceGrpc.PersonServiceBlockingStub admin(Duration deadline) {
        return Bearer.as(persons, Role.ADMIN).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
