package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.Status;
import io.habeas.statement.support.FakeDetention;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.StatementServiceGrpc.StatementServiceBlockingStub;
import io.habeas.support.testing.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A caller that gives up (its deadline passes, or it cancels) while the service still works for it,
 * here waiting for detention-service, leaves work that Quarkus has already ended the request scope of.
 * What then fails is the caller's leaving, not the service or its dependency: no incident, no warning,
 * nothing stored; the next call is answered.
 */
@QuarkusTest
class AbandonedCallGrpcTest extends GrpcTest {
    private static final long HASTY_MILLIS = 200;

    interface Read {
        Object call(StatementServiceBlockingStub stub, String person);
    }

    enum Leaving { DEADLINE, CANCEL }

    static Stream<Arguments> readsAndLeavings() {
        Read claims = (stub, person) -> stub.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).build());
        Read summary = (stub, person) -> stub.getReleaseCallSummary(
                GetReleaseCallSummaryRequest.newBuilder().setPerson(person).build());
        return Stream.of(Leaving.values()).flatMap(leaving -> Stream.of(
                Arguments.of("ListPersonClaims", claims, leaving), Arguments.of("GetReleaseCallSummary", summary, leaving)));
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("readsAndLeavings")
    void aReadWhoseCallerLeftIsNeitherAnIncidentNorAWarning(String rpc, Read read, Leaving leaving) throws Exception {
        String person = detention.knownPerson();
        String actor = createActor(blinken()).getName();
        createStatement(statement(actor, date(2024, 4, 0), "Call readout")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his release").addSubjectPersons(person)));
        long stored = database.count("statement");
        int asked = detention.calls();
        detention.mode(FakeDetention.Mode.LATE);

        try (CapturedLog log = CapturedLog.start()) {
            if (leaving == Leaving.DEADLINE) {
                fails(Status.Code.DEADLINE_EXCEEDED, () -> read.call(
                        statements.withDeadlineAfter(HASTY_MILLIS, TimeUnit.MILLISECONDS), person));
            } else {
                fails(Status.Code.CANCELLED, () -> cancelledSoon(() -> read.call(statements, person)));
            }
            Thread.sleep(FakeDetention.LATE_MILLIS + 1500);

            assertTrue(detention.calls() > asked, "the read was waiting for detention-service when its caller left");
            assertEquals("", CapturedLog.describe(log.warningsFrom("io.habeas")), rpc + " logged as if it had failed");
        }
        assertEquals(stored, database.count("statement"));
        detention.mode(FakeDetention.Mode.SERVE);
        read.call(statements, person);
    }

    /** Runs the call in a context its caller cancels after {@value #HASTY_MILLIS} ms, as a client giving up does. */
    private static Object cancelledSoon(Callable<Object> call) throws Exception {
        Context.CancellableContext context = Context.current().withCancellation();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> context.cancel(null), HASTY_MILLIS, TimeUnit.MILLISECONDS);
            return context.call(call);
        } finally {
            timer.shutdownNow();
        }
    }
}
