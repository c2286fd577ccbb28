package io.habeas.gateway.rest;

import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.live.LiveStream;
import io.habeas.gateway.live.LiveStreams;
import io.habeas.gateway.live.ResumePoints;
import io.habeas.gateway.timeline.EventMapper;
import io.habeas.gateway.timeline.LiveTimelines;
import io.habeas.gateway.timeline.TimelineQuery;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.QueryFingerprint;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The live timelines, as Server-Sent Events (gateway/README.md, "Live timelines"). Everything that can be
 * refused is refused before the stream starts, as problem+json: the parameters and Last-Event-ID (400), the
 * caps on open streams (429), the person (404), detention-service down (503). The event stream itself is
 * written as text here (rather than by JAX-RS's SSE support, which commits its 200 before the first event).
 */
@Path("/api/v1")
@Tag(name = "Live timelines")
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class LiveTimelineResource {

    static final String EVENT_STREAM = "text/event-stream";
    private static final String DESCRIPTION = " as Server-Sent Events (text/event-stream): each change as it is written "
            + "(events added, corrected, retracted; data: the change, the event as the paged timeline shows it and its "
            + "sortKey), heartbeat comments, and a last event (end or reload) when the stream ends. Reconnect with "
            + "Last-Event-ID to resume exactly after the last event received.";

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

    @GET
    @Path("/persons/{personId}/timeline/live")
    @Operation(summary = "A person's timeline, live", description = "The person's timeline" + DESCRIPTION)
    public RestMulti<String> person(@PathParam("personId") String personId,
            @Parameter(description = "detention, custody, charge, charge_status, court, incident, claim; comma-separated or repeated") @QueryParam("kind") List<String> kind,
            @Parameter(description = "the id of the last event received, to resume after it") @HeaderParam(ResumePoints.HEADER) String lastEventId,
            @Context HttpServerResponse response) {
        PersonName person = Params.person(personId);
        TimelineQuery query = PersonResource.query(null, null, kind, PersonResource.PERSON_KINDS, Set.of(), null);
        QueryFingerprint fingerprint = query.fingerprint("person-timeline-live", person.toString(), 0, access.reader());
        Map<String, String> from = ResumePoints.open(lastEventId, fingerprint);
        return start(fingerprint, from, () -> timelines.person(person, query), response);
    }

    @GET
    @Path("/countries/{countryCode}/timeline/live")
    @Operation(summary = "A country's timeline, live", description = "The country's timeline (its roles as the paged "
            + "one's)" + DESCRIPTION)
    public RestMulti<String> country(@PathParam("countryCode") String countryCode,
            @Parameter(description = "detaining, speaking, subject; comma-separated or repeated; all by default") @QueryParam("role") List<String> role,
            @Parameter(description = "detention, custody, charge, charge_status, court, incident, statement, claim") @QueryParam("kind") List<String> kind,
            @Parameter(description = "the id of the last event received, to resume after it") @HeaderParam(ResumePoints.HEADER) String lastEventId,
            @Context HttpServerResponse response) {
        String country = Params.countryPath(countryCode);
        TimelineQuery query = PersonResource.query(null, null, kind, EventMapper.ALL_KINDS,
                Params.oneOf("role", role, List.of("detaining", "speaking", "subject")), null);
        QueryFingerprint fingerprint = query.fingerprint("country-timeline-live", country, 0, access.reader());
        Map<String, String> from = ResumePoints.open(lastEventId, fingerprint);
        return start(fingerprint, from, () -> timelines.country(country, query), response);
    }

    /** Takes a place among the open streams, then finds the watches (a failure answers as problem+json) and streams. */
    private RestMulti<String> start(QueryFingerprint fingerprint, Map<String, String> from,
            java.util.function.Supplier<Uni<LiveTimelines.Plan>> plan, HttpServerResponse response) {
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
                LiveTimelineResource::headers);
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
