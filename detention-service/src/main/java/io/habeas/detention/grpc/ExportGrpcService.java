package io.habeas.detention.grpc;

import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.service.RecordExport;
import io.habeas.detention.v1.ExportRecordsRequest;
import io.habeas.detention.v1.ExportRecordsResponse;
import io.habeas.detention.v1.ExportServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.support.grpc.GrpcErrors;
import io.habeas.support.grpc.Rpc;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The export, one chunk per response. Written against grpc-java's own observer rather than Mutiny
 * for flow control: Quarkus requests a returned Multi's items without bound, so a slow reader
 * would have every chunk read and queued in memory. Here the next chunk is read only once the
 * transport can take the previous one, and never after the caller has gone.
 */
@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class ExportGrpcService extends ExportServiceGrpc.ExportServiceImplBase {
    private static final long READY_POLL_MILLIS = 5;

    @Inject
    RecordExport export;

    /** As every service ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public void exportRecords(ExportRecordsRequest request, StreamObserver<ExportRecordsResponse> responses) {
        var call = (ServerCallStreamObserver<ExportRecordsResponse>) responses;
        // With a handler set, a response sent just after the caller cancelled is dropped instead of throwing.
        call.setOnCancelHandler(() -> {
        });
        try {
            PageRequest chunk = export.firstChunk(request.getPageSize(), request.getPageToken());
            while (true) {
                PageRequest next = chunk;
                ExportRecordsResponse response = Rpc.call(() -> {
                    var page = export.chunk(next);
                    return ExportRecordsResponse.newBuilder().addAllRecords(page.items())
                            .setNextPageToken(page.nextPageToken()).build();
                }).await().indefinitely();
                if (!awaitReady(call)) {
                    return;
                }
                call.onNext(response);
                if (response.getNextPageToken().isEmpty()) {
                    call.onCompleted();
                    return;
                }
                chunk = new PageRequest(chunk.size(), response.getNextPageToken(), chunk.reader());
            }
        } catch (StatusRuntimeException failed) {
            call.onError(failed);
        } catch (RuntimeException failed) {
            call.onError(GrpcErrors.toStatus(failed));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            call.onError(GrpcErrors.toStatus(stopping));
        }
    }

    /** Whether the transport can take a message now; false once the caller has cancelled. */
    private static boolean awaitReady(ServerCallStreamObserver<?> call) throws InterruptedException {
        while (!call.isReady()) {
            if (call.isCancelled()) {
                return false;
            }
            Thread.sleep(READY_POLL_MILLIS);
        }
        return !call.isCancelled();
    }
}
