package io.habeas.kernel.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.StringValue;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retry rule over real channels and servers: two instances of a stand-in service behind one
 * client balancing round robin, as the gateway and statement-service call theirs.
 */
class RetriedCallsTest {
    private Things.Instance first;
    private Things.Instance second;
    private ManagedChannel channel;

    @BeforeEach
    void startTwoInstances() throws Exception {
        first = new Things.Instance("first");
        second = new Things.Instance("second");
        channel = Things.channelTo(first, second);
        bothConnected();
    }

    /**
     * Round robin picks only instances it is connected to: until the second connection is up, every
     * attempt goes to the first (on a busy machine, a retry too). So each scenario starts with both.
     */
    private void bothConnected() {
        for (int i = 0; i < 100 && (first.attempts.get() == 0 || second.attempts.get() == 0); i++) {
            get(Things.GET);
        }
        assertTrue(first.attempts.get() > 0 && second.attempts.get() > 0, "round robin never reached both instances");
        first.attempts.set(0);
        second.attempts.set(0);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        first.close();
        second.close();
    }

    @Test
    void readsAndWritesWithARequestIdMayBeSentAgainOtherWritesAndStreamsNot() {
        for (MethodDescriptor<?, ?> read : List.of(Things.GET, Things.LIST, Things.SEARCH, Things.BATCH_GET)) {
            assertTrue(RetriedCalls.mayRetry(read), read.getFullMethodName());
        }
        assertTrue(RetriedCalls.mayRetry(Things.CREATE_WITH_ID));
        assertFalse(RetriedCalls.mayRetry(Things.CREATE_WITHOUT_ID));
        assertFalse(RetriedCalls.mayRetry(Things.GETAWAY), "a verb is a whole word, not a prefix of one");
        assertFalse(RetriedCalls.mayRetry(Things.STREAM));
    }

    @Test
    void theServiceConfigNamesExactlyTheMethodsThatMayBeSentAgainAndOnlyUnavailableOrUnknown() {
        @SuppressWarnings("unchecked")
        Map<String, Object> methodConfig = ((List<Map<String, Object>>) RetriedCalls.serviceConfig(List.of(Things.DESCRIPTOR))
                .get("methodConfig")).get(0);
        @SuppressWarnings("unchecked")
        Set<Object> named = new HashSet<>(((List<Map<String, Object>>) methodConfig.get("name")).stream()
                .map(name -> name.get("method")).toList());
        assertEquals(Set.of("GetThing", "ListThings", "SearchThings", "BatchGetThings", "CreateThing"), named);
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) methodConfig.get("retryPolicy");
        assertEquals(List.of("UNAVAILABLE", "UNKNOWN"), policy.get("retryableStatusCodes"));
        assertEquals(3.0, policy.get("maxAttempts"));
        assertEquals(Map.of(), RetriedCalls.serviceConfig(List.of()), "no service, no config");
    }

    @Test
    void aReadThatOneInstanceAnswersUnavailableIsAnsweredByTheOther() {
        first.answer = method -> Status.UNAVAILABLE.withDescription("shutting down");
        for (int i = 0; i < 20; i++) {
            assertEquals("second", get(Things.GET).getValue());
        }
        assertTrue(first.attempts.get() > 0, "round robin never tried the failing instance, so nothing was retried");
    }

    @Test
    void aReadWhoseConnectionWasLostIsAnsweredByTheOtherInstance() {
        // grpc-java's code for a connection reset mid-call; a stand-in answers it here, as no test can time a reset.
        first.answer = method -> Status.UNKNOWN.withDescription("channel closed");
        for (int i = 0; i < 20; i++) {
            assertEquals("second", get(Things.GET).getValue());
        }
        assertTrue(first.attempts.get() > 0, "round robin never tried the failing instance, so nothing was retried");
    }

    @Test
    void aCallIsTriedAtMostThreeTimes() {
        first.answer = method -> Status.UNAVAILABLE;
        second.answer = method -> Status.UNAVAILABLE;
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> get(Things.GET));
        assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode());
        assertEquals(RetriedCalls.MAX_ATTEMPTS, first.attempts.get() + second.attempts.get());
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"INTERNAL", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED",
            "ABORTED", "NOT_FOUND", "INVALID_ARGUMENT", "FAILED_PRECONDITION", "CANCELLED"})
    void noOtherCodeIsRetried(Status.Code code) {
        first.answer = method -> Status.fromCode(code);
        second.answer = method -> Status.fromCode(code);
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> get(Things.GET));
        assertEquals(code, failure.getStatus().getCode());
        assertEquals(1, first.attempts.get() + second.attempts.get());
    }

    @Test
    void aWriteIsSentAgainOnlyWhenItsRequestCarriesARequestId() {
        first.answer = method -> Status.UNAVAILABLE;
        second.answer = method -> Status.UNAVAILABLE;
        assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, Things.CREATE_WITHOUT_ID,
                CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), StringValue.of("thing")));
        assertEquals(1, first.attempts.get() + second.attempts.get());

        first.attempts.set(0);
        second.attempts.set(0);
        DynamicMessage withId = DynamicMessage.newBuilder(Things.WITH_REQUEST_ID)
                .setField(Things.WITH_REQUEST_ID.findFieldByName("request_id"), "7f1c").build();
        assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, Things.CREATE_WITH_ID,
                CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), withId));
        assertEquals(RetriedCalls.MAX_ATTEMPTS, first.attempts.get() + second.attempts.get());
    }

    /** How a service says another instance would answer the same (its database is down): gRFC A6 pushback. */
    @Test
    void anAnswerThatAsksNotToBeRetriedIsNotSentAgain() {
        Metadata noRetry = new Metadata();
        noRetry.put(Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER), "-1");
        for (Things.Instance instance : List.of(first, second)) {
            instance.answer = method -> Status.UNAVAILABLE;
            instance.trailers = noRetry;
        }
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                channel, Things.GET, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), StringValue.of("x")));
        assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode());
        assertEquals(1, first.attempts.get() + second.attempts.get());
    }

    @Test
    void retriesStayWithinTheCallsDeadline() {
        Status slowThenUnavailable = Status.UNAVAILABLE;
        first.answer = method -> sleepThen(300, slowThenUnavailable);
        second.answer = method -> sleepThen(300, slowThenUnavailable);
        long started = System.nanoTime();
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                channel, Things.GET, CallOptions.DEFAULT.withDeadlineAfter(500, TimeUnit.MILLISECONDS), StringValue.of("x")));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(Status.Code.DEADLINE_EXCEEDED, failure.getStatus().getCode());
        assertTrue(tookMillis < 1000, "took " + tookMillis + " ms");
        assertTrue(first.attempts.get() + second.attempts.get() <= 2);
    }

    @Test
    void callsGoOnWhileAnInstanceStops() throws Exception {
        for (int i = 0; i < 200; i++) {
            if (i == 100) {
                first.server.shutdown();
            }
            get(Things.LIST);
        }
        first.server.awaitTermination(5, TimeUnit.SECONDS);
        int before = second.attempts.get();
        get(Things.LIST);
        assertEquals(before + 1, second.attempts.get(), "the stopped instance still got calls");
    }

    private StringValue get(MethodDescriptor<StringValue, StringValue> method) {
        return ClientCalls.blockingUnaryCall((Channel) channel, method,
                CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), StringValue.of("x"));
    }

    private static Status sleepThen(long millis, Status status) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }
}
