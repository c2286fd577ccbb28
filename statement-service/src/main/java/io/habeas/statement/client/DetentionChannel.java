package io.habeas.statement.client;

import io.grpc.netty.NettyChannelBuilder;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.grpc.RetriedCalls;
import io.habeas.kernel.grpc.StaticAddresses;
import io.quarkus.grpc.api.ChannelBuilderCustomizer;
import io.quarkus.grpc.runtime.config.GrpcClientConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the channel to detention-service gets beyond Quarkus's settings: a person or detention lookup
 * that failed with UNAVAILABLE or a lost connection (its instance went away) is sent again to another instance (kernel
 * RetriedCalls), so that a rolling restart of detention-service fails no request here; and, where no
 * DNS name lists every instance, the instances listed in habeas.grpc.clients.detention.addresses (with
 * the name resolver "static", kernel StaticAddresses).
 */
@ApplicationScoped
public class DetentionChannel implements ChannelBuilderCustomizer<NettyChannelBuilder> {
    static final String CLIENT = "detention";

    @Override
    public Map<String, Object> customize(String name, GrpcClientConfiguration config, NettyChannelBuilder builder) {
        if (!CLIENT.equals(name)) {
            return Map.of();
        }
        StaticAddresses.use(name, config.nameResolver(),
                ConfigProvider.getConfig().getOptionalValue("habeas.grpc.clients." + name + ".addresses", String.class),
                builder);
        return RetriedCalls.serviceConfig(List.of(PersonServiceGrpc.getServiceDescriptor(),
                DetentionServiceGrpc.getServiceDescriptor()));
    }
}
