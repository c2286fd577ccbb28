package io.habeas.gateway.client;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.MutinyFeedWatchServiceGrpc;
import io.habeas.statement.v1.MutinyClaimWatchServiceGrpc;
import jakarta.annotation.PostConstruct;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.WatchClaimsAboutPersonsRequest;
import io.habeas.statement.v1.WatchClaimsAboutPersonsResponse;
import io.habeas.statement.v1.WatchCountryClaimsRequest;
import io.habeas.statement.v1.WatchCountryClaimsResponse;
import io.habeas.statement.v1.WatchCountryStatementsRequest;
import io.habeas.statement.v1.WatchCountryStatementsResponse;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;

/**
 * The services' live feeds (server streaming). Unlike {@link GuardedCalls}' calls they have no deadline
 * and no timeout: a watch lasts as long as its client's stream. Cancelling the Multi cancels the call.
 * The caller's token goes with each, as with every call ({@link BearerPropagation}).
 */
@ApplicationScoped
public class WatchClient {

    @GrpcClient("detention")
    MutinyFeedWatchServiceGrpc.MutinyFeedWatchServiceStub mutinyFeeds;

    @GrpcClient("statement")
    MutinyClaimWatchServiceGrpc.MutinyClaimWatchServiceStub mutinyClaims;

    private FeedWatchServiceGrpc.FeedWatchServiceStub feeds;
    private ClaimWatchServiceGrpc.ClaimWatchServiceStub claims;

    /** grpc-java's own stubs on the channels Quarkus made for the Mutiny ones (with their interceptors). */
    @PostConstruct
    void init() {
        feeds = FeedWatchServiceGrpc.newStub(mutinyFeeds.getChannel());
        claims = ClaimWatchServiceGrpc.newStub(mutinyClaims.getChannel());
    }

    public Multi<WatchPersonFeedResponse> personFeed(WatchPersonFeedRequest request) {
        return watch(feeds::watchPersonFeed, request);
    }

    public Multi<WatchCountryFeedResponse> countryFeed(WatchCountryFeedRequest request) {
        return watch(feeds::watchCountryFeed, request);
    }

    public Multi<WatchPersonClaimsResponse> personClaims(WatchPersonClaimsRequest request) {
        return watch(claims::watchPersonClaims, request);
    }

    public Multi<WatchClaimsAboutPersonsResponse> claimsAboutPersons(WatchClaimsAboutPersonsRequest request) {
        return watch(claims::watchClaimsAboutPersons, request);
    }

    public Multi<WatchCountryClaimsResponse> countryClaims(WatchCountryClaimsRequest request) {
        return watch(claims::watchCountryClaims, request);
    }

    public Multi<WatchCountryStatementsResponse> countryStatements(WatchCountryStatementsRequest request) {
        return watch(claims::watchCountryStatements, request);
    }

    /**
     * The call, started on subscription, as a Multi whose cancellation cancels the call, so that the service
     * ends the watch at once (Quarkus's Mutiny stubs leave a cancelled server stream running).
     */
    static <Q, R> Multi<R> watch(BiConsumer<Q, StreamObserver<R>> call, Q request) {
        return Multi.createFrom().emitter(emitter -> call.accept(request, new ClientResponseObserver<Q, R>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<Q> stream) {
                emitter.onTermination(() -> stream.cancel("the watch's client left", null));
            }

            @Override
            public void onNext(R response) {
                emitter.emit(response);
            }

            @Override
            public void onError(Throwable failure) {
                emitter.fail(failure);
            }

            @Override
            public void onCompleted() {
                emitter.complete();
            }
        }));
    }
}
