package io.habeas.statement.grpc;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.habeas.kernel.access.Role;
import io.habeas.statement.service.ClaimWatches;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.WatchClaimsAboutPersonsRequest;
import io.habeas.statement.v1.WatchClaimsAboutPersonsResponse;
import io.habeas.statement.v1.WatchCountryClaimsRequest;
import io.habeas.statement.v1.WatchCountryClaimsResponse;
import io.habeas.statement.v1.WatchCountryStatementsRequest;
import io.habeas.statement.v1.WatchCountryStatementsResponse;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.habeas.support.grpc.GrpcErrors;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Live claim feeds, written against grpc-java's observer as detention-service's FeedWatchService is,
 * for flow control: the call returns once the watch is registered; the instance's reader sends its
 * changes while the transport is ready.
 */
@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class ClaimWatchGrpcService extends ClaimWatchServiceGrpc.ClaimWatchServiceImplBase {
    @Inject
    ClaimWatches watches;

    /** As every service ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public void watchPersonClaims(WatchPersonClaimsRequest request, StreamObserver<WatchPersonClaimsResponse> responses) {
        try {
            watches.watchPerson(request.getPerson(), request.getResumeToken(), responses);
        } catch (RuntimeException failed) {
            responses.onError(GrpcErrors.toStatus(failed));
        }
    }

    @Override
    public void watchClaimsAboutPersons(WatchClaimsAboutPersonsRequest request,
            StreamObserver<WatchClaimsAboutPersonsResponse> responses) {
        try {
            watches.watchPersons(request.getPersonsList(), request.getResumeToken(), responses);
        } catch (RuntimeException failed) {
            responses.onError(GrpcErrors.toStatus(failed));
        }
    }

    @Override
    public void watchCountryClaims(WatchCountryClaimsRequest request, StreamObserver<WatchCountryClaimsResponse> responses) {
        try {
            watches.watchCountryClaims(request.getCountry(), request.getResumeToken(), responses);
        } catch (RuntimeException failed) {
            responses.onError(GrpcErrors.toStatus(failed));
        }
    }

    @Override
    public void watchCountryStatements(WatchCountryStatementsRequest request,
            StreamObserver<WatchCountryStatementsResponse> responses) {
        try {
            watches.watchCountryStatements(request.getCountry(), request.getResumeToken(), responses);
        } catch (RuntimeException failed) {
            responses.onError(GrpcErrors.toStatus(failed));
        }
    }
}
