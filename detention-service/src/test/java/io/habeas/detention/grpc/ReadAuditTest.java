package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;

import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.EmbeddedPostgresResource;
import io.habeas.support.testing.ReadAuditContract;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReadAuditTest extends ReadAuditContract {
    @GrpcClient("persons")
    PersonServiceGrpc.PersonServiceBlockingStub persons;

    @Override
    protected String recordConfidential() {
        return create(person("Protected Witness", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
    }

    @Override
    protected String recordPublic() {
        return create(ibadoglu());
    }

    @Override
    protected void get(String name, String token) {
        Bearer.with(persons, token).getPerson(GetPersonRequest.newBuilder().setName(name).build());
    }

    @Override
    protected String getMethod() {
        return "habeas.detention.v1.PersonService/GetPerson";
    }

    private String create(Person.Builder person) {
        return Bearer.as(persons, Role.ADMIN).createPerson(CreatePersonRequest.newBuilder().setPerson(person)
                .setRequestId(requestId()).build()).getPerson().getName();
    }
}
