package io.habeas.statement.client;

import io.grpc.Channel;
import io.habeas.kernel.grpc.PromptReconnect;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A detention-service instance that restarted is used again within a second of being up (kernel PromptReconnect). */
@Startup
@ApplicationScoped
public class DetentionReconnects {
    @GrpcClient(DetentionChannel.CLIENT)
    Channel detention;

    private PromptReconnect reconnect;

    @PostConstruct
    void start() {
        reconnect = PromptReconnect.of(List.of(detention), PromptReconnect.INTERVAL);
    }

    @PreDestroy
    void stop() {
        reconnect.close();
    }
}
