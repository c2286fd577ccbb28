package io.habeas.gateway.fake;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.*;
import java.util.List;

/**
 * detention-service as the tests want it: persons, detentions, charges, feeds and revisions from
 * {@link Backends}, each read as of the request's as_of. Like a backend that failed to filter, it
 * answers every access level and retracted persons too: the gateway must leave them out itself.
 */
public class FakeDetention {

    /** A feed is ordered by where its items are placed, as detention-service orders it (ties: in the order added). */
    static io.habeas.common.v1.PartialDate placed(FeedItem item) {
        return item.hasPlacedAt() ? item.getPlacedAt() : item.getDate();
    }

    public static class Persons extends PersonServiceGrpc.PersonServiceImplBase {
        @Override
        public void getPerson(GetPersonRequest request, StreamObserver<GetPersonResponse> out) {
            Backends.enter(true, "GetPerson", request);
            Person p = Backends.persons.stream().filter(x -> x.getName().equals(request.getName()))
                    .filter(x -> Backends.known(x.getName())).findFirst().map(Backends::asKnown)
                    .orElseThrow(() -> Status.NOT_FOUND.withDescription("no " + request.getName()).asRuntimeException());
            out.onNext(GetPersonResponse.newBuilder().setPerson(p).build());
            out.onCompleted();
        }

        @Override
        public void listPersons(ListPersonsRequest request, StreamObserver<ListPersonsResponse> out) {
            Backends.enter(true, "ListPersons", request);
            var page = Backends.page(Backends.persons.stream().map(Backends::asKnown).toList(), p -> Backends.known(p.getName())
                    && (request.getPersonsCount() == 0 || request.getPersonsList().contains(p.getName()))
                    && (!request.hasExternalId() || p.getExternalIdsList().contains(request.getExternalId()))
                    && (request.getDetainingCountry().isEmpty()
                    || Backends.detentions.stream().anyMatch(d -> d.getPerson().equals(p.getName())
                            && d.getDetainingCountry().equals(request.getDetainingCountry()))),
                    request.getPageSize(), request.getPageToken(), 50, 200);
            out.onNext(ListPersonsResponse.newBuilder().addAllPersons(page.items()).setNextPageToken(page.next()).build());
            out.onCompleted();
        }

        @Override
        public void searchPersons(SearchPersonsRequest request, StreamObserver<SearchPersonsResponse> out) {
            Backends.enter(true, "SearchPersons", request);
            String q = request.getQuery().toLowerCase();
            var page = Backends.page(Backends.persons, p -> p.getDisplayName().toLowerCase().contains(q)
                    || p.getAliasesList().stream().anyMatch(a -> a.getName().toLowerCase().contains(q)),
                    request.getPageSize(), request.getPageToken(), 20, 100);
            SearchPersonsResponse.Builder r = SearchPersonsResponse.newBuilder().setNextPageToken(page.next());
            page.items().forEach(p -> r.addMatches(PersonMatch.newBuilder().setPerson(p).setScore(0.9f)));
            out.onNext(r.build());
            out.onCompleted();
        }

        @Override
        public void listPersonRevisions(ListPersonRevisionsRequest request, StreamObserver<ListPersonRevisionsResponse> out) {
            Backends.enter(true, "ListPersonRevisions", request);
            Backends.Page<PersonRevision> page = Backends.revisionsOf(request.getName(), request.getPageSize(),
                    request.getPageToken());
            out.onNext(ListPersonRevisionsResponse.newBuilder().addAllRevisions(page.items()).setNextPageToken(page.next())
                    .build());
            out.onCompleted();
        }
    }

    public static class Detentions extends DetentionServiceGrpc.DetentionServiceImplBase {
        @Override
        public void getDetention(GetDetentionRequest request, StreamObserver<GetDetentionResponse> out) {
            Backends.enter(true, "GetDetention", request);
            Detention d = Backends.detentions.stream().filter(x -> x.getName().equals(request.getName())).findFirst()
                    .orElseGet(() -> Backends.record(request.getName()));
            out.onNext(GetDetentionResponse.newBuilder().setDetention(d).build());
            out.onCompleted();
        }

        @Override
        public void getCustodyEvent(GetCustodyEventRequest request, StreamObserver<GetCustodyEventResponse> out) {
            Backends.enter(true, "GetCustodyEvent", request);
            out.onNext(GetCustodyEventResponse.newBuilder().setCustodyEvent(Backends.<CustodyEvent>record(request.getName()))
                    .build());
            out.onCompleted();
        }

        @Override
        public void getCharge(GetChargeRequest request, StreamObserver<GetChargeResponse> out) {
            Backends.enter(true, "GetCharge", request);
            out.onNext(GetChargeResponse.newBuilder().setCharge(Backends.<Charge>record(request.getName())).build());
            out.onCompleted();
        }

