package io.habeas.detention.grpc;

import io.grpc.ServerServiceDefinition;
import io.habeas.detention.mapping.ImportMapper;
import io.habeas.detention.service.BatchImport;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.MutinyImportServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Bulk import: each batch answered in turn, once stored. The first batch that fails as a whole
 * ends the stream with its status (the contract's choice); the batches before it stay stored.
 */
@GrpcService
@Blocking
@RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
public class ImportGrpcService extends MutinyImportServiceGrpc.ImportServiceImplBase {
    @Inject
    BatchImport imports;
    @Inject
    IdempotentCalls calls;

    /** As every service ({@link WellFormedRequests}, which says why @PermitAll); it leaves streaming methods as they are. */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public Multi<ImportRecordsResponse> importRecords(Multi<ImportRecordsRequest> batches) {
        return batches.onItem().transformToUniAndConcatenate(batch -> Rpc.call(() -> imports.run(batch.getRecordsList(),
                attempt -> calls.once("batch_id", batch.getBatchId(), batch, ImportRecordsResponse.parser(),
                        () -> ImportMapper.toProto(batch.getBatchId(), attempt.get())))));
    }
}
