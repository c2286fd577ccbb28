package io.habeas.gateway.fake;

import io.grpc.stub.StreamObserver;
import io.habeas.statement.v1.*;

/** statement-service as the tests want it. */
public class FakeStatement extends StatementServiceGrpc.StatementServiceImplBase {

    static Claim claim(ClaimItem item) {
        return item.getStatement().getClaimsList().stream().filter(c -> c.getName().equals(item.getClaim())).findFirst()
                .orElseThrow();
    }

    @Override
    public void listPersonClaims(ListPersonClaimsRequest request, StreamObserver<ListPersonClaimsResponse> out) {
        Backends.enter(false, "ListPersonClaims:" + request.getPerson());
        var page = Backends.page(Backends.ordered(Backends.claims, i -> i.getStatement().getMadeOn()),
                i -> claim(i).getSubjectPersonsList().contains(request.getPerson())
                        && Backends.overlaps(i.getStatement().getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListPersonClaimsResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next()).build());
        out.onCompleted();
    }

    @Override
    public void listClaimsAboutPersons(ListClaimsAboutPersonsRequest request,
            StreamObserver<ListClaimsAboutPersonsResponse> out) {
        Backends.enter(false, "ListClaimsAboutPersons:" + request.getPersonsCount());
        var page = Backends.page(Backends.ordered(Backends.claims, i -> i.getStatement().getMadeOn()),
                i -> claim(i).getSubjectPersonsList().stream().anyMatch(request.getPersonsList()::contains)
                        && Backends.overlaps(i.getStatement().getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListClaimsAboutPersonsResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next())
                .build());
        out.onCompleted();
    }

    @Override
    public void listCountryClaims(ListCountryClaimsRequest request, StreamObserver<ListCountryClaimsResponse> out) {
        Backends.enter(false, "ListCountryClaims");
        var page = Backends.page(Backends.ordered(Backends.claims, i -> i.getStatement().getMadeOn()),
                i -> (claim(i).getSubjectCountriesList().contains(request.getCountry())
                        || claim(i).getAddresseeCountry().equals(request.getCountry()))
                        && Backends.overlaps(i.getStatement().getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListCountryClaimsResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next()).build());
        out.onCompleted();
    }

    @Override
    public void listCountryStatements(ListCountryStatementsRequest request, StreamObserver<ListCountryStatementsResponse> out) {
        Backends.enter(false, "ListCountryStatements");
        var page = Backends.page(Backends.ordered(Backends.statements, Statement::getMadeOn),
                s -> s.getActorCountry().equals(request.getCountry()) && Backends.overlaps(s.getMadeOn(), request.getDateRange()),
                request.getPageSize(), request.getPageToken(), 100, 500);
        out.onNext(ListCountryStatementsResponse.newBuilder().addAllStatements(page.items()).setNextPageToken(page.next()).build());
        out.onCompleted();
    }

    @Override
    public void getReleaseCallSummary(GetReleaseCallSummaryRequest request, StreamObserver<GetReleaseCallSummaryResponse> out) {
        Backends.enter(false, "GetReleaseCallSummary");
        out.onNext(Backends.releaseCalls.getOrDefault(request.getPerson(), GetReleaseCallSummaryResponse.getDefaultInstance()));
        out.onCompleted();
    }

    @Override
    public void batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest request,
            StreamObserver<BatchGetReleaseCallSummariesResponse> out) {
        Backends.enter(false, "BatchGetReleaseCallSummaries:" + request.getPersonsCount());
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
}
