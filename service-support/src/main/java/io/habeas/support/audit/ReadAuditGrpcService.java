package io.habeas.support.audit;

import io.grpc.ServerServiceDefinition;
import io.habeas.audit.v1.ListReadAuditEntriesRequest;
import io.habeas.audit.v1.ListReadAuditEntriesResponse;
import io.habeas.audit.v1.MutinyReadAuditServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** ReadAuditService, served by each service that depends on this module, for the reads it answered. */
@GrpcService
@Blocking
@RolesAllowed(Role.Names.ADMIN)
public class ReadAuditGrpcService extends MutinyReadAuditServiceGrpc.ReadAuditServiceImplBase {
    @Inject
    ReadAuditLog log;
    @Inject
    Caller caller;

    /** Requests parsed inside the call ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public Uni<ListReadAuditEntriesResponse> listReadAuditEntries(ListReadAuditEntriesRequest request) {
        return Rpc.call(() -> {
            var page = log.list(ReadAuditFilter.of(request.getPrincipal(), request.getResource()),
                    caller.pageRequest(request.getPageSize(), request.getPageToken(), 100, 500));
            return ListReadAuditEntriesResponse.newBuilder()
                    .addAllEntries(page.items().stream().map(ReadAuditMapper::toProto).toList())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }
}
