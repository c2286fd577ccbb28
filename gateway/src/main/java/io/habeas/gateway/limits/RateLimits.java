package io.habeas.gateway.limits;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.rest.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client rate limits on the API port (the management port, with health and metrics, is another
 * router and never limited). A client is the verified token's subject; a request without a token
 * that verifies is counted against its remote address, so bad tokens are limited too. Over the
 * limit: 429 problem+json with Retry-After in seconds.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    GatewayConfig config;

    @Inject
    CurrentIdentityAssociation identities;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        GatewayConfig.RateLimit settings = config.rateLimit();
        if (settings.requests() > 0) {
            limiter = new RateLimiter(settings.requests(), settings.period().toNanos(), settings.maxClients(), System::nanoTime);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(HttpServerRequest request) {
        if (limiter == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> {
                    long wait = limiter.acquire(client(identity, request));
                    return wait == 0 ? null : tooMany(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
                });
    }

    private static String client(SecurityIdentity identity, HttpServerRequest request) {
        if (identity != null && !identity.isAnonymous()) {
            return "subject:" + identity.getPrincipal().getName();
        }
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    private static Response tooMany(long retryAfterSeconds) {
        return Response.fromResponse(ProblemMappers.problem(429, "Too many requests",
                "This client made more requests than the gateway allows; retry after " + retryAfterSeconds + " seconds",
                Map.of())).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
