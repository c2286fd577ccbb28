package io.habeas.statement.grpc;

import io.grpc.ServerServiceDefinition;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.statement.domain.ClaimKind;
import io.habeas.statement.mapping.StatementMapper;
import io.habeas.statement.service.FeedService;
import io.habeas.statement.service.Restoration;
import io.habeas.statement.service.StatementDraft;
import io.habeas.statement.service.StatementService;
import io.habeas.statement.v1.*;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.habeas.support.history.AsOf;
import io.habeas.support.validation.DateBounds;
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
public class StatementGrpcService extends MutinyStatementServiceGrpc.StatementServiceImplBase {
    @Inject
    StatementService statements;
    @Inject
    FeedService feeds;
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
    public Uni<CreateStatementResponse> createStatement(CreateStatementRequest request) {
        return Rpc.call(() -> {
            var draft = statements.vouchFor(StatementMapper.toDraft(request.getStatement()));
            return calls.once(request.getRequestId(), request, CreateStatementResponse.parser(),
                    () -> CreateStatementResponse.newBuilder().setStatement(StatementMapper.toProto(statements.create(draft)))
                            .build());
        });
    }

    @Override
    public Uni<GetStatementResponse> getStatement(GetStatementRequest request) {
        return Rpc.call(() -> GetStatementResponse.newBuilder()
                .setStatement(StatementMapper.toProto(statements.get(request.getName(), "name"))).build());
    }

    @Override
    public Uni<ListStatementsResponse> listStatements(ListStatementsRequest request) {
        return Rpc.call(() -> {
            var filter = new StatementService.ListFilter(request.getActor(), request.getActorCountry(),
                    request.getSubjectPerson(), request.getSubjectCountry(),
                    CommonProtos.toDomain(request.getClaimKind(), ClaimKind.class),
                    DateBounds.of(request.getDateRange()), request.getShowRetracted());
            var page = statements.list(caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200), filter);
            return ListStatementsResponse.newBuilder()
                    .addAllStatements(page.items().stream().map(StatementMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
    public Uni<UpdateStatementResponse> updateStatement(UpdateStatementRequest request) {
        return Rpc.call(() -> {
            caller.requireAdminToChange(request.getUpdateMask());
            statements.vouchFor(merged(request));
            return calls.correction(request.getRequestId(), request, request.getUpdateMask(),
                    UpdateStatementResponse.parser(), () -> {
                var updated = statements.update(request.getStatement().getName(), request.getStatement().getEtag(),
                        merged(request), request.getUpdateMask().getPathsList().contains("sources"));
                return UpdateStatementResponse.newBuilder().setStatement(StatementMapper.toProto(updated)).build();
            });
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RetractStatementResponse> retractStatement(RetractStatementRequest request) {
        return Rpc.call(() -> calls.once(request.getRequestId(), request, RetractStatementResponse.parser(),
                () -> RetractStatementResponse.newBuilder().setStatement(StatementMapper.toProto(statements.retract(
                        request.getName(), new Retraction(request.getEtag(), request.getReason())))).build()));
    }

    @Override
    public Uni<ListStatementRevisionsResponse> listStatementRevisions(ListStatementRevisionsRequest request) {
        return Rpc.call(() -> {
            var page = statements.revisions(request.getName(),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 50, 200));
            return ListStatementRevisionsResponse.newBuilder()
                    .addAllRevisions(page.items().stream().map(StatementMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Uni<RestoreStatementResponse> restoreStatement(RestoreStatementRequest request) {
        return Rpc.call(() -> {
            var restoration = new Restoration(request.getRevisionId(), request.getEtag(), request.getReason());
            statements.vouchForRestore(request.getName(), restoration);
            return calls.once(request.getRequestId(), request, RestoreStatementResponse.parser(),
                    () -> RestoreStatementResponse.newBuilder()
                            .setStatement(StatementMapper.toProto(statements.restore(request.getName(), restoration))).build());
        });
    }

    @Override
    public Uni<ListPersonClaimsResponse> listPersonClaims(ListPersonClaimsRequest request) {
        return Rpc.call(() -> {
            var page = feeds.personClaims(request.getPerson(), DateBounds.of(request.getDateRange()),
                    feedPage(request.getPageSize(), request.getPageToken()), AsOf.of(request.hasAsOf(), request.getAsOf()));
            return ListPersonClaimsResponse.newBuilder()
                    .addAllItems(page.items().stream().map(StatementMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<ListClaimsAboutPersonsResponse> listClaimsAboutPersons(ListClaimsAboutPersonsRequest request) {
        return Rpc.call(() -> {
            var page = feeds.claimsAboutPersons(request.getPersonsList(),
                    DateBounds.of(request.getDateRange()),
                    feedPage(request.getPageSize(), request.getPageToken()), AsOf.of(request.hasAsOf(), request.getAsOf()));
            return ListClaimsAboutPersonsResponse.newBuilder()
                    .addAllItems(page.items().stream().map(StatementMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<ListCountryClaimsResponse> listCountryClaims(ListCountryClaimsRequest request) {
        return Rpc.call(() -> {
            var page = feeds.countryClaims(request.getCountry(), DateBounds.of(request.getDateRange()),
                    feedPage(request.getPageSize(), request.getPageToken()), AsOf.of(request.hasAsOf(), request.getAsOf()));
            return ListCountryClaimsResponse.newBuilder()
                    .addAllItems(page.items().stream().map(StatementMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<ListCountryStatementsResponse> listCountryStatements(ListCountryStatementsRequest request) {
        return Rpc.call(() -> {
            var page = feeds.countryStatements(request.getCountry(), DateBounds.of(request.getDateRange()),
                    feedPage(request.getPageSize(), request.getPageToken()), AsOf.of(request.hasAsOf(), request.getAsOf()));
            return ListCountryStatementsResponse.newBuilder()
                    .addAllStatements(page.items().stream().map(item -> StatementMapper.toProto(item.statement())).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public Uni<GetReleaseCallSummaryResponse> getReleaseCallSummary(GetReleaseCallSummaryRequest request) {
        return Rpc.call(() -> StatementMapper.toResponse(feeds.releaseCalls(request.getPerson(),
                AsOf.of(request.hasAsOf(), request.getAsOf()))));
    }

    @Override
    public Uni<BatchGetReleaseCallSummariesResponse> batchGetReleaseCallSummaries(
            BatchGetReleaseCallSummariesRequest request) {
        return Rpc.call(() -> BatchGetReleaseCallSummariesResponse.newBuilder()
                .addAllSummaries(feeds.releaseCalls(request.getPersonsList(), "persons",
                                AsOf.of(request.hasAsOf(), request.getAsOf())).stream()
                        .map(StatementMapper::toProto).toList())
                .build());
    }

    /** The correction applied to the statement as the caller sees it now. */
    private StatementDraft merged(UpdateStatementRequest request) {
        var current = StatementMapper.toProto(statements.get(request.getStatement().getName(), "statement.name"));
        return StatementMapper.toDraft(FieldMasks.merge(current, request.getStatement(), request.getUpdateMask(),
                StatementMapper.UPDATABLE));
    }

    private PageRequest feedPage(int size, String token) {
        return caller.pageRequest(size, token, 100, 500);
    }
}