        @Override
        public void listDetentions(ListDetentionsRequest request, StreamObserver<ListDetentionsResponse> out) {
            Backends.enter(true, "ListDetentions", request);
            var page = Backends.page(Backends.detentions, d -> Backends.known(d.getName())
                    && (request.getPerson().isEmpty() || d.getPerson().equals(request.getPerson()))
                    && (request.getPersonsCount() == 0 || request.getPersonsList().contains(d.getPerson()))
                    && (request.getDetainingCountry().isEmpty() || d.getDetainingCountry().equals(request.getDetainingCountry()))
                    && (!request.getOngoingOnly() || d.getOngoing()), request.getPageSize(), request.getPageToken(), 50, 200);
            out.onNext(ListDetentionsResponse.newBuilder().addAllDetentions(page.items()).setNextPageToken(page.next()).build());
            out.onCompleted();
        }

        @Override
        public void listCharges(ListChargesRequest request, StreamObserver<ListChargesResponse> out) {
            Backends.enter(true, "ListCharges", request);
            out.onNext(ListChargesResponse.newBuilder().addAllCharges(Backends.charges.getOrDefault(request.getParent(),
                    List.of()).stream().filter(c -> Backends.known(c.getName())).toList()).build());
            out.onCompleted();
        }

        @Override
        public void listPersonFeed(ListPersonFeedRequest request, StreamObserver<ListPersonFeedResponse> out) {
            Backends.enter(true, "ListPersonFeed", request);
            if (request.getPageSize() < 0) {
                throw Status.INVALID_ARGUMENT.asRuntimeException();
            }
            var page = Backends.page(Backends.ordered(Backends.feed, FakeDetention::placed),
                    i -> i.getPerson().equals(request.getPerson()) && Backends.overlaps(i.getDate(), request.getDateRange())
                            && Backends.known(Backends.recordOf(i)),
                    request.getPageSize(), request.getPageToken(), 100, 500);
            out.onNext(ListPersonFeedResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next()).build());
            out.onCompleted();
        }

        @Override
        public void listCountryFeed(ListCountryFeedRequest request, StreamObserver<ListCountryFeedResponse> out) {
            Backends.enter(true, "ListCountryFeed", request);
            var page = Backends.page(Backends.ordered(Backends.feed, FakeDetention::placed),
                    i -> i.getDetainingCountry().equals(request.getDetainingCountry())
                            && Backends.overlaps(i.getDate(), request.getDateRange()) && Backends.known(Backends.recordOf(i)),
                    request.getPageSize(), request.getPageToken(), 100, 500);
            out.onNext(ListCountryFeedResponse.newBuilder().addAllItems(page.items()).setNextPageToken(page.next()).build());
            out.onCompleted();
        }

        @Override
        public void getCountryStatistics(GetCountryStatisticsRequest request, StreamObserver<GetCountryStatisticsResponse> out) {
            Backends.enter(true, "GetCountryStatistics", request);
            out.onNext(Backends.statistics);
            out.onCompleted();
        }

        @Override
        public void listDetentionRevisions(ListDetentionRevisionsRequest request,
                StreamObserver<ListDetentionRevisionsResponse> out) {
            Backends.enter(true, "ListDetentionRevisions", request);
            Backends.Page<DetentionRevision> page = Backends.revisionsOf(request.getName(), request.getPageSize(),
                    request.getPageToken());
            out.onNext(ListDetentionRevisionsResponse.newBuilder().addAllRevisions(page.items()).setNextPageToken(page.next())
                    .build());
            out.onCompleted();
        }

        @Override
        public void listCustodyEventRevisions(ListCustodyEventRevisionsRequest request,
                StreamObserver<ListCustodyEventRevisionsResponse> out) {
            Backends.enter(true, "ListCustodyEventRevisions", request);
            Backends.Page<CustodyEventRevision> page = Backends.revisionsOf(request.getName(), request.getPageSize(),
                    request.getPageToken());
            out.onNext(ListCustodyEventRevisionsResponse.newBuilder().addAllRevisions(page.items())
                    .setNextPageToken(page.next()).build());
            out.onCompleted();
        }

        @Override
        public void listChargeRevisions(ListChargeRevisionsRequest request, StreamObserver<ListChargeRevisionsResponse> out) {
            Backends.enter(true, "ListChargeRevisions", request);
            Backends.Page<ChargeRevision> page = Backends.revisionsOf(request.getName(), request.getPageSize(),
                    request.getPageToken());
            out.onNext(ListChargeRevisionsResponse.newBuilder().addAllRevisions(page.items()).setNextPageToken(page.next())
                    .build());
            out.onCompleted();
        }
    }
}
