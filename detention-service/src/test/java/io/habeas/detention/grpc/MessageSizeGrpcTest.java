package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A request over the transport limit is refused before any code runs, with a message that states the limit. */
@QuarkusTest
class MessageSizeGrpcTest extends GrpcTest {
    private static final int LIMIT = 1_048_576;

    @Test
    void aRequestOverTheLimitIsResourceExhaustedNamingTheLimitAndNothingIsStored() {
        CreatePersonRequest huge = CreatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(ibadoglu().setDescription("x".repeat(LIMIT + 1))).build();

        var refused = fails(Status.Code.RESOURCE_EXHAUSTED, () -> persons.createPerson(huge));

        assertEquals("the request is larger than this service accepts: at most " + LIMIT
                + " bytes per message (a list page or a smaller batch fits)", refused.getMessage());
        assertEquals(0, database.count("person"));
        assertEquals(0, database.count("request_log"));
    }
}
