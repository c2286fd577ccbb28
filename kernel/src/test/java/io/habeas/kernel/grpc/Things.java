package io.habeas.kernel.grpc;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in service, habeas.test.ThingService, with the kinds of method a Habeas service has: reads,
 * a write whose request carries a request_id and one whose request does not, and a streaming read.
 * Each instance is a real grpc-java server on a free loopback port answering what its test says.
 */
final class Things {
    static final String SERVICE = "habeas.test.ThingService";
    static final Descriptors.Descriptor WITH_REQUEST_ID = messageWithRequestId();

    static final MethodDescriptor<StringValue, StringValue> GET = unary("GetThing", StringValue.getDefaultInstance());
    static final MethodDescriptor<StringValue, StringValue> LIST = unary("ListThings", StringValue.getDefaultInstance());
    static final MethodDescriptor<StringValue, StringValue> SEARCH = unary("SearchThings", StringValue.getDefaultInstance());
    static final MethodDescriptor<StringValue, StringValue> BATCH_GET = unary("BatchGetThings", StringValue.getDefaultInstance());
    static final MethodDescriptor<DynamicMessage, StringValue> CREATE_WITH_ID = unary("CreateThing",
            DynamicMessage.getDefaultInstance(WITH_REQUEST_ID));
    static final MethodDescriptor<StringValue, StringValue> CREATE_WITHOUT_ID = unary("CreateOtherThing",
            StringValue.getDefaultInstance());
    static final MethodDescriptor<StringValue, StringValue> GETAWAY = unary("Getaway", StringValue.getDefaultInstance());
    static final MethodDescriptor<StringValue, StringValue> STREAM = MethodDescriptor.<StringValue, StringValue>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "ListThingsStream"))
            .setRequestMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
            .build();

    static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.newBuilder(SERVICE)
            .addMethod(GET).addMethod(LIST).addMethod(SEARCH).addMethod(BATCH_GET).addMethod(CREATE_WITH_ID)
            .addMethod(CREATE_WITHOUT_ID).addMethod(GETAWAY).addMethod(STREAM).build();

    private Things() {
    }

    /** One instance: every unary call counts as an attempt and gets what {@code answer} says for it (OK: its name). */
    static final class Instance implements AutoCloseable {
        final String name;
        final AtomicInteger attempts = new AtomicInteger();
        volatile Function<String, Status> answer = method -> Status.OK;
        /** The trailers sent with a failure. */
        volatile Metadata trailers = new Metadata();
        final Server server;

        Instance(String name) throws IOException {
            this.name = name;
            ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(DESCRIPTOR);
            for (MethodDescriptor<?, ?> method : DESCRIPTOR.getMethods()) {
                add(service, method);
            }
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(service.build()).build().start();
        }

        @SuppressWarnings("unchecked")
        private <Q> void add(ServerServiceDefinition.Builder service, MethodDescriptor<Q, ?> method) {
            MethodDescriptor<Q, StringValue> typed = (MethodDescriptor<Q, StringValue>) method;
            if (method.getType() != MethodDescriptor.MethodType.UNARY) {
                service.addMethod(typed, ServerCalls.asyncServerStreamingCall((request, out) -> out.onCompleted()));
                return;
            }
            service.addMethod(typed, ServerCalls.asyncUnaryCall((request, out) -> {
                attempts.incrementAndGet();
                Status status = answer.apply(method.getBareMethodName());
                if (status.isOk()) {
                    out.onNext(StringValue.of(name));
                    out.onCompleted();
                } else {
                    out.onError(status.asRuntimeException(trailers));
                }
            }));
        }

        String address() {
            return "127.0.0.1:" + server.getPort();
        }

        @Override
        public void close() throws InterruptedException {
            server.shutdownNow().awaitTermination();
        }
    }

    /** A client of these instances as the Habeas applications build theirs: static addresses, round_robin, the retry rule. */
    static ManagedChannel channelTo(Instance... instances) {
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(StaticAddresses.SCHEME + "://things");
        StaticAddresses.use("things", StaticAddresses.SCHEME,
                Optional.of(String.join(",", java.util.Arrays.stream(instances).map(Instance::address).toList())), builder);
        return builder.defaultLoadBalancingPolicy("round_robin")
                .defaultServiceConfig(RetriedCalls.serviceConfig(List.of(DESCRIPTOR)))
                .enableRetry()
                .usePlaintext()
                .build();
    }

    private static <Q extends Message> MethodDescriptor<Q, StringValue> unary(String name, Q requestPrototype) {
        return MethodDescriptor.<Q, StringValue>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(ProtoUtils.marshaller(requestPrototype))
                .setResponseMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
                .build();
    }

    private static Descriptors.Descriptor messageWithRequestId() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("habeas/test/things.proto")
                .setPackage("habeas.test").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("CreateThingRequest")
                        .addField(FieldDescriptorProto.newBuilder().setName("thing").setNumber(1)
                                .setType(FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(FieldDescriptorProto.newBuilder().setName(RetriedCalls.REQUEST_ID).setNumber(2)
                                .setType(FieldDescriptorProto.Type.TYPE_STRING)))
                .build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName("CreateThingRequest");
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }
}
