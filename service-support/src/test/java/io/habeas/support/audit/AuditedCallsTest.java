package io.habeas.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.habeas.support.testing.RecordedServerCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A Habeas call sends only the answer the read audit passed; other services are left alone. */
class AuditedCallsTest {
    private static final String GET_THING = "habeas.test.v1.ThingService/GetThing";

    @Test
    void theAnswerTheAuditPassedIsSentAndTheMethodIsKnownToIt() {
        List<String> methods = new ArrayList<>();
        RecordedServerCall call = serve(GET_THING, served -> {
            methods.add(AuditedCalls.method());
            String answer = "a person";
            AuditedCalls.passed(answer);
            served.sendMessage(answer);
            served.close(Status.OK, new Metadata());
        });
        assertEquals(List.of(GET_THING), methods);
        assertEquals(List.of("a person"), call.sent);
        assertEquals(List.of(Status.Code.OK), call.closed);
    }

    @Test
    void anAnswerTheAuditDidNotPassIsNeverSent() {
        RecordedServerCall call = serve(GET_THING, served -> {
            AuditedCalls.passed("another answer");
            served.sendMessage("a person");
            served.close(Status.OK, new Metadata());
        });
        assertEquals(List.of(), call.sent);
        assertEquals(List.of(Status.Code.INTERNAL), call.closed);
    }

    @Test
    void servicesOtherThanHabeasAreNotGuarded() {
        RecordedServerCall call = serve("grpc.health.v1.Health/Check", served -> {
            served.sendMessage("SERVING");
            served.close(Status.OK, new Metadata());
        });
        assertEquals(List.of("SERVING"), call.sent);
        assertEquals(List.of(Status.Code.OK), call.closed);
    }

    /** Starts a call of this method through the interceptor, and answers it when the request is in. */
    private static RecordedServerCall serve(String method, Consumer<ServerCall<String, String>> answer) {
        RecordedServerCall call = new RecordedServerCall(method);
        ServerCallHandler<String, String> handler = (served, headers) -> new ServerCall.Listener<>() {
            @Override
            public void onHalfClose() {
                answer.accept(served);
            }
        };
        new AuditedCalls().interceptCall(call, new Metadata(), handler).onHalfClose();
        return call;
    }
}
