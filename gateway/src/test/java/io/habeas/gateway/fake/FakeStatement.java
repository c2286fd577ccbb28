package io.habeas.gateway.fake;

import io.grpc.stub.StreamObserver;
import io.habeas.statement.v1.*;

/** statement-service as the tests want it, each list read as of the request's as_of (claims and statements by statement name). */
public class FakeStatement extends StatementServiceGrpc.StatementServiceImplBase {

    private static boolean known(ClaimItem item) {
        return Backends.known(item.getStatement().getName());
    }

    static Claim claim(ClaimItem item) {
        return item.getStatement().getClaimsList().stream().filter(c -> c.getName().equals(item.getClaim())).findFirst()
                .orElseThrow();
    }

    @Override
    public void listPersonClaims(ListPersonClaimsRequest request, StreamObserver<ListPersonClaimsResponse> out) {
        Backends.enter(false, "ListPersonClaims:" + request.getPerson(), request);
        var page = Backends.page(Backends.ordered(Backends.claims, i -> i.getStatement().getMadeOn()),
                i -> claim(i).getSubjectPersonsList().contains(request.getPerson()) && known(i)
                        && Backends.overlaps(i.getStatement().getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListPersonClaimsResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next()).build());
        out.onCompleted();
    }

    @Override
    public void listClaimsAboutPersons(ListClaimsAboutPersonsRequest request,
            StreamObserver<ListClaimsAboutPersonsResponse> out) {
        Backends.enter(false, "ListClaimsAboutPersons:" + request.getPersonsCount(), request);
        var page = Backends.page(Backends.ordered(Backends.claims, i -> i.getStatement().getMadeOn()),
                i -> claim(i).getSubjectPersonsList().stream().anyMatch(request.getPersonsList()::contains) && known(i)
                        && Backends.overlaps(i.getStatement().getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListClaimsAboutPersonsResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next())
                .build());
        out.onCompleted();
    }

    @Override
    public void listCountryClaims(ListCountryClaimsRequest request, StreamObserver<ListCountryClaimsResponse> out) {
        Backends.enter(false, "ListCountryClaims", request);
        var page = Backends.page(Backends.ordered(Backends.claims, i -> i.getStatement().getMadeOn()),
                i -> (claim(i).getSubjectCountriesList().contains(request.getCountry())
                        || claim(i).getAddresseeCountry().equals(request.getCountry())) && known(i)
                        && Backends.overlaps(i.getStatement().getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListCountryClaimsResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next()).build());
        out.onCompleted();
    }

    @Override
    public void listCountryStatements(ListCountryStatementsRequest request, StreamObserver<ListCountryStatementsResponse> out) {
        Backends.enter(false, "ListCountryStatements", request);
        var page = Backends.page(Backends.ordered(Backends.statements, Statement::getMadeOn),
                s -> s.getActorCountry().equals(request.getCountry()) && Backends.known(s.getName())
                        && Backends.overlaps(s.getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListCountryStatementsResponse.newBuilder().addAllStatements(page.items()).setNextPageToken(page.next()).build());
        out.onCompleted();
    }

    @Override
    public void getReleaseCallSummary(GetReleaseCallSummaryRequest request, StreamObserver<GetReleaseCallSummaryResponse> out) {
        Backends.enter(false, "GetReleaseCallSummary", request);
        out.onNext(Backends.releaseCalls.getOrDefault(request.getPerson(), GetReleaseCallSummaryResponse.getDefaultInstance()));
        out.onCompleted();
    }

    @Override
    public void batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest request,
            StreamObserver<BatchGetReleaseCallSummariesResponse> out) {
        Backends.enter(false, "BatchGetReleaseCallSummaries:" + request.getPersonsCount(), request);
        var response = BatchGetReleaseCallSummariesResponse.newBuilder();
        for (String person : request.getPersonsList().stream().distinct().toList()) {
            var single = Backends.releaseCalls.getOrDefault(person, GetReleaseCallSummaryResponse.getDefaultInstance());
            var summary = ReleaseCallSummary.newBuilder().setPerson(person).setCallCount(single.getCallCount())
                    .addAllCallers(single.getCallersList());
            if (single.hasFirstCallDate()) {
                summary.setFirstCallDate(single.getFirstCallDate()).setLatestCallDate(single.getLatestCallDate());
            }
            response.addSummaries(summary);
        }
        out.onNext(response.build());
        out.onCompleted();
    }

