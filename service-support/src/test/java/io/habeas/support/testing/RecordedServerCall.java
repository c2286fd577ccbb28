package io.habeas.support.testing;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A server call of a unary text method, for an interceptor's test: what it sent and how it was closed. */
public final class RecordedServerCall extends ServerCall<String, String> {
    public final List<String> sent = new ArrayList<>();
    public final List<Status.Code> closed = new ArrayList<>();
    /** The status and trailers of the last close. */
    public volatile Status status;
    public volatile Metadata trailers;
    private final MethodDescriptor<String, String> method;

    public RecordedServerCall(String name) {
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
        this.status = status;
        this.trailers = trailers;
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
