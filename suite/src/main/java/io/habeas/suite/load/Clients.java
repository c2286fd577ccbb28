package io.habeas.suite.load;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;

/** The load's gRPC channels to both services, sending one caller's bearer token with every call. */
public final class Clients implements AutoCloseable {
    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final ManagedChannel detentionChannel;
    private final ManagedChannel statementChannel;
    private final Channel detention;
    private final Channel statement;

    public Clients(int detentionPort, int statementPort, String token) {
        detentionChannel = open(detentionPort);
        statementChannel = open(statementPort);
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        var bearer = MetadataUtils.newAttachHeadersInterceptor(headers);
        detention = ClientInterceptors.intercept(detentionChannel, bearer);
        statement = ClientInterceptors.intercept(statementChannel, bearer);
    }

    private static ManagedChannel open(int port) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(MAX_ANSWER_BYTES).build();
    }

    public Channel detention() {
        return detention;
    }

    public Channel statement() {
        return statement;
    }

    /**
     * After the harness restarted a service: its own channels try at once instead of waiting out their
     * reconnect backoff. The services' channels to each other are left to reconnect on their own.
     */
    public void reconnectNow() {
        detentionChannel.resetConnectBackoff();
        statementChannel.resetConnectBackoff();
    }

    @Override
    public void close() throws InterruptedException {
        detentionChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        statementChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
