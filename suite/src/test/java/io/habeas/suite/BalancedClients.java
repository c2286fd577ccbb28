package io.habeas.suite;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ServiceDescriptor;
import io.habeas.kernel.grpc.RetriedCalls;
import io.habeas.kernel.grpc.StaticAddresses;
import java.util.List;
import java.util.Optional;

/** A test's gRPC client of every instance of a service, built as the gateway and statement-service build theirs. */
final class BalancedClients {

    private BalancedClients() {
    }

    /** Round robin over the instances; a call that fails with UNAVAILABLE is sent again as kernel RetriedCalls says. */
    static ManagedChannel of(List<ServiceProcess> instances, ServiceDescriptor... services) {
        String name = instances.get(0).name;
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(StaticAddresses.SCHEME + "://" + name);
        StaticAddresses.use(name, StaticAddresses.SCHEME,
                Optional.of(String.join(",", instances.stream().map(s -> "127.0.0.1:" + s.port).toList())), builder);
        return builder.defaultLoadBalancingPolicy("round_robin")
                .defaultServiceConfig(RetriedCalls.serviceConfig(List.of(services)))
                .enableRetry()
                .usePlaintext()
                .build();
    }

    /** One instance only, over a connection of its own. */
    static ManagedChannel direct(ServiceProcess instance) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", instance.port).usePlaintext().build();
    }
}
