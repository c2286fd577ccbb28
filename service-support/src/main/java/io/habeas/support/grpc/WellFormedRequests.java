package io.habeas.support.grpc;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request that is not the method's message is the client's mistake, INVALID_ARGUMENT. Without
 * this, the Vert.x bridge that serves gRPC on the HTTP port drops a message protobuf cannot parse
 * (a string that is not UTF-8, such as a lone UTF-16 surrogate) and the unary call then ends
 * INTERNAL "Half-closed without a request"; grpc-java itself would say INTERNAL too. Here each
 * unary method takes its request as bytes and parses it inside the call, where a failure is
 * answered with the field it is in; so are a call without a request and one with two.
 *
 * <p>Each gRPC service applies it in {@code bindService()}: {@code return WellFormedRequests.of(super.bindService());}
 */
public final class WellFormedRequests {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final StatusRuntimeException ONE_MESSAGE = Status.INVALID_ARGUMENT
            .withDescription("a unary call takes exactly one request message").asRuntimeException();

    private WellFormedRequests() {
    }

    /**
     * The service with every unary method parsing its own request: a request protobuf cannot parse
     * is INVALID_ARGUMENT naming its field, never INTERNAL. Each service returns this from its
     * {@code bindService()}, marked {@code @PermitAll}: it is called once at startup, outside any
     * call, so the class's roles are not that method's.
     */
    public static ServerServiceDefinition of(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        service.getMethods().forEach(method -> methods.add(method.getMethodDescriptor().getType() == MethodDescriptor.MethodType.UNARY
                ? guarded(method) : method));
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(guarded::addMethod);
        return guarded.build();
    }

    private static <Q, R> ServerMethodDefinition<byte[], R> guarded(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> typed = method.getMethodDescriptor();
        MethodDescriptor<byte[], R> raw = typed.toBuilder(BYTES, typed.getResponseMarshaller()).build();
        return ServerMethodDefinition.create(raw, (call, headers) -> new Parsing<>(typed, method.getServerCallHandler(), call, headers));
    }

    /** The listener of one call: parses its one request, or answers the call itself. */
    private static final class Parsing<Q, R> extends ServerCall.Listener<byte[]> {
        private final MethodDescriptor<Q, R> typed;
        private final ServerCall<byte[], R> call;
        private final ServerCall.Listener<Q> delegate;
        private boolean received;
        private boolean refused;

        Parsing(MethodDescriptor<Q, R> typed, ServerCallHandler<Q, R> handler, ServerCall<byte[], R> call, Metadata headers) {
            this.typed = typed;
            this.call = call;
            this.delegate = handler.startCall(new TypedCall<>(call, typed), headers);
        }

        @Override
        public void onMessage(byte[] message) {
            if (refused) {
                return;
            }
            if (received) {
                refuse(ONE_MESSAGE);
                return;
            }
            received = true;
            Q request;
            try {
                request = typed.parseRequest(new ByteArrayInputStream(message));
            } catch (RuntimeException e) {
                refuse(unparseable(message));
                return;
            }
            delegate.onMessage(request);
        }

        @Override
        public void onHalfClose() {
            if (refused) {
                return;
            }
            if (!received) {
                refuse(ONE_MESSAGE);
                return;
            }
            delegate.onHalfClose();
        }

        @Override
        public void onCancel() {
            delegate.onCancel();
        }

        @Override
        public void onComplete() {
            delegate.onComplete();
        }

        @Override
        public void onReady() {
            delegate.onReady();
        }

        /** INVALID_ARGUMENT naming the string field that is not UTF-8, or saying the bytes are no such message. */
        private StatusRuntimeException unparseable(byte[] message) {
            if (typed.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> prototype
                    && prototype.getMessagePrototype() instanceof Message m) {
                Optional<String> field = InvalidUtf8.field(m.getDescriptorForType(), message);
                return field.isPresent() ? GrpcErrors.toStatus(InvalidArgumentException.of(field.get(),
                        "is not valid UTF-8 text (a lone UTF-16 surrogate, or bytes that encode no character)"))
                        : Status.INVALID_ARGUMENT.withDescription("the request is not a well-formed "
                                + m.getDescriptorForType().getName()).asRuntimeException();
            }
            return Status.INVALID_ARGUMENT.withDescription("the request is not a well-formed message").asRuntimeException();
        }

        private void refuse(StatusRuntimeException mistake) {
            refused = true;
            call.close(mistake.getStatus(), mistake.getTrailers() == null ? new Metadata() : mistake.getTrailers());
        }
    }

    /** The call as the service's typed handler sees it: its own method descriptor, everything else the real call's. */
    private static final class TypedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final MethodDescriptor<Q, R> typed;

        // ServerCall uses its request type only in getMethodDescriptor, which this class answers itself.
        @SuppressWarnings("unchecked")
        TypedCall(ServerCall<byte[], R> call, MethodDescriptor<Q, R> typed) {
            super((ServerCall<Q, R>) (ServerCall<?, R>) call);
            this.typed = typed;
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return typed;
        }
    }
}
