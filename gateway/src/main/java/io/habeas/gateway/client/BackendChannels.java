package io.habeas.gateway.client;

import io.grpc.ServiceDescriptor;
import io.grpc.netty.NettyChannelBuilder;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.grpc.RetriedCalls;
import io.habeas.kernel.grpc.StaticAddresses;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ReleaseOutcomeServiceGrpc;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.quarkus.grpc.api.ChannelBuilderCustomizer;
import io.quarkus.grpc.runtime.config.GrpcClientConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the backends' channels get beyond Quarkus's settings: a call failed with UNAVAILABLE or a lost connection (its
 * instance went away) is sent again to another instance (kernel RetriedCalls), so that a backend's
 * rolling restart costs no answer and never counts against its circuit breaker; and, where no DNS
 * name lists every instance, the instances listed in habeas.grpc.clients.NAME.addresses
 * (with the name resolver "static", kernel StaticAddresses).
 */
@ApplicationScoped
public class BackendChannels implements ChannelBuilderCustomizer<NettyChannelBuilder> {

    static List<ServiceDescriptor> servicesOf(String client) {
        return switch (client) {
            case "detention" -> List.of(PersonServiceGrpc.getServiceDescriptor(), DetentionServiceGrpc.getServiceDescriptor());
            case "statement" -> List.of(StatementServiceGrpc.getServiceDescriptor(), ActorServiceGrpc.getServiceDescriptor(),
                    ReleaseOutcomeServiceGrpc.getServiceDescriptor());
            default -> List.of();
        };
    }

    @Override
    public Map<String, Object> customize(String name, GrpcClientConfiguration config, NettyChannelBuilder builder) {
        List<ServiceDescriptor> services = servicesOf(name);
        if (services.isEmpty()) {
            return Map.of();
        }
        StaticAddresses.use(name, config.nameResolver(),
                ConfigProvider.getConfig().getOptionalValue("habeas.grpc.clients." + name + ".addresses", String.class),
                builder);
        return RetriedCalls.serviceConfig(services);
    }
}
