package io.habeas.gateway.rest;

import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.live.LiveStream;
import io.habeas.gateway.live.LiveStreams;
import io.habeas.gateway.live.ResumePoints;
import io.habeas.gateway.timeline.LiveTimelines;
import io.habeas.gateway.timeline.TimelineQuery;
import io.habeas.kernel.paging.QueryFingerprint;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The answer of a live timeline route (gateway/README.md, "Live timelines"). Everything that can be refused is
 * refused before the stream starts, as problem+json: the parameters and Last-Event-ID (400), the caps on open
 * streams (429), the person (404), detention-service down (503). The event stream is written as text here
 * (rather than by JAX-RS's SSE support, which commits its 200 before the first event is known).
 */
@ApplicationScoped
public class LiveResponses {

    static final String EVENT_STREAM = "text/event-stream";
    /** What the live routes say in the API document. */
    static final String DESCRIPTION = " as Server-Sent Events (text/event-stream): each change as it is written "
            + "(events added, corrected, retracted; data: the change, the event as the paged timeline shows it and its "
            + "sortKey), heartbeat comments, and a last event (end or reload) when the stream ends. Reconnect with "
            + "Last-Event-ID to resume exactly after the last event received.";
    static final String LAST_EVENT_ID = "the id of the last event received, to resume after it";
    /**
     * What the live routes produce for JAX-RS: plain text, which it streams as it is given once the answer's
     * headers (Content-Type: text/event-stream) are known. Declared as text/event-stream, JAX-RS would take over
     * the stream as its own SSE and commit a 200 before the person is checked.
     */
    static final String WRITTEN_AS = MediaType.TEXT_PLAIN;

    /** A live route is chosen whatever the client accepts (an EventSource asks for text/event-stream). */
    @ServerRequestFilter(preMatching = true)
    public void acceptStream(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("/timeline/live")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, WRITTEN_AS);
        }
    }

    @Inject
    LiveTimelines timelines;

    @Inject
    LiveStream stream;

    @Inject
    LiveStreams streams;

    @Inject
    AccessPolicy access;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken jwt;

    /**
     * Reads Last-Event-ID for this stream (a 400 naming it otherwise), takes a place among the open streams, then
     * finds the watches (a failure answers as problem+json) and streams.
     */
    RestMulti<String> stream(String timeline, String subject, TimelineQuery query, String lastEventId,
            Supplier<Uni<LiveTimelines.Plan>> plan, HttpServerResponse response) {
        QueryFingerprint fingerprint = query.fingerprint(timeline, subject, 0, access.reader());
        Map<String, String> from = ResumePoints.open(lastEventId, fingerprint);
        LiveStreams.Slot slot = streams.open(caller.getPrincipal().getName());
        Instant expires = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
        Uni<LiveTimelines.Plan> found;
        try {
            found = plan.get().onFailure().invoke(slot::release);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        return RestMulti.fromUniResponse(found,
                p -> stream.events(fingerprint, p.sources(), from, expires, () -> disconnect(response))
                        .onTermination().invoke(slot::release),
                LiveResponses::headers);
    }

    private static Map<String, List<String>> headers(LiveTimelines.Plan plan) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(EVENT_STREAM + ";charset=UTF-8"));
        headers.put("Cache-Control", List.of("no-store"));
        // proxies such as nginx would otherwise hold events back to fill their buffers
        headers.put("X-Accel-Buffering", List.of("no"));
        if (plan.truncated()) {
            headers.put("X-Habeas-Partial", List.of(Backend.STATEMENT.serviceName()));
        }
        return headers;
    }

    private static void disconnect(HttpServerResponse response) {
        if (!response.ended() && !response.closed()) {
            response.reset();
        }
    }
}
