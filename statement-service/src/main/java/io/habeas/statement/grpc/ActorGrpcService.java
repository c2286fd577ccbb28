package io.habeas.statement.grpc;

import io.grpc.ServerServiceDefinition;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.statement.domain.ActorKind;
import io.habeas.statement.mapping.ActorMapper;
import io.habeas.statement.service.ActorService;
import io.habeas.statement.service.Restoration;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateActorResponse;
import io.habeas.statement.v1.GetActorRequest;
import io.habeas.statement.v1.GetActorResponse;
import io.habeas.statement.v1.ListActorRevisionsRequest;
import io.habeas.statement.v1.ListActorRevisionsResponse;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.ListActorsResponse;
import io.habeas.statement.v1.MutinyActorServiceGrpc;
import io.habeas.statement.v1.RestoreActorRequest;
import io.habeas.statement.v1.RestoreActorResponse;
import io.habeas.statement.v1.SearchActorsRequest;
import io.habeas.statement.v1.SearchActorsResponse;
import io.habeas.statement.v1.UpdateActorRequest;
import io.habeas.statement.v1.UpdateActorResponse;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class ActorGrpcService extends MutinyActorServiceGrpc.ActorServiceImplBase {
    @Inject
    ActorService actors;
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
    public Uni<CreateActorResponse> createActor(CreateActorRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, CreateActorResponse.parser(),
                () -> CreateActorResponse.newBuilder()
                        .setActor(ActorMapper.toProto(actors.create(ActorMapper.toDraft(request.getActor())))).build()));
    }

    @Override
    public Uni<GetActorResponse> getActor(GetActorRequest request) {
        return Rpc.call(() -> GetActorResponse.newBuilder()
                .setActor(ActorMapper.toProto(actors.get(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListActorsResponse> listActors(ListActorsRequest request) {
        return Rpc.call(() -> {
            var page = actors.list(caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200),
                    request.getCountry(), CommonProtos.toDomain(request.getKind(), ActorKind.class),
                    request.hasExternalId() ? ExternalId.fromProto(request.getExternalId()) : null);
            return ListActorsResponse.newBuilder()
                    .addAllActors(page.items().stream().map(ActorMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateActorResponse> updateActor(UpdateActorRequest request) {
        return Rpc.call(() -> calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                UpdateActorResponse.parser(), () -> {
            var incoming = request.getActor();
            var current = ActorMapper.toProto(actors.get(incoming.getName(), "actor.name"));
            var merged = FieldMasks.merge(current, incoming, request.getUpdateMask(), ActorMapper.UPDATABLE);
            var updated = actors.update(incoming.getName(), incoming.getEtag(), ActorMapper.toDraft(merged),
                    request.getUpdateMask().getPathsList().contains("sources"));
            return UpdateActorResponse.newBuilder().setActor(ActorMapper.toProto(updated)).build();
        }));
    }

    @Override
    public Uni<ListActorRevisionsResponse> listActorRevisions(ListActorRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = actors.revisions(request.getName(),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200));
            return ListActorRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream().map(ActorMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreActorResponse> restoreActor(RestoreActorRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RestoreActorResponse.parser(),
                () -> RestoreActorResponse.newBuilder().setActor(ActorMapper.toProto(actors.restore(request.getName(),
                        new Restoration(request.getRevisionId(), request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<SearchActorsResponse> searchActors(SearchActorsRequest request) {
        return Rpc.call(() -> {
            var page = actors.search(request.getQuery(), caller.pageRequest(request.getPageSize(), request.getPageToken(), 20, 100));
            return SearchActorsResponse.newBuilder()
                    .addAllMatches(page.items().stream().map(ActorMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }
}
