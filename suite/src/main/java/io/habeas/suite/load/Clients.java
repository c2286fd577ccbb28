package io.habeas.suite.load;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.habeas.kernel.grpc.StaticAddresses;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The load's gRPC channels to both services, sending one caller's bearer token with every call. With
 * several instances of a service, calls go round robin to those that are up, as a deployment's
 * clients do; the harness's own retries, not the channel's, send a failed call again, so that it
 * sees every answer.
 */
public final class Clients implements AutoCloseable {
    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final ManagedChannel detentionChannel;
    private final ManagedChannel statementChannel;
    private final Channel detention;
    private final Channel statement;

    public Clients(int detentionPort, int statementPort, String token) {
        this(List.of(detentionPort), List.of(statementPort), token);
    }

    public Clients(List<Integer> detentionPorts, List<Integer> statementPorts, String token) {
        detentionChannel = open("detention-service", detentionPorts);
        statementChannel = open("statement-service", statementPorts);
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        var bearer = MetadataUtils.newAttachHeadersInterceptor(headers);
        detention = ClientInterceptors.intercept(detentionChannel, bearer);
        statement = ClientInterceptors.intercept(statementChannel, bearer);
    }

    private static ManagedChannel open(String service, List<Integer> ports) {
        if (ports.size() == 1) {
            return ManagedChannelBuilder.forAddress("127.0.0.1", ports.get(0)).usePlaintext()
                    .maxInboundMessageSize(MAX_ANSWER_BYTES).build();
        }
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(StaticAddresses.SCHEME + "://" + service);
        StaticAddresses.use(service, StaticAddresses.SCHEME,
                Optional.of(String.join(",", ports.stream().map(port -> "127.0.0.1:" + port).toList())), builder);
        return builder.defaultLoadBalancingPolicy("round_robin").usePlaintext().maxInboundMessageSize(MAX_ANSWER_BYTES).build();
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
