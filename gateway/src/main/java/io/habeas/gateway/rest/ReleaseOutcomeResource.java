package io.habeas.gateway.rest;

import io.habeas.gateway.GatewayConfig;
import io.habeas.gateway.api.ReleaseOutcomePage;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.gateway.service.ReleaseOutcomes;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/v1/release-outcomes")
@Tag(name = "Release outcomes")
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class ReleaseOutcomeResource {
    static final String DETAINING_COUNTRY = "detainingCountry";
    static final String CALLER_ACTOR = "callerActor";
    static final String CALLER_COUNTRY = "callerCountry";

    @Inject
    ReleaseOutcomes outcomes;

    @Inject
    GatewayConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What came of the calls for release, in one scope", description = "One outcome per detention "
            + "with calls for release: in the detentions of a detaining country (with every call made during them), or "
            + "the calls of one actor (callerActor, its id) or of the actors of one country (callerCountry), and the "
            + "detentions they were made during. Exactly one of detainingCountry, callerActor, callerCountry. The first "
            + "page also gives the scope's statistics. Only what the caller may see counts. format=csv (or Accept: "
            + "text/csv) downloads every outcome of the scope as CSV, streamed.")
    public Uni<Response> list(
            @Parameter(description = "ISO 3166-1 alpha-2, such as AZ") @QueryParam(DETAINING_COUNTRY) String detainingCountry,
            @Parameter(description = "an actor's id (UUID)") @QueryParam(CALLER_ACTOR) String callerActor,
            @Parameter(description = "ISO 3166-1 alpha-2, such as US") @QueryParam(CALLER_COUNTRY) String callerCountry,
            @Parameter(description = "1 to 200, default 50") @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Parameter(description = PersonResource.AS_OF) @QueryParam(Params.AS_OF) String asOf) {
        ReleaseOutcomePage.Scope scope = scope(detainingCountry, callerActor, callerCountry);
        int size = Params.pageSize(pageSize, 50, 200);
        AsOf instant = Params.asOf(asOf);
        Formats.csv(format, List.of());
        ReleaseOutcomes.Walk walk = outcomes.walk(scope, cursor, instant);
        return outcomes.page(walk, size).map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    /** The same outcomes as CSV (Formats chose it): the parameters are checked, the download is the whole scope. */
    @GET
    @Produces(Formats.CSV)
    @Operation(hidden = true)
    public RestMulti<String> listCsv(@QueryParam(DETAINING_COUNTRY) String detainingCountry,
            @QueryParam(CALLER_ACTOR) String callerActor, @QueryParam(CALLER_COUNTRY) String callerCountry,
            @QueryParam("pageSize") String pageSize, @QueryParam(CursorCodec.PARAM) String cursor,
            @QueryParam("format") String format, @QueryParam(Params.AS_OF) String asOf) {
        ReleaseOutcomePage.Scope scope = scope(detainingCountry, callerActor, callerCountry);
        Params.pageSize(pageSize, 50, 200);
        AsOf instant = Params.asOf(asOf);
        outcomes.walk(scope, cursor, instant);
        return CsvDownload.download(ReleaseOutcomeCsv.HEADER, token -> outcomes.download(scope, token, instant)
                        .map(page -> new CsvDownload.Page<>(page.outcomes(), java.util.Set.of(), page.nextPageToken())),
                ReleaseOutcomeCsv::row, config.csv().maxEvents(), "release-outcomes-" + ReleaseOutcomeCsv.label(scope) + ".csv");
    }

    /** Exactly one of the three, each checked: a 400 naming the parameters at fault. */
    static ReleaseOutcomePage.Scope scope(String detainingCountry, String callerActor, String callerCountry) {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put(DETAINING_COUNTRY, detainingCountry);
        given.put(CALLER_ACTOR, callerActor);
        given.put(CALLER_COUNTRY, callerCountry);
        List<String> set = given.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(Map.Entry::getKey).toList();
        if (set.size() != 1) {
            List<FieldViolation> violations = new ArrayList<>();
            (set.isEmpty() ? given.keySet() : set).forEach(name -> violations.add(new FieldViolation(name,
                    "give exactly one of " + DETAINING_COUNTRY + ", " + CALLER_ACTOR + ", " + CALLER_COUNTRY)));
            throw new InvalidArgumentException(violations);
        }
        return new ReleaseOutcomePage.Scope(Params.countryFilter(DETAINING_COUNTRY, detainingCountry),
                callerActor == null || callerActor.isBlank() ? null
                        : Params.id(CALLER_ACTOR, callerActor.trim(), "an actor").toString(),
                Params.countryFilter(CALLER_COUNTRY, callerCountry));
    }
}
