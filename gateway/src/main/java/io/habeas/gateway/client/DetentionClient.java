package io.habeas.gateway.client;

import io.habeas.detention.v1.*;
import io.habeas.kernel.names.ChargeName;
import io.habeas.kernel.names.CustodyEventName;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** detention-service, each call with its deadline, behind the backend's guard. */
@ApplicationScoped
public class DetentionClient {

    @GrpcClient("detention")
    MutinyPersonServiceGrpc.MutinyPersonServiceStub persons;

    @GrpcClient("detention")
    MutinyDetentionServiceGrpc.MutinyDetentionServiceStub detentions;

    @Inject
    GuardedCalls guarded;

    private MutinyPersonServiceGrpc.MutinyPersonServiceStub persons() {
        return persons.withDeadlineAfter(guarded.deadlineMillis(Backend.DETENTION), TimeUnit.MILLISECONDS);
    }

    private MutinyDetentionServiceGrpc.MutinyDetentionServiceStub detentions() {
        return detentions.withDeadlineAfter(guarded.deadlineMillis(Backend.DETENTION), TimeUnit.MILLISECONDS);
    }

    /**
     * A call about one person whose NOT_FOUND (the person is unknown, or hidden from the caller) is
     * the gateway's own 404 for that person, never the backend's text: the two answers stay one.
     */
    public static <T> Uni<T> aboutPerson(PersonName person, Uni<T> call) {
        return Backend.about(person, call);
    }

    public Uni<Person> getPerson(PersonName name, AsOf asOf) {
        return guarded.call(Backend.DETENTION, () -> persons().getPerson(
                asOf.on(GetPersonRequest.newBuilder().setName(name.toString()), GetPersonRequest.Builder::setAsOf).build()))
                .map(GetPersonResponse::getPerson);
    }

    public Uni<Detention> getDetention(DetentionName name) {
        return guarded.call(Backend.DETENTION, () -> detentions().getDetention(
                GetDetentionRequest.newBuilder().setName(name.toString()).build())).map(GetDetentionResponse::getDetention);
    }

    public Uni<CustodyEvent> getCustodyEvent(CustodyEventName name) {
        return guarded.call(Backend.DETENTION, () -> detentions().getCustodyEvent(
                GetCustodyEventRequest.newBuilder().setName(name.toString()).build()))
                .map(GetCustodyEventResponse::getCustodyEvent);
    }

    public Uni<Charge> getCharge(ChargeName name) {
        return guarded.call(Backend.DETENTION, () -> detentions().getCharge(
                GetChargeRequest.newBuilder().setName(name.toString()).build())).map(GetChargeResponse::getCharge);
    }

    public Uni<ListPersonRevisionsResponse> personRevisions(ListPersonRevisionsRequest request) {
        return guarded.call(Backend.DETENTION, () -> persons().listPersonRevisions(request));
    }

    public Uni<ListDetentionRevisionsResponse> detentionRevisions(ListDetentionRevisionsRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listDetentionRevisions(request));
    }

    public Uni<ListCustodyEventRevisionsResponse> custodyEventRevisions(ListCustodyEventRevisionsRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listCustodyEventRevisions(request));
    }

    public Uni<ListChargeRevisionsResponse> chargeRevisions(ListChargeRevisionsRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listChargeRevisions(request));
    }

    public Uni<ListPersonsResponse> listPersons(ListPersonsRequest request) {
        return guarded.call(Backend.DETENTION, () -> persons().listPersons(request));
    }

    public Uni<SearchPersonsResponse> searchPersons(SearchPersonsRequest request) {
        return guarded.call(Backend.DETENTION, () -> persons().searchPersons(request));
    }

    public Uni<ListDetentionsResponse> listDetentions(ListDetentionsRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listDetentions(request));
    }

    public Uni<ListChargesResponse> listCharges(ListChargesRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listCharges(request));
    }

    public Uni<ListPersonFeedResponse> personFeed(ListPersonFeedRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listPersonFeed(request));
    }

    public Uni<ListCountryFeedResponse> countryFeed(ListCountryFeedRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().listCountryFeed(request));
    }

    public Uni<GetCountryStatisticsResponse> countryStatistics(GetCountryStatisticsRequest request) {
        return guarded.call(Backend.DETENTION, () -> detentions().getCountryStatistics(request));
    }
}
