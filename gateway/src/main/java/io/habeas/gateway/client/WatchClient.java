package io.habeas.gateway.client;

import io.habeas.detention.v1.MutinyFeedWatchServiceGrpc;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.statement.v1.MutinyClaimWatchServiceGrpc;
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

/**
 * The services' live feeds (server streaming). Unlike {@link GuardedCalls}' calls they have no deadline
 * and no timeout: a watch lasts as long as its client's stream. Cancelling the Multi cancels the call.
 * The caller's token goes with each, as with every call ({@link BearerPropagation}).
 */
@ApplicationScoped
public class WatchClient {

    @GrpcClient("detention")
    MutinyFeedWatchServiceGrpc.MutinyFeedWatchServiceStub feeds;

    @GrpcClient("statement")
    MutinyClaimWatchServiceGrpc.MutinyClaimWatchServiceStub claims;

    public Multi<WatchPersonFeedResponse> personFeed(WatchPersonFeedRequest request) {
        return feeds.watchPersonFeed(request);
    }

    public Multi<WatchCountryFeedResponse> countryFeed(WatchCountryFeedRequest request) {
        return feeds.watchCountryFeed(request);
    }

    public Multi<WatchPersonClaimsResponse> personClaims(WatchPersonClaimsRequest request) {
        return claims.watchPersonClaims(request);
    }

    public Multi<WatchClaimsAboutPersonsResponse> claimsAboutPersons(WatchClaimsAboutPersonsRequest request) {
        return claims.watchClaimsAboutPersons(request);
    }

    public Multi<WatchCountryClaimsResponse> countryClaims(WatchCountryClaimsRequest request) {
        return claims.watchCountryClaims(request);
    }

    public Multi<WatchCountryStatementsResponse> countryStatements(WatchCountryStatementsRequest request) {
        return claims.watchCountryStatements(request);
    }
}
