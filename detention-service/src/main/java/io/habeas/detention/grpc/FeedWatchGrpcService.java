package io.habeas.detention.grpc;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.service.FeedWatches;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.habeas.support.grpc.GrpcErrors;
import io.habeas.support.grpc.WellFormedRequests;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Live feeds. Written against grpc-java's observer, as the export is, for flow control: the watch
 * sends only while the transport is ready, and a client that stays behind is ended rather than
 * buffered without bound. The call returns once the watch is registered; the instance's reader
 * sends its changes.
 */
@GrpcService
@Blocking
@RolesAllowed({Role.Names.VIEWER, Role.Names.ANALYST, Role.Names.RECORDER, Role.Names.ADMIN})
public class FeedWatchGrpcService extends FeedWatchServiceGrpc.FeedWatchServiceImplBase {
    @Inject
    FeedWatches watches;

    /** As every service ({@link WellFormedRequests}, which says why @PermitAll). */
    @Override
    @PermitAll
    public ServerServiceDefinition bindService() {
        return WellFormedRequests.of(super.bindService());
    }

    @Override
    public void watchPersonFeed(WatchPersonFeedRequest request, StreamObserver<WatchPersonFeedResponse> responses) {
        try {
            watches.watchPerson(request.getPerson(), request.getResumeToken(), responses);
        } catch (RuntimeException failed) {
            responses.onError(GrpcErrors.toStatus(failed));
        }
    }

    @Override
    public void watchCountryFeed(WatchCountryFeedRequest request, StreamObserver<WatchCountryFeedResponse> responses) {
        try {
            watches.watchCountry(request.getDetainingCountry(), request.getResumeToken(), responses);
        } catch (RuntimeException failed) {
            responses.onError(GrpcErrors.toStatus(failed));
        }
    }
}
