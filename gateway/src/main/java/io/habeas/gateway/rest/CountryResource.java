package io.habeas.gateway.rest;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.api.CountrySummary;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.gateway.service.CountrySummaryService;
import io.habeas.gateway.timeline.CountryTimelines;
import io.habeas.gateway.timeline.EventMapper;
import io.habeas.gateway.timeline.TimelineQuery;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.time.PartialDate;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import io.habeas.gateway.live.ResumePoints;
import io.habeas.gateway.timeline.LiveTimelines;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/v1/countries/{countryCode}")
@Tag(name = "Countries")
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class CountryResource {

    @Inject
    CountryTimelines timelines;

    @Inject
    CountrySummaryService summaries;

    @Inject
    GatewayConfig config;

    @Inject
    LiveResponses live;

    @Inject
    LiveTimelines liveTimelines;

    @GET
    @Path("/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A country's timeline", description = "detaining: its detentions, custody events, court events "
            + "and charges, incidents by its authorities (travel bans, summonses, searches), and claims about persons it "
            + "detains; speaking: statements by its actors; subject: claims about it or "
            + "addressed to it. Same order as a person's timeline (each detention in its lifecycle's order); on equal "
            + "dates detention-service first, then statements, claims about the country, claims about its detainees. "
            + "format=csv (or Accept: text/csv) "
            + "downloads the whole timeline as CSV, streamed.")
    public Uni<Response> timeline(@PathParam("countryCode") String countryCode,
            @Parameter(description = "detaining, speaking, subject; comma-separated or repeated; all by default") @QueryParam("role") List<String> role,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "detention, custody, charge, charge_status, court, incident, statement, claim") @QueryParam("kind") List<String> kind,
            @Parameter(description = "1 to 200, default 50") @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Parameter(description = PersonResource.AS_OF) @QueryParam(Params.AS_OF) String asOf) {
        String country = Params.countryPath(countryCode);
        TimelineQuery query = query(from, to, kind, role, asOf);
        int size = Params.pageSize(pageSize, 50, 200);
        Formats.csv(format, List.of());
        return timelines.timeline(country, query, cursor, size)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    /** The same timeline as CSV (Formats chose it), streamed. */
    @GET
    @Path("/timeline")
    @Produces(Formats.CSV)
    @Operation(hidden = true)
    public RestMulti<String> timelineCsv(@PathParam("countryCode") String countryCode, @QueryParam("role") List<String> role,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("kind") List<String> kind,
            @QueryParam("pageSize") String pageSize, @QueryParam(CursorCodec.PARAM) String cursor,
            @QueryParam("format") String format, @QueryParam(Params.AS_OF) String asOf) {
        String country = Params.countryPath(countryCode);
        TimelineQuery query = query(from, to, kind, role, asOf);
        Params.pageSize(pageSize, 50, 200);
        return TimelineCsv.download(c -> timelines.timeline(country, query, c, 200), config.csv().maxEvents(),
                "country-" + country + "-timeline.csv");
    }

    @GET
    @Path("/timeline/live")
    @Produces(LiveResponses.WRITTEN_AS)
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = LiveResponses.EVENT_STREAM, schema = @Schema(implementation = String.class)))
    @Operation(summary = "A country's timeline, live", description = "The country's timeline (its roles as the paged one's)"
            + LiveResponses.DESCRIPTION)
    public RestMulti<String> live(@PathParam("countryCode") String countryCode,
            @Parameter(description = "detaining, speaking, subject; comma-separated or repeated; all by default") @QueryParam("role") List<String> role,
            @Parameter(description = "detention, custody, charge, charge_status, court, incident, statement, claim") @QueryParam("kind") List<String> kind,
            @Parameter(description = LiveResponses.LAST_EVENT_ID) @HeaderParam(ResumePoints.HEADER) String lastEventId,
            @Context HttpServerResponse response) {
        String country = Params.countryPath(countryCode);
        TimelineQuery query = query(null, null, kind, role, null);
        return live.stream("country-timeline-live", country, query, lastEventId, () -> liveTimelines.country(country, query),
                response);
    }

    private static TimelineQuery query(String from, String to, List<String> kind, List<String> role, String asOf) {
        return PersonResource.query(from, to, kind, EventMapper.ALL_KINDS,
                Params.oneOf("role", role, List.of("detaining", "speaking", "subject")), asOf);
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A detaining country's summary", description = "Held now, new detentions and releases per month, "
            + "most-used articles, calls for release by speaker country, persons with outstanding calls.")
    public Uni<CountrySummary> summary(@PathParam("countryCode") String countryCode, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "how many articles, 1 to 100, default 10") @QueryParam("articles") String articles,
            @Parameter(description = PersonResource.AS_OF) @QueryParam(Params.AS_OF) String asOf) {
        String country = Params.countryPath(countryCode);
        PartialDate f = Params.date("from", from);
        PartialDate t = Params.date("to", to);
        Params.checkRange(f, t);
        int limit = Params.whole("articles", articles, 10, 100);
        return summaries.summary(country, TimelineQuery.dateRange(f, t), limit, Params.asOf(asOf));
    }
}
