package io.habeas.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        Recorded call = serve(GET_THING, served -> {
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
        Recorded call = serve(GET_THING, served -> {
            AuditedCalls.passed("another answer");
            served.sendMessage("a person");
            served.close(Status.OK, new Metadata());
        });
        assertEquals(List.of(), call.sent);
        assertEquals(List.of(Status.Code.INTERNAL), call.closed);
    }

    @Test
    void servicesOtherThanHabeasAreNotGuarded() {
        Recorded call = serve("grpc.health.v1.Health/Check", served -> {
            served.sendMessage("SERVING");
            served.close(Status.OK, new Metadata());
        });
        assertEquals(List.of("SERVING"), call.sent);
        assertEquals(List.of(Status.Code.OK), call.closed);
    }

    /** Starts a call of this method through the interceptor, and answers it when the request is in. */
    private static Recorded serve(String method, Consumer<ServerCall<String, String>> answer) {
        Recorded call = new Recorded(method);
        ServerCallHandler<String, String> handler = (served, headers) -> new ServerCall.Listener<>() {
            @Override
            public void onHalfClose() {
                answer.accept(served);
            }
        };
        new AuditedCalls().interceptCall(call, new Metadata(), handler).onHalfClose();
        return call;
    }

    private static final class Recorded extends ServerCall<String, String> {
        final List<String> sent = new ArrayList<>();
        final List<Status.Code> closed = new ArrayList<>();
        private final MethodDescriptor<String, String> method;

        Recorded(String name) {
            MethodDescriptor.Marshaller<String> text = new MethodDescriptor.Marshaller<>() {
                @Override
                public InputStream stream(String value) {
                    return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public String parse(InputStream stream) {
                    return "";
                }
            };
            method = MethodDescriptor.<String, String>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(name).setRequestMarshaller(text).setResponseMarshaller(text).build();
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(String message) {
            sent.add(message);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closed.add(status.getCode());
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @Override
        public MethodDescriptor<String, String> getMethodDescriptor() {
            return method;
        }
    }
}
