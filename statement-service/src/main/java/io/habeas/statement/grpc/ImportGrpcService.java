package io.habeas.statement.grpc;

import io.grpc.ServerServiceDefinition;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.statement.mapping.ImportMapper;
import io.habeas.statement.service.BatchImport;
import io.habeas.statement.service.RecordExport;
import io.habeas.statement.v1.ExportStatementRecordsRequest;
import io.habeas.statement.v1.ExportStatementRecordsResponse;
import io.habeas.statement.v1.ImportStatementRecordsRequest;
import io.habeas.statement.v1.ImportStatementRecordsResponse;
import io.habeas.statement.v1.MutinyImportServiceGrpc;
import io.habeas.support.grpc.IdempotentCalls;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bulk import and export. Each import batch is answered in turn, once stored; the first batch that
 * fails as a whole ends the stream with its status (the contract's choice), the batches before it
 * stay stored. The export sends chunk after chunk until the scan is over.
 */
@GrpcService
@Blocking
@RolesAllowed({Role.Names.RECORDER, Role.Names.ADMIN})
public class ImportGrpcService extends MutinyImportServiceGrpc.ImportServiceImplBase {
    private static final int DEFAULT_CHUNK = 100;
    private static final int MAX_CHUNK = 500;

    @Inject
    BatchImport imports;
    @Inject
    RecordExport exports;
    @Inject
    IdempotentCalls calls;

    /** As every service ({@link WellFormedRequests}, which says why @PermitAll); it leaves streaming methods as they are. */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public Multi<ImportStatementRecordsResponse> importStatementRecords(Multi<ImportStatementRecordsRequest> batches) {
        return batches.onItem().transformToUniAndConcatenate(batch -> Rpc.call(() -> imports.run(batch.getRecordsList(),
                attempt -> calls.once("batch_id", batch.getBatchId(), batch, ImportStatementRecordsResponse.parser(),
                        () -> ImportMapper.toProto(batch.getBatchId(), attempt.get())))));
    }

    /** Chunk after chunk; an empty one, never sent, marks the end of the scan. */
    @Override
    @RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
    public Multi<ExportStatementRecordsResponse> exportStatementRecords(ExportStatementRecordsRequest request) {
        AtomicReference<RecordExport.Cursor> cursor = new AtomicReference<>(RecordExport.Cursor.START);
        return Multi.createBy().repeating().uni(() -> Rpc.call(() -> {
            int size = PageRequest.of(request.getPageSize(), "", DEFAULT_CHUNK, MAX_CHUNK).size();
            if (cursor.get() == null) {
                return ExportStatementRecordsResponse.getDefaultInstance();
            }
            RecordExport.Chunk chunk = exports.next(cursor.get(), size);
            cursor.set(chunk.next());
            return ImportMapper.toProto(chunk);
        })).until(chunk -> chunk.getRecordsCount() == 0);
    }
}
