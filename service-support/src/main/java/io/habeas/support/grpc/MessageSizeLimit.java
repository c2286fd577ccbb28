package io.habeas.support.grpc;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says why a request was refused for its size. The Vert.x gRPC server answers a message over
 * {@code quarkus.grpc.server.max-inbound-message-size} with RESOURCE_EXHAUSTED and no message at
 * all, before any of the service's code runs; this fills in the limit, so the client knows what
 * to send instead of guessing.
 */
@ApplicationScoped
public class MessageSizeLimit {
    private static final int FILTER_PRIORITY = 900;
    private static final String RESOURCE_EXHAUSTED = "8";

    @ConfigProperty(name = "quarkus.grpc.server.max-inbound-message-size")
    int maxBytes;

    void install(@Observes Filters filters) {
        filters.register(this::describeRefusal, FILTER_PRIORITY);
    }

    /** The message a refused request gets: printable ASCII, which grpc-message carries as it is. */
    String description() {
        return "the request is larger than this service accepts: at most " + maxBytes
                + " bytes per message (a list page or a smaller batch fits)";
    }

    private void describeRefusal(RoutingContext context) {
        String type = context.request().getHeader("content-type");
        if (type != null && type.startsWith("application/grpc")) {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ignored -> {
                if (RESOURCE_EXHAUSTED.equals(response.headers().get("grpc-status"))
                        && response.headers().get("grpc-message") == null) {
                    response.headers().set("grpc-message", description());
                }
            });
        }
        context.next();
    }
}
