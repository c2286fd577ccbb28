package io.habeas.gateway.service;

import io.habeas.gateway.access.AccessPolicy;
import io.habeas.gateway.api.PersonReleaseOutcome;
import io.habeas.gateway.api.ReleaseCalls;
import io.habeas.gateway.api.ReleaseOutcomePage;
import io.habeas.gateway.api.ReleaseOutcomeView;
import io.habeas.gateway.client.AsOf;
import io.habeas.gateway.client.Backend;
import io.habeas.gateway.client.StatementClient;
import io.habeas.gateway.paging.Cursor;
import io.habeas.gateway.paging.CursorCodec;
import io.habeas.gateway.paging.SourcePosition;
import io.habeas.gateway.view.DateViews;
import io.habeas.gateway.view.EnumValues;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.statement.v1.GetReleaseOutcomeStatisticsRequest;
import io.habeas.statement.v1.ListReleaseOutcomesRequest;
import io.habeas.statement.v1.ListReleaseOutcomesResponse;
import io.habeas.statement.v1.ReleaseOutcome;
import io.habeas.statement.v1.ReleaseOutcomeScope;
import io.habeas.statement.v1.ReleaseOutcomeStatistics;
import io.habeas.statement.v1.ReleaseOutcomeStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came of the calls for release, from statement-service's ReleaseOutcomeService (which asks
 * detention-service itself, as the caller): one person's outcomes, or a scope's outcomes page by
 * page with the scope's statistics on the first page. A cursor holds statement-service's page token,
 * bound to the scope, the instant and the caller. Without statement-service there is no answer
 * (503/504): outcomes have no other source.
 */
@ApplicationScoped
public class ReleaseOutcomes {
    /** Outcomes asked per page of a CSV download: statement-service's largest page. */
    public static final int DOWNLOAD_PAGE = 200;
    /** The one list a cursor walks. */
    private static final String SOURCE = "outcomes";

    @Inject
    StatementClient statement;

    @Inject
    AccessPolicy access;

    public Uni<PersonReleaseOutcome> person(PersonName person, AsOf asOf) {
        return Backend.STATEMENT.read(statement.personReleaseOutcome(person, asOf).map(r -> new PersonReleaseOutcome(
                person.id().toString(), r.getOutcomesList().stream().map(ReleaseOutcomes::view).toList(),
                r.getCallsOutsideDetention())));
    }

    /** Where a walk stands: its cursor, read before any backend is called (a 400 naming it when another query issued it). */
    public record Walk(ReleaseOutcomePage.Scope scope, AsOf asOf, QueryFingerprint query, String pageToken, boolean first) {
    }

    public Walk walk(ReleaseOutcomePage.Scope scope, String cursor, AsOf asOf) {
        QueryFingerprint query = QueryFingerprint.of("release-outcomes", scope.detainingCountry(), scope.callerActor(),
                scope.callerCountry(), asOf.toString(), access.reader());
        return new Walk(scope, asOf, query, CursorCodec.decode(cursor, query).position(SOURCE).pageToken(),
                cursor == null || cursor.isBlank());
    }

    /** A page of the walk; the first with the scope's statistics, asked in parallel. */
    public Uni<ReleaseOutcomePage> page(Walk walk, int pageSize) {
        Uni<Optional<ReleaseOutcomePage.Statistics>> statistics = !walk.first() ? Uni.createFrom().item(Optional.empty())
                : statement.releaseOutcomeStatistics(walk.asOf().on(GetReleaseOutcomeStatisticsRequest.newBuilder()
                        .setScope(proto(walk.scope())), GetReleaseOutcomeStatisticsRequest.Builder::setAsOf).build())
                        .map(r -> Optional.of(statistics(r.getStatistics())));
        return Backend.STATEMENT.read(Uni.combine().all().unis(rows(walk.scope(), walk.pageToken(), pageSize, walk.asOf()),
                statistics).asTuple().map(t -> {
                    ListReleaseOutcomesResponse rows = t.getItem1();
                    String next = rows.getNextPageToken().isEmpty() ? null
                            : CursorCodec.encode(walk.query(), new Cursor(Map.of(SOURCE, SourcePosition.at(rows.getNextPageToken(), 0))));
                    return new ReleaseOutcomePage(walk.scope(), t.getItem2().orElse(null),
                            rows.getOutcomesList().stream().map(ReleaseOutcomes::view).toList(), next);
                }));
    }

    /** A page of a download: statement-service's page token in, the next one out (null at the end). */
    public Uni<Download> download(ReleaseOutcomePage.Scope scope, String pageToken, AsOf asOf) {
        return Backend.STATEMENT.read(rows(scope, pageToken == null ? "" : pageToken, DOWNLOAD_PAGE, asOf)
                .map(r -> new Download(r.getOutcomesList().stream().map(ReleaseOutcomes::view).toList(),
                        r.getNextPageToken().isEmpty() ? null : r.getNextPageToken())));
    }

    public record Download(List<ReleaseOutcomeView> outcomes, String nextPageToken) {
    }

    private Uni<ListReleaseOutcomesResponse> rows(ReleaseOutcomePage.Scope scope, String pageToken, int pageSize, AsOf asOf) {
        return statement.releaseOutcomes(asOf.on(ListReleaseOutcomesRequest.newBuilder().setScope(proto(scope))
                .setPageSize(pageSize).setPageToken(pageToken), ListReleaseOutcomesRequest.Builder::setAsOf).build());
    }

    private static ReleaseOutcomeScope proto(ReleaseOutcomePage.Scope scope) {
        var proto = ReleaseOutcomeScope.newBuilder();
        if (scope.detainingCountry() != null) {
            proto.setDetainingCountry(scope.detainingCountry());
        } else if (scope.callerActor() != null) {
            proto.setCaller("actors/" + scope.callerActor());
        } else {
            proto.setCallerCountry(scope.callerCountry());
        }
        return proto.build();
    }

    static ReleaseOutcomeView view(ReleaseOutcome o) {
        List<ReleaseCalls.Caller> callers = o.getCallersList().stream().map(ProfileService::caller).toList();
        boolean released = o.getStatus() == ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED;
        boolean held = o.getStatus() == ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD;
        return new ReleaseOutcomeView(PersonName.parse(o.getPerson(), "ReleaseOutcome.person").id().toString(),
                DetentionName.parse(o.getDetention(), "ReleaseOutcome.detention").id().toString(), o.getDetainingCountry(),
                EnumValues.of(o.getStatus()), o.getCallCount(), DateViews.of(o.getFirstCallDate()),
                DateViews.of(o.getLatestCallDate()), callers, o.getCallerCountriesList(), DateViews.of(o.getEndDate()),
                released ? o.getDaysToRelease() : null, held ? o.getDaysOutstanding() : null);
    }

    private static ReleaseOutcomePage.Statistics statistics(ReleaseOutcomeStatistics s) {
        String longest = s.getLongestOutstandingPerson().isEmpty() ? null
                : PersonName.parse(s.getLongestOutstandingPerson(), "ReleaseOutcomeStatistics.longest_outstanding_person")
                        .id().toString();
        return new ReleaseOutcomePage.Statistics(s.getPersonsWithCalls(), s.getCallCount(), s.getReleasedAfterCalls(),
                s.getStillHeld(), s.getOtherEnd(), s.getMedianDaysToRelease(), s.getLongestDaysToRelease(),
                s.getLongestDaysOutstanding(), longest);
    }
}
