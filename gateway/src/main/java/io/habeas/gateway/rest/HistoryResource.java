package io.habeas.gateway.rest;

import io.habeas.gateway.api.HistoryPage;
import io.habeas.gateway.history.RecordHistories;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.names.ActorName;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.StatementName;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The history of detentions, custody events, charges, statements and actors (a person's is in PersonResource). */
@Path("/api/v1")
@Tag(name = "History")
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class HistoryResource {

    static final String DESCRIPTION = "Every change of the record, newest first: when, what (created, updated, "
            + "reclassified, status_changed, retracted, restored), why, its access level, and the record as the change "
            + "left it. Each role sees the revisions its clearance reads; who made a change (principal) is shown to "
            + "admins only. A record the caller may not see is a 404, as an unknown one. Pages may hold fewer revisions "
            + "than pageSize; follow nextCursor until null.";

    private static final String PAGE_SIZE = "1 to 50, default 20";

    @Inject
    RecordHistories histories;

    /** A history page's size: 1 to 50, default 20. */
    static int pageSize(String text) {
        return Params.pageSize(text, 20, 50);
    }

    @GET
    @Path("/detentions/{detentionId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A detention's revisions, newest first", description = DESCRIPTION)
    public Uni<HistoryPage> detention(@PathParam("detentionId") String detentionId,
            @Parameter(description = PAGE_SIZE) @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        DetentionName name = detention(detentionId);
        return histories.detention(name, pageSize(pageSize), cursor);
    }

    @GET
    @Path("/detentions/{detentionId}/custody-events/{eventId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A custody event's revisions, newest first", description = DESCRIPTION)
    public Uni<HistoryPage> custodyEvent(@PathParam("detentionId") String detentionId, @PathParam("eventId") String eventId,
            @Parameter(description = PAGE_SIZE) @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        CustodyEventName name = CustodyEventName.of(detention(detentionId), Params.id("eventId", eventId, "a custody event"));
        return histories.custodyEvent(name, pageSize(pageSize), cursor);
    }

    @GET
    @Path("/detentions/{detentionId}/charges/{chargeId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A charge's revisions, newest first", description = DESCRIPTION)
    public Uni<HistoryPage> charge(@PathParam("detentionId") String detentionId, @PathParam("chargeId") String chargeId,
            @Parameter(description = PAGE_SIZE) @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        ChargeName name = ChargeName.of(detention(detentionId), Params.id("chargeId", chargeId, "a charge"));
        return histories.charge(name, pageSize(pageSize), cursor);
    }

    @GET
    @Path("/statements/{statementId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A statement's revisions, newest first, its claims inside each", description = DESCRIPTION)
    public Uni<HistoryPage> statement(@PathParam("statementId") String statementId,
            @Parameter(description = PAGE_SIZE) @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        StatementName name = StatementName.of(Params.id("statementId", statementId, "a statement"));
        return histories.statement(name, pageSize(pageSize), cursor);
    }

    @GET
    @Path("/actors/{actorId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An actor's revisions, newest first", description = DESCRIPTION)
    public Uni<HistoryPage> actor(@PathParam("actorId") String actorId,
            @Parameter(description = PAGE_SIZE) @QueryParam("pageSize") String pageSize,
            @QueryParam(CursorCodec.PARAM) String cursor) {
        ActorName name = ActorName.of(Params.id("actorId", actorId, "an actor"));
        return histories.actor(name, pageSize(pageSize), cursor);
    }

    private static DetentionName detention(String detentionId) {
        return DetentionName.of(Params.id("detentionId", detentionId, "a detention"));
    }
}
