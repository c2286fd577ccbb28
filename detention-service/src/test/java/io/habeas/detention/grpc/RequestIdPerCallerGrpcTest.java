package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A request id is the caller's own: another caller replaying it never gets the first answer. */
@QuarkusTest
class RequestIdPerCallerGrpcTest extends GrpcTest {
    @GrpcClient("persons")
    PersonServiceGrpc.PersonServiceBlockingStub unsigned;

    private PersonServiceGrpc.PersonServiceBlockingStub adminNamed(String subject) {
        return Bearer.with(unsigned, TestTokens.withGroups(subject, Role.Names.ADMIN));
    }

    @Test
    void anotherCallerReplayingARequestIdIsRefusedAndNothingIsStored() {
        CreatePersonRequest request = CreatePersonRequest.newBuilder().setPerson(ibadoglu()).setRequestId(requestId()).build();
        Person first = adminNamed("alice").createPerson(request).getPerson();

        var refused = fails(Status.Code.ALREADY_EXISTS,
                () -> adminNamed("bob").createPerson(request));

        assertEquals("REQUEST_ID_REUSED", detail(refused, ErrorInfo.class).getReason());
        assertEquals(1, database.count("person"));
        assertEquals(first, adminNamed("alice").createPerson(request)
                .getPerson());
    }
}
