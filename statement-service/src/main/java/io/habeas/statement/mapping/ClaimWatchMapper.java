package io.habeas.statement.mapping;

import com.google.protobuf.Message;
import io.habeas.kernel.names.StatementName;
import io.habeas.statement.domain.Claim;
import io.habeas.statement.service.ClaimFeed;
import io.habeas.statement.service.StatementService;
import io.habeas.statement.service.StatementView;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.ClaimChange;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementChange;
import io.habeas.statement.v1.WatchClaimsAboutPersonsResponse;
import io.habeas.statement.v1.WatchCountryClaimsResponse;
import io.habeas.statement.v1.WatchCountryStatementsResponse;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.habeas.support.watch.ChangePosition;
import io.habeas.support.watch.Watch;
import java.util.UUID;

/** A watch's changes as ClaimWatchService sends them. */
public final class ClaimWatchMapper {
    private ClaimWatchMapper() {
    }

    /** The claim's item as the List RPCs show it, or only its name when the caller may not read its statement (view null). */
    public static ClaimChange claimChange(ChangeKind kind, StatementView view, UUID statementId, UUID claimId) {
        ClaimItem item = view != null ? StatementMapper.toProto(new StatementService.Item(view, claimId))
                : ClaimItem.newBuilder().setClaim(Claim.name(statementId, claimId)).build();
        return ClaimChange.newBuilder().setKind(kind).setItem(item).build();
    }

    /** The statement as the List RPCs show it, or only its name when the caller may not read it (view null). */
    public static StatementChange statementChange(ChangeKind kind, StatementView view, UUID statementId) {
        Statement statement = view != null ? StatementMapper.toProto(view)
                : Statement.newBuilder().setName(StatementName.of(statementId).toString()).build();
        return StatementChange.newBuilder().setKind(kind).setStatement(statement).build();
    }

    /** The RPC's response type, whose first response carries only the watch's starting resume_token. */
    @SuppressWarnings("unchecked")
    public static <R extends Message> R prototype(ClaimFeed.Rpc rpc) {
        return (R) switch (rpc) {
            case PERSON -> WatchPersonClaimsResponse.getDefaultInstance();
            case PERSONS -> WatchClaimsAboutPersonsResponse.getDefaultInstance();
            case COUNTRY_CLAIMS -> WatchCountryClaimsResponse.getDefaultInstance();
            case COUNTRY_STATEMENTS -> WatchCountryStatementsResponse.getDefaultInstance();
        };
    }

    /** Offers the change to the watch as its RPC's response, with the token just after it. */
    @SuppressWarnings("unchecked")
    public static void offer(Watch<?> watch, ClaimFeed.Rpc rpc, ChangePosition at, Message change) {
        switch (rpc) {
            case PERSON -> ((Watch<WatchPersonClaimsResponse>) watch).offer(at, token -> WatchPersonClaimsResponse
                    .newBuilder().setChange((ClaimChange) change).setResumeToken(token).build());
            case PERSONS -> ((Watch<WatchClaimsAboutPersonsResponse>) watch).offer(at, token -> WatchClaimsAboutPersonsResponse
                    .newBuilder().setChange((ClaimChange) change).setResumeToken(token).build());
            case COUNTRY_CLAIMS -> ((Watch<WatchCountryClaimsResponse>) watch).offer(at, token -> WatchCountryClaimsResponse
                    .newBuilder().setChange((ClaimChange) change).setResumeToken(token).build());
            case COUNTRY_STATEMENTS -> ((Watch<WatchCountryStatementsResponse>) watch).offer(at,
                    token -> WatchCountryStatementsResponse.newBuilder().setChange((StatementChange) change)
                            .setResumeToken(token).build());
        }
    }
}
