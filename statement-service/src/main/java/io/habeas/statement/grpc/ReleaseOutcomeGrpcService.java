package io.habeas.statement.grpc;

import io.grpc.ServerServiceDefinition;
import io.habeas.kernel.access.Role;
import io.habeas.statement.mapping.ReleaseOutcomeMapper;
import io.habeas.statement.service.OutcomeScope;
import io.habeas.statement.service.ReleaseOutcomeService;
import io.habeas.statement.v1.GetPersonReleaseOutcomeRequest;
import io.habeas.statement.v1.GetPersonReleaseOutcomeResponse;
import io.habeas.statement.v1.GetReleaseOutcomeStatisticsRequest;
import io.habeas.statement.v1.GetReleaseOutcomeStatisticsResponse;
import io.habeas.statement.v1.ListReleaseOutcomesRequest;
import io.habeas.statement.v1.ListReleaseOutcomesResponse;
import io.habeas.statement.v1.MutinyReleaseOutcomeServiceGrpc;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.habeas.support.history.AsOf;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class ReleaseOutcomeGrpcService extends MutinyReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceImplBase {
    @Inject
    ReleaseOutcomeService outcomes;
    @Inject
    Caller caller;

    /** Requests parsed inside the call ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public Uni<GetPersonReleaseOutcomeResponse> getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest request) {
        return Rpc.call(() -> ReleaseOutcomeMapper.toResponse(outcomes.person(request.getPerson(),
                AsOf.of(request.hasAsOf(), request.getAsOf()))));
    }

    @Override
    public Uni<ListReleaseOutcomesResponse> listReleaseOutcomes(ListReleaseOutcomesRequest request) {
        return Rpc.call(() -> {
            OutcomeScope scope = ReleaseOutcomeMapper.scope(request.hasScope(), request.getScope());
            var page = outcomes.list(scope, caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200),
                    AsOf.of(request.hasAsOf(), request.getAsOf()));
            return ListReleaseOutcomesResponse.newBuilder()
                    .addAllOutcomes(page.items().stream().map(ReleaseOutcomeMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<GetReleaseOutcomeStatisticsResponse> getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest request) {
        return Rpc.call(() -> {
            OutcomeScope scope = ReleaseOutcomeMapper.scope(request.hasScope(), request.getScope());
            return GetReleaseOutcomeStatisticsResponse.newBuilder().setStatistics(ReleaseOutcomeMapper.toProto(
                    outcomes.statistics(scope, AsOf.of(request.hasAsOf(), request.getAsOf())))).build();
        });
    }
}