    @Override
    public void getStatement(GetStatementRequest request, StreamObserver<GetStatementResponse> out) {
        Backends.enter(false, "GetStatement", request);
        Statement found = Backends.statements.stream().filter(x -> x.getName().equals(request.getName())).findFirst()
                .orElseGet(() -> Backends.record(request.getName()));
        out.onNext(GetStatementResponse.newBuilder().setStatement(found).build());
        out.onCompleted();
    }

    @Override
    public void listStatementRevisions(ListStatementRevisionsRequest request,
            StreamObserver<ListStatementRevisionsResponse> out) {
        Backends.enter(false, "ListStatementRevisions", request);
        Backends.Page<StatementRevision> page = Backends.revisionsOf(request.getName(), request.getPageSize(),
                request.getPageToken());
        out.onNext(ListStatementRevisionsResponse.newBuilder().addAllRevisions(page.items()).setNextPageToken(page.next())
                .build());
        out.onCompleted();
    }

    /** statement-service's release outcomes: the rows the test set, kept by the scope, in pages of at most 200. */
    public static class Outcomes extends ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceImplBase {
        @Override
        public void getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest request,
                StreamObserver<GetPersonReleaseOutcomeResponse> out) {
            Backends.enter(false, "GetPersonReleaseOutcome", request);
            out.onNext(Backends.personOutcomes.getOrDefault(request.getPerson(),
                    GetPersonReleaseOutcomeResponse.getDefaultInstance()));
            out.onCompleted();
        }

        @Override
        public void listReleaseOutcomes(ListReleaseOutcomesRequest request, StreamObserver<ListReleaseOutcomesResponse> out) {
            Backends.enter(false, "ListReleaseOutcomes", request);
            Backends.outcomeScopes.add(request.getScope());
            var page = Backends.page(Backends.outcomes, o -> inScope(o, request.getScope()), request.getPageSize(),
                    request.getPageToken(), 50, 200);
            out.onNext(ListReleaseOutcomesResponse.newBuilder().addAllOutcomes(page.items()).setNextPageToken(page.next())
                    .build());
            out.onCompleted();
        }

        @Override
        public void getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest request,
                StreamObserver<GetReleaseOutcomeStatisticsResponse> out) {
            Backends.enter(false, "GetReleaseOutcomeStatistics", request);
            Backends.outcomeScopes.add(request.getScope());
            out.onNext(GetReleaseOutcomeStatisticsResponse.newBuilder().setStatistics(Backends.outcomeStatistics).build());
            out.onCompleted();
        }

        private static boolean inScope(ReleaseOutcome o, ReleaseOutcomeScope scope) {
            return switch (scope.getDetainingCountry().isEmpty() ? scope.getCaller().isEmpty() ? 2 : 1 : 0) {
                case 0 -> o.getDetainingCountry().equals(scope.getDetainingCountry());
                case 1 -> o.getCallersList().stream().anyMatch(c -> c.getActor().equals(scope.getCaller()));
                default -> o.getCallerCountriesList().contains(scope.getCallerCountry());
            };
        }
    }

    /** statement-service's actors: Get and revisions. */
    public static class Actors extends ActorServiceGrpc.ActorServiceImplBase {
        @Override
        public void getActor(GetActorRequest request, StreamObserver<GetActorResponse> out) {
            Backends.enter(false, "GetActor", request);
            out.onNext(GetActorResponse.newBuilder().setActor(Backends.<Actor>record(request.getName())).build());
            out.onCompleted();
        }

        @Override
        public void listActorRevisions(ListActorRevisionsRequest request, StreamObserver<ListActorRevisionsResponse> out) {
            Backends.enter(false, "ListActorRevisions", request);
            Backends.Page<ActorRevision> page = Backends.revisionsOf(request.getName(), request.getPageSize(),
                    request.getPageToken());
            out.onNext(ListActorRevisionsResponse.newBuilder().addAllRevisions(page.items()).setNextPageToken(page.next())
                    .build());
            out.onCompleted();
        }
    }
}
