package io.habeas.detention.access;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.support.LevelledCase;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetChargeRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.GetCustodyEventRequest;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListCustodyEventsRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.kernel.names.PersonName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Every read RPC over the levelled case through one caller's stubs, answers given as the case's labels. */
final class MatrixReads {
    private final PersonServiceGrpc.PersonServiceBlockingStub persons;
    private final DetentionServiceGrpc.DetentionServiceBlockingStub detentions;
    private final Map<String, String> labels = new HashMap<>();
    private final List<String> personNames;
    private final List<String> detentionNames;
    private final List<String> eventNames;
    private final List<String> chargeNames;

    MatrixReads(LevelledCase recorded, PersonServiceGrpc.PersonServiceBlockingStub persons,
            DetentionServiceGrpc.DetentionServiceBlockingStub detentions) {
        this.persons = persons;
        this.detentions = detentions;
        labels.putAll(recorded.labels());
        personNames = recorded.names("persons/");
        detentionNames = recorded.names("detentions/");
        eventNames = recorded.names("custodyEvents/");
        chargeNames = recorded.names("charges/");
    }

    List<String> listedPersons() {
        return persons.listPersons(ListPersonsRequest.getDefaultInstance()).getPersonsList().stream()
                .map(Person::getDisplayName).toList();
    }

    /** ListPersons naming every person of the case and one that does not exist. */
    List<String> namedPersons() {
        List<String> named = new ArrayList<>(personNames);
        named.add(PersonName.of(UUID.randomUUID()).toString());
        return persons.listPersons(ListPersonsRequest.newBuilder().addAllPersons(named).build()).getPersonsList().stream()
                .map(Person::getDisplayName).toList();
    }

    List<String> searchedPersons() {
        return persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("Person").build()).getMatchesList()
                .stream().map(match -> match.getPerson().getDisplayName()).sorted(this::byRecording).toList();
    }

    List<String> gettablePersons() {
        return personNames.stream().filter(name -> found(() -> person(name)))
                .map(labels::get).toList();
    }

    Person person(Person of) {
        return person(of.getName());
    }

    private Person person(String name) {
        return persons.getPerson(ClearanceMatrixGrpcTest.getPerson(name)).getPerson();
    }

    List<String> listedDetentions() {
        return detentions(ListDetentionsRequest.getDefaultInstance());
    }

    List<String> detentionsWith(CustodyStatus status) {
        return detentions(ListDetentionsRequest.newBuilder().setCurrentStatus(status).build()).stream().sorted().toList();
    }

    List<String> ongoingDetentions() {
        return detentions(ListDetentionsRequest.newBuilder().setOngoingOnly(true).build());
    }

    private List<String> detentions(ListDetentionsRequest request) {
        return detentions.listDetentions(request).getDetentionsList().stream().map(d -> labels.get(d.getName())).toList();
    }

    List<String> gettableDetentions() {
        return detentionNames.stream().filter(name -> found(() -> detentions.getDetention(
                ClearanceMatrixGrpcTest.getDetention(name)))).map(labels::get).toList();
    }

    Detention detention(Detention of) {
        return detentions.getDetention(ClearanceMatrixGrpcTest.getDetention(of.getName())).getDetention();
    }

    List<String> listedEvents(Detention of) {
        return orNotFound(() -> detentions.listCustodyEvents(ListCustodyEventsRequest.newBuilder().setParent(of.getName())
                .build()).getCustodyEventsList().stream().map(e -> labels.get(e.getName())).toList());
    }

    List<String> gettableEvents() {
        return eventNames.stream().filter(name -> found(() -> detentions.getCustodyEvent(
                GetCustodyEventRequest.newBuilder().setName(name).build()))).map(labels::get).toList();
    }

    List<String> listedCharges(Detention of) {
        return orNotFound(() -> detentions.listCharges(ListChargesRequest.newBuilder().setParent(of.getName()).build())
                .getChargesList().stream().map(c -> labels.get(c.getName())).toList());
    }

    List<String> gettableCharges() {
        return chargeNames.stream().filter(name -> found(() -> detentions.getCharge(
                GetChargeRequest.newBuilder().setName(name).build()))).map(labels::get).toList();
    }

    List<String> personFeed(Person of) {
        return orNotFound(() -> feed(detentions.listPersonFeed(ListPersonFeedRequest.newBuilder()
                .setPerson(of.getName()).build()).getItemsList()));
    }

    List<String> countryFeed() {
        return feed(detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build())
                .getItemsList());
    }

    GetCountryStatisticsResponse statistics() {
        return detentions.getCountryStatistics(ClearanceMatrixGrpcTest.az());
    }

    private List<String> feed(List<FeedItem> items) {
        return items.stream().map(item -> switch (item.getRecordCase()) {
            case DETENTION -> labels.get(item.getDetention().getName());
            case CUSTODY_EVENT -> labels.get(item.getCustodyEvent().getName());
            case CHARGE -> labels.get(item.getCharge().getName());
            default -> "?";
        }).toList();
    }

    private int byRecording(String a, String b) {
        return Integer.compare(List.of("Public Person", "Restricted Person", "Confidential Person").indexOf(a),
                List.of("Public Person", "Restricted Person", "Confidential Person").indexOf(b));
    }

    private static boolean found(Runnable read) {
        return !orNotFound(() -> {
            read.run();
            return List.of("FOUND");
        }).equals(List.of("NOT_FOUND"));
    }

    /** The answer, or NOT_FOUND when the read says so; any other failure fails the test. */
    private static List<String> orNotFound(Supplier<List<String>> read) {
        try {
            return read.get();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return List.of("NOT_FOUND");
            }
            throw e;
        }
    }
}
