package io.habeas.suite.transfer;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;

/** The service the tool talks to: one channel, sending the caller's bearer token with every call. */
final class Target implements AutoCloseable {
    /** An export response holds up to 500 persons with everything under them. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final ManagedChannel channel;
    private final Channel withToken;

    Target(String hostPort, boolean tls, String token) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--target must be host:port, not " + hostPort);
        }
        var builder = ManagedChannelBuilder.forAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))
                .maxInboundMessageSize(MAX_ANSWER_BYTES);
        channel = (tls ? builder.useTransportSecurity() : builder.usePlaintext()).build();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        withToken = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    Channel channel() {
        return withToken;
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
