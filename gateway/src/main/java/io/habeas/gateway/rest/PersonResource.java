package io.habeas.gateway.rest;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.api.HistoryPage;
import io.habeas.gateway.api.PersonPage;
import io.habeas.gateway.api.PersonProfile;
import io.habeas.gateway.api.PersonReleaseOutcome;
import io.habeas.gateway.history.RecordHistories;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.gateway.service.Custody;
import io.habeas.gateway.service.PersonDirectory;
import io.habeas.gateway.service.ProfileService;
import io.habeas.gateway.service.ReleaseOutcomes;
import io.habeas.gateway.timeline.EventMapper;
import io.habeas.gateway.timeline.PersonTimelines;
import io.habeas.gateway.timeline.TimelineQuery;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.names.PersonName;
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
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/v1/persons")
@Tag(name = "Persons")
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class PersonResource {

    @Inject
    PersonDirectory directory;

    @Inject
    ProfileService profiles;

    @Inject
    PersonTimelines timelines;

    @Inject
    RecordHistories histories;

    @Inject
    ReleaseOutcomes outcomes;

    @Inject
    GatewayConfig config;

    @Inject
    LiveResponses live;

    @Inject
    LiveTimelines liveTimelines;

    private static final List<String> PERSON_KINDS = List.of(EventMapper.DETENTION, EventMapper.CUSTODY, EventMapper.CHARGE,
            EventMapper.CHARGE_STATUS, EventMapper.COURT, EventMapper.INCIDENT, EventMapper.CLAIM);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search and list persons", description = "q searches every spelling of every name; country keeps persons "
            + "detained by that country; status keeps persons whose latest detention has that status ('held' for any "
            + "custody); externalId finds the one person holding an identifier of another database (not with q). "
            + "Pages may hold fewer persons than pageSize when filters apply; follow nextCursor until null.")
    public Uni<PersonPage> list(@QueryParam("q") String q, @QueryParam("country") String country,
            @Parameter(description = "held, police_custody, pre_trial_detention, house_arrest, conditional_release, "
                    + "serving_sentence, whereabouts_unknown, released, deceased, escaped") @QueryParam("status") String status,
            @Parameter(description = "scheme:value, such as wikidata:Q5453614; the scheme in any case, the value exactly")
            @QueryParam("externalId") String externalId,
            @Parameter(description = "1 to 50, default 20") @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        int size = Params.pageSize(pageSize, 20, 50);
        var id = Params.externalId("externalId", externalId);
        if (id != null && q != null && !q.isBlank()) {
            throw InvalidArgumentException.of("externalId", "cannot be combined with q: an identifier names one person");
        }
        String c = Params.countryFilter("country", country);
        String s = null;
        if (status != null && !status.isBlank()) {
            s = status.trim().toLowerCase(Locale.ROOT);
            if (!Custody.STATUS_VALUES.contains(s)) {
                throw InvalidArgumentException.of("status", "must be one of " + String.join(", ", Custody.STATUS_VALUES));
            }
        }
        return directory.list(Params.text("q", q, 200), c, s, id, size, cursor);
    }

    @GET
    @Path("/{personId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person's profile with derived facts", description = "Current status, days in custody, charges with "
            + "their articles, calls for release and whether one is outstanding (called for and still held).")
    public Uni<PersonProfile> profile(@PathParam("personId") String personId,
            @Parameter(description = AS_OF) @QueryParam(Params.AS_OF) String asOf) {
        PersonName person = Params.person(personId);
        return profiles.profile(person, Params.asOf(asOf));
    }

    @GET
    @Path("/{personId}/release-outcome")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What came of the calls for a person's release", description = "Per detention the calls were "
            + "made during (latest first): the calls, first and latest, who called and from which countries, and whether "
            + "release followed, when, and how many days after the first call, or how many days the person has been held "
            + "since. Calls made while the person was in no detention the caller may see are only counted. A person the "
            + "caller may not see has no outcomes, as one nobody called for.")
    public Uni<PersonReleaseOutcome> releaseOutcome(@PathParam("personId") String personId,
            @Parameter(description = AS_OF) @QueryParam(Params.AS_OF) String asOf) {
        PersonName person = Params.person(personId);
        return outcomes.person(person, Params.asOf(asOf));
    }

    @GET
    @Path("/{personId}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person's timeline from both services, in one order", description = "Ordered by the last day an "
            + "event's date can be, then day before month before year precision, then detention-service before "
            + "statement-service, then each service's own order. Within a detention, custody follows its lifecycle: "
            + "the start first, the release (death, escape) last; a custody event whose imprecise date reaches past "
            + "the release is placed just before it, one reaching before the start just after it, and shows its own "
            + "date. format=csv (or Accept: text/csv) downloads the whole "
            + "timeline as CSV, streamed.")
    public Uni<Response> timeline(@PathParam("personId") String personId, @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "detention, custody, charge, charge_status, court, incident, claim; comma-separated or repeated") @QueryParam("kind") List<String> kind,
            @Parameter(description = "1 to 200, default 50") @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Parameter(description = AS_OF) @QueryParam(Params.AS_OF) String asOf) {
        PersonName person = Params.person(personId);
        TimelineQuery query = query(from, to, kind, PERSON_KINDS, Set.of(), asOf);
        int size = Params.pageSize(pageSize, 50, 200);
        Formats.csv(format, List.of());
        return timelines.timeline(person, query, cursor, size).map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    /** The same timeline as CSV (Formats chose it); cursor and pageSize are checked, the download is the whole timeline. */
    @GET
    @Path("/{personId}/timeline")
    @Produces(Formats.CSV)
    @Operation(hidden = true)
    public RestMulti<String> timelineCsv(@PathParam("personId") String personId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("kind") List<String> kind, @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor, @QueryParam("format") String format,
            @QueryParam(Params.AS_OF) String asOf) {
        PersonName person = Params.person(personId);
        TimelineQuery query = query(from, to, kind, PERSON_KINDS, Set.of(), asOf);
        Params.pageSize(pageSize, 50, 200);
        return TimelineCsv.download(c -> timelines.timeline(person, query, c, 200), config.csv().maxEvents(),
                "person-" + person.id() + "-timeline.csv");
    }

    @GET
    @Path("/{personId}/timeline/live")
    @Produces(LiveResponses.WRITTEN_AS)
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = LiveResponses.EVENT_STREAM, schema = @Schema(implementation = String.class)))
    @Operation(summary = "A person's timeline, live", description = "The person's timeline" + LiveResponses.DESCRIPTION)
    public RestMulti<String> live(@PathParam("personId") String personId,
            @Parameter(description = "detention, custody, charge, charge_status, court, incident, claim; comma-separated or repeated") @QueryParam("kind") List<String> kind,
            @Parameter(description = LiveResponses.LAST_EVENT_ID) @HeaderParam(ResumePoints.HEADER) String lastEventId,
            @Context HttpServerResponse response) {
        PersonName person = Params.person(personId);
        TimelineQuery query = query(null, null, kind, PERSON_KINDS, Set.of(), null);
        return live.stream("person-timeline-live", person.toString(), query, lastEventId, () -> liveTimelines.person(person, query),
                response);
    }

    @GET
    @Path("/{personId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person's revisions, newest first", description = HistoryResource.DESCRIPTION)
    public Uni<HistoryPage> history(@PathParam("personId") String personId,
            @Parameter(description = "1 to 50, default 20") @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        PersonName person = Params.person(personId);
        return histories.person(person, HistoryResource.pageSize(pageSize), cursor);
    }

    /** What asOf means, for the API document. */
    static final String AS_OF = "Read as known at this instant (RFC 3339 with its offset, such as 2024-03-01T00:00:00Z; "
            + "not in the future): what was recorded, corrected or retracted after it does not show. Default: now.";

    static TimelineQuery query(String from, String to, List<String> kind, List<String> kinds, Set<String> roles,
            String asOf) {
        PartialDate f = Params.date("from", from);
        PartialDate t = Params.date("to", to);
        Params.checkRange(f, t);
        return new TimelineQuery(f, t, Params.oneOf("kind", kind, kinds), roles, Params.asOf(asOf));
    }
}
