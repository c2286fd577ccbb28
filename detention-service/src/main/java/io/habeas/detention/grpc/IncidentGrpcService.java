package io.habeas.detention.grpc;

import io.grpc.ServerServiceDefinition;
import io.habeas.detention.mapping.IncidentMapper;
import io.habeas.detention.service.IncidentService;
import io.habeas.detention.service.Restoration;
import io.habeas.detention.v1.*;
import io.habeas.kernel.access.Role;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.habeas.support.validation.Retraction;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class IncidentGrpcService extends MutinyIncidentServiceGrpc.IncidentServiceImplBase {
    @Inject
    IncidentService incidents;
    @Inject
    IdempotentCalls calls;
    @Inject
    Caller caller;

    /** Requests parsed inside the call ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<CreateIncidentResponse> createIncident(CreateIncidentRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreateIncidentResponse.parser(),
                () -> CreateIncidentResponse.newBuilder().setIncident(toProto(
                        incidents.create(request.getParent(), IncidentMapper.toDraft(request.getIncident())))).build()));
    }

    @Override
    public Uni<GetIncidentResponse> getIncident(GetIncidentRequest request) {
        return Rpc.call(() -> GetIncidentResponse.newBuilder()
                .setIncident(toProto(incidents.get(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListIncidentsResponse> listIncidents(ListIncidentsRequest request) {
        return Rpc.call(() -> {
            var page = incidents.list(request.getParent(),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200), request.getShowRetracted());
            return ListIncidentsResponse.newBuilder()
                    .addAllIncidents(page.items().stream().map(this::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateIncidentResponse> updateIncident(UpdateIncidentRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdateIncidentResponse.parser(), () -> {
            var incoming = request.getIncident();
            var current = toProto(incidents.get(incoming.getName(), "incident.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), IncidentMapper.UPDATABLE);
            var updated = incidents.update(incoming.getName(), incoming.getEtag(), IncidentMapper.toDraft(merged));
            return UpdateIncidentResponse.newBuilder().setIncident(toProto(updated)).build();
        }));
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractIncidentResponse> retractIncident(RetractIncidentRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractIncidentResponse.parser(),
                () -> RetractIncidentResponse.newBuilder().setIncident(toProto(incidents.retract(request.getName(),
                        new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListIncidentRevisionsResponse> listIncidentRevisions(ListIncidentRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = incidents.revisions(request.getName(),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200));
            return ListIncidentRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream()
                            .map(revision -> IncidentMapper.toProto(revision, caller.clearance())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreIncidentResponse> restoreIncident(RestoreIncidentRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestoreIncidentResponse.parser(),
                () -> RestoreIncidentResponse.newBuilder().setIncident(toProto(incidents.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    private Incident toProto(io.habeas.detention.domain.Incident incident) {
        return IncidentMapper.toProto(incident, caller.clearance());
    }
}
