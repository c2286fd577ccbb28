package io.habeas.detention.revisions;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.detail;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static io.habeas.support.testing.GrpcAssertions.failsPrecondition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.RecordState;
import io.habeas.common.v1.RevisionAction;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.support.RevisionCalls.Revised;
import io.habeas.detention.v1.ArticleCount;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.MonthlyCount;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.detention.v1.UpdatePersonRequest;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person entered in error is retracted by an admin: GetPerson and its revisions still show it,
 * every list, search, feed and count leaves it, nothing more is written under it, and a restore to
 * an active revision brings all of it back.
 */
@QuarkusTest
class PersonRetractionGrpcTest extends GrpcTest {
    private static final String REASON = "Entered twice; the other record is kept";

    private Person ibadoglu;
    private Person yagublu;
    private Detention detention;

    @BeforeEach
    void recordTwoPersonsHeldInAzerbaijan() {
        ibadoglu = createPerson(ibadoglu());
        detention = createDetention(arrest(ibadoglu.getName(), date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 8, 1)));
        addCharge(detention, charge("204.3.1", date(2023, 7, 25)));
        yagublu = createPerson(person("Tofig Yagublu", "AZ"));
        Detention other = createDetention(arrest(yagublu.getName(), date(2023, 12, 14)));
        addCharge(other, charge("206.3.2", date(2023, 12, 15)));
    }

    @Test
    void aRetractedPersonLeavesEveryListSearchFeedAndCount() {
        Person retracted = retract(ibadoglu);

        Map<String, Object> reads = reads();
        assertEquals(List.of("Tofig Yagublu"), reads.get("persons"));
        assertEquals(List.of("Tofig Yagublu"), reads.get("persons named"));
        assertEquals(List.of(), reads.get("search ibadoglu"));
        assertEquals(List.of(), reads.get("person feed"));
        assertEquals(List.of(yagublu.getName(), yagublu.getName()), reads.get("country feed"));
        assertEquals(List.of(yagublu.getName()), reads.get("detentions"));
        assertEquals(List.of(), reads.get("detentions of the person"));
        GetCountryStatisticsResponse statistics = (GetCountryStatisticsResponse) reads.get("statistics");
        assertEquals(1, statistics.getHeldNow());
        assertEquals(List.of(MonthlyCount.newBuilder().setYear(2023).setMonth(12).setNewDetentions(1).build()),
                statistics.getMonthlyList());
        assertEquals(List.of("206"), statistics.getArticlesList().stream().map(ArticleCount::getArticle).toList());

        assertEquals(RecordState.RECORD_STATE_RETRACTED, retracted.getState());
        assertEquals(REASON, retracted.getRetractionReason());
        assertEquals(retracted, personsAs(Role.VIEWER).getPerson(GetPersonRequest.newBuilder()
                .setName(ibadoglu.getName()).build()).getPerson());
    }

    @Test
    void askedForRetractedOnesListsShowItWithItsState() {
        Person retracted = retract(ibadoglu);

        assertEquals(List.of(retracted, yagublu), persons.listPersons(ListPersonsRequest.newBuilder()
                .setShowRetracted(true).build()).getPersonsList());
        assertEquals(List.of(retracted), personsAs(Role.VIEWER).listPersons(ListPersonsRequest.newBuilder()
                .addPersons(ibadoglu.getName()).setShowRetracted(true).build()).getPersonsList());
        assertEquals(List.of(), persons.listPersons(ListPersonsRequest.newBuilder().addPersons(ibadoglu.getName())
                .build()).getPersonsList());
        assertEquals(2, detentions.listDetentions(ListDetentionsRequest.newBuilder().setShowRetracted(true).build())
                .getDetentionsCount());
    }

    @Test
    void aRetractedPersonStaysInItsHistory() {
        retract(ibadoglu);

        List<Revised> revisions = historyAs(Role.VIEWER).list(ibadoglu.getName());
        assertEquals(List.of(RevisionAction.REVISION_ACTION_RETRACTED, RevisionAction.REVISION_ACTION_CREATED),
                revisions.stream().map(r -> r.revision().getAction()).toList());
        assertEquals(ibadoglu, revisions.get(1).record());
        assertEquals(REASON, revisions.get(0).revision().getReason());
        assertEquals(1, historyAs(Role.VIEWER).list(detention.getName()).size(), "its detention's too");
    }

    @Test
    void restoringAnActiveRevisionBringsEverythingBack() {
        Map<String, Object> before = reads();
        assertEquals(List.of(ibadoglu.getName()), before.get("search ibadoglu"));
        assertEquals(3, ((List<?>) before.get("person feed")).size());
        Revised created = history().newest(ibadoglu.getName());
        retract(ibadoglu);

        Person restored = (Person) history().restore(ibadoglu.getName(), created.revision().getRevisionId(),
                history().etag(ibadoglu.getName()), "Retracted the wrong one of the two", requestId());

        assertEquals(RecordState.RECORD_STATE_ACTIVE, restored.getState());
        assertEquals("", restored.getRetractionReason());
        assertEquals(before, reads());
    }

    @Test
    void nothingIsWrittenUnderARetractedPerson() {
        retract(ibadoglu);
        Detention current = detentions.getDetention(io.habeas.detention.v1.GetDetentionRequest.newBuilder()
                .setName(detention.getName()).build()).getDetention();
        long revisions = database.count("revision");
        long requests = database.count("request_log");

        failsPrecondition("RECORD_RETRACTED", () -> persons.updatePerson(UpdatePersonRequest.newBuilder()
                .setPerson(Person.newBuilder().setName(ibadoglu.getName()).setEtag(history().etag(ibadoglu.getName()))
                        .setDescription("Economist")).setUpdateMask(mask("description")).setRequestId(requestId()).build()));
        failsPrecondition("RECORD_RETRACTED", () -> retract((Person) history().get(ibadoglu.getName())));
        failsPrecondition("RECORD_RETRACTED", () -> detentions.createDetention(CreateDetentionRequest.newBuilder()
                .setDetention(arrest(ibadoglu.getName(), date(2024, 6, 1))).setRequestId(requestId()).build()));
        failsPrecondition("RECORD_RETRACTED", () -> detentions.updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(current.toBuilder().setPlace("Sabail")).setUpdateMask(mask("place"))
                .setRequestId(requestId()).build()));
        failsPrecondition("RECORD_RETRACTED", () -> detentions.createCustodyEvent(CreateCustodyEventRequest.newBuilder()
                .setParent(detention.getName()).setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST,
                        date(2024, 4, 22))).setRequestId(requestId()).build()));
        failsPrecondition("RECORD_RETRACTED", () -> detentions.createCharge(CreateChargeRequest.newBuilder()
                .setParent(detention.getName()).setCharge(charge("167-3.1", date(2023, 12, 1))).setRequestId(requestId())
                .build()));

        assertEquals(revisions, database.count("revision"));
        assertEquals(requests, database.count("request_log"));
        assertEquals(2, database.count("detention"));
    }

    @Test
    void badRetractionsAreRefusedAndStoreNothing() {
        long requests = database.count("request_log");
        failsOnFields(() -> retract(ibadoglu.toBuilder().setName("").build()), "name");
        failsOnFields(() -> retract(ibadoglu.toBuilder().setName("persons/42").build()), "name");
        fails(Status.Code.NOT_FOUND, () -> retract(ibadoglu.toBuilder()
                .setName("persons/0190a0e0-0000-7000-8000-000000000000").build()));
        failsOnFields(() -> persons.retractPerson(request(ibadoglu).setReason("").build()), "reason");
        failsOnFields(() -> persons.retractPerson(request(ibadoglu).setReason("\u202Eerror").build()), "reason");
        failsOnFields(() -> persons.retractPerson(request(ibadoglu).setEtag("").setReason(" ").build()), "etag", "reason");
        var stale = fails(Status.Code.ABORTED, () -> persons.retractPerson(request(ibadoglu).setEtag("7").build()));
        assertEquals("STALE_ETAG", detail(stale, ErrorInfo.class).getReason());
        for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.RECORDER)) {
            fails(Status.Code.PERMISSION_DENIED, () -> personsAs(role).retractPerson(request(ibadoglu).build()));
        }

        assertEquals(requests, database.count("request_log"));
        assertEquals(1, history().list(ibadoglu.getName()).size());
        assertEquals(ibadoglu, history().get(ibadoglu.getName()));
        assertEquals(reads(), reads());
    }

    @Test
    void aRetriedRetractionAnswersTheSameAndLeavesOneRevision() {
        RetractPersonRequest request = request(ibadoglu).build();
        Person first = persons.retractPerson(request).getPerson();

        assertEquals(first, persons.retractPerson(request).getPerson());
        assertEquals(2, history().list(ibadoglu.getName()).size());
    }

    /** What every read path shows of the two persons. */
    private Map<String, Object> reads() {
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("persons", persons.listPersons(ListPersonsRequest.getDefaultInstance()).getPersonsList().stream()
                .map(Person::getDisplayName).toList());
        reads.put("persons named", persons.listPersons(ListPersonsRequest.newBuilder().addPersons(ibadoglu.getName())
                .addPersons(yagublu.getName()).build()).getPersonsList().stream().map(Person::getDisplayName).toList());
        reads.put("search ibadoglu", persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("ibadoglu").build())
                .getMatchesList().stream().map(m -> m.getPerson().getName()).toList());
        reads.put("search yagublu", persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery("yagublu").build())
                .getMatchesList().stream().map(m -> m.getPerson().getName()).toList());
        reads.put("person feed", feed(detentions.listPersonFeed(ListPersonFeedRequest.newBuilder()
                .setPerson(ibadoglu.getName()).build()).getItemsList()));
        reads.put("country feed", detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .build()).getItemsList().stream().map(FeedItem::getPerson).toList());
        reads.put("detentions", detentions.listDetentions(ListDetentionsRequest.getDefaultInstance()).getDetentionsList()
                .stream().map(Detention::getPerson).toList());
        reads.put("detentions of the person", detentions.listDetentions(ListDetentionsRequest.newBuilder()
                .setPerson(ibadoglu.getName()).build()).getDetentionsList().stream().map(Detention::getName).toList());
        reads.put("statistics", detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("AZ").build()));
        return reads;
    }

    private static List<String> feed(List<FeedItem> items) {
        return items.stream().map(item -> item.getKind() + " " + item.getDate() + " " + item.getDetentionName()).toList();
    }

    private Person retract(Person person) {
        return persons.retractPerson(request(person).build()).getPerson();
    }

    private static RetractPersonRequest.Builder request(Person person) {
        return RetractPersonRequest.newBuilder().setName(person.getName()).setEtag(person.getEtag()).setReason(REASON)
                .setRequestId(requestId());
    }

    private static FieldMask mask(String path) {
        return FieldMask.newBuilder().addPaths(path).build();
    }
}
