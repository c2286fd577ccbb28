package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.*;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * As-of reads show a record only to a caller who may see it both as it was then and as it is now;
 * they refuse an instant that is not one or has not come yet, and page tokens of another instant.
 */
@QuarkusTest
class AsOfAccessGrpcTest extends HistoryCase {

    @Test
    void aRecordShowsAsOfAnInstantOnlyToThoseWhoMaySeeItThenAndNow() {
        Person declassified = createPerson(person("Declassified Later", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Person classified = createPerson(person("Classified Later", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        Person open = createPerson(ibadoglu());
        Detention held = createDetention(arrest(open.getName(), date(2023, 7, 23)));
        CustodyEvent madeSecret = addEvent(held, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        CustodyEvent madePublic = addEvent(held, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 9, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        createDetention(arrest(classified.getName(), date(2023, 10, 1)));
        Timestamp t1 = instant();
        reclassify(declassified, AccessLevel.ACCESS_LEVEL_PUBLIC);
        reclassify(classified, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        updateEvent(madeSecret, "access_level", CustodyEvent.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        updateEvent(madePublic, "access_level", CustodyEvent.newBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));

        var viewer = personsAs(Role.VIEWER);
        String unknown = "persons/0190a0e0-0000-7000-8000-000000000000";
        for (Person hidden : List.of(declassified, classified)) {
            assertEquals(notFound(() -> viewer.getPerson(GetPersonRequest.newBuilder().setName(unknown).setAsOf(t1).build()))
                            .replace(unknown, hidden.getName()),
                    notFound(() -> viewer.getPerson(GetPersonRequest.newBuilder().setName(hidden.getName()).setAsOf(t1).build())));
        }
        assertEquals(List.of(open.getName()), viewer.listPersons(ListPersonsRequest.newBuilder().addPersons(declassified.getName())
                .addPersons(classified.getName()).addPersons(open.getName()).setAsOf(t1).build())
                .getPersonsList().stream().map(Person::getName).toList());
        assertEquals(3, persons.listPersons(ListPersonsRequest.newBuilder().setAsOf(t1).build()).getPersonsCount());

        assertEquals(List.of(FeedItemKind.FEED_ITEM_KIND_DETENTION_STARTED), feedKinds(Role.VIEWER, open, t1));
        assertEquals(List.of(FeedItemKind.FEED_ITEM_KIND_DETENTION_STARTED, FeedItemKind.FEED_ITEM_KIND_CUSTODY_EVENT),
                feedKinds(Role.VIEWER, open, null));
        assertEquals(3, feedKinds(Role.ADMIN, open, t1).size());
        var stats = GetCountryStatisticsRequest.newBuilder().setDetainingCountry("AZ").setAsOf(t1).build();
        assertEquals(1, detentionsAs(Role.VIEWER).getCountryStatistics(stats).getHeldNow());
        assertEquals(2, detentions.getCountryStatistics(stats).getHeldNow());
        assertEquals(1, detentionsAs(Role.VIEWER).listDetentions(ListDetentionsRequest.newBuilder().setAsOf(t1).build())
                .getDetentionsCount());
    }

    private List<FeedItemKind> feedKinds(Role role, Person person, Timestamp asOf) {
        var request = ListPersonFeedRequest.newBuilder().setPerson(person.getName());
        if (asOf != null) {
            request.setAsOf(asOf);
        }
        return detentionsAs(role).listPersonFeed(request.build()).getItemsList().stream().map(FeedItem::getKind).toList();
    }

    private static String notFound(Executable call) {
        var status = fails(Status.Code.NOT_FOUND, call);
        return status.getMessage() + "\n" + status.getDetailsList();
    }

    @Test
    void anInstantInTheFutureOrOutsideATimestampsRangeIsInvalidOnEveryAsOfRead() {
        Person held = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(held.getName(), date(2023, 7, 23)));
        long logged = database.count("request_log");
        Instant hourAhead = Instant.now().plusSeconds(3600);
        List<Timestamp> wrong = List.of(Timestamp.newBuilder().setSeconds(hourAhead.getEpochSecond()).build(),
                Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(1_000_000_000).build(),
                Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(-1).build(),
                Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(),
                Timestamp.newBuilder().setSeconds(253_402_300_800L).build());
        for (Timestamp asOf : wrong) {
            List<Executable> reads = List.of(
                    () -> persons.getPerson(GetPersonRequest.newBuilder().setName(held.getName()).setAsOf(asOf).build()),
                    () -> persons.listPersons(ListPersonsRequest.newBuilder().setAsOf(asOf).build()),
                    () -> detentions.listDetentions(ListDetentionsRequest.newBuilder().setAsOf(asOf).build()),
                    () -> detentions.listCharges(ListChargesRequest.newBuilder().setParent(detention.getName()).setAsOf(asOf).build()),
                    () -> detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(held.getName()).setAsOf(asOf).build()),
                    () -> detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").setAsOf(asOf).build()),
                    () -> detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder().setDetainingCountry("AZ")
                            .setAsOf(asOf).build()));
            for (Executable read : reads) {
                failsOnFields(read, "as_of");
            }
        }
        assertEquals("must not be in the future: nothing is known after now", failsOnFields(() -> persons.getPerson(
                GetPersonRequest.newBuilder().setName(held.getName()).setAsOf(wrong.get(0)).build()), "as_of")
                .get(0).getDescription());
        assertEquals(logged, database.count("request_log"));
    }

    @Test
    void aPageTokenIsGoodForTheInstantItWasIssuedForOnly() {
        Person held = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(held.getName(), date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 9, 1)));
        Timestamp t1 = instant();
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 7, 30)));
        Timestamp t2 = instant();

        var first = ListPersonFeedRequest.newBuilder().setPerson(held.getName()).setPageSize(2).setAsOf(t1).build();
        String token = detentions.listPersonFeed(first).getNextPageToken();
        for (var other : List.of(first.toBuilder().setAsOf(t2), first.toBuilder().clearAsOf())) {
            assertEquals("was issued for a different query or caller; send the same filters as the first page, as the same caller",
                    failsOnFields(() -> detentions.listPersonFeed(other.setPageToken(token).build()), "page_token")
                            .get(0).getDescription());
        }
        var rest = detentions.listPersonFeed(first.toBuilder().setPageToken(token).build());
        assertEquals(List.of(date(2023, 9, 1)), rest.getItemsList().stream()
                .map(item -> item.getDate().toBuilder().clearPrecision().build()).toList());
        assertEquals("", rest.getNextPageToken());

        String countryToken = detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setPageSize(1).build()).getNextPageToken();
        failsOnFields(() -> detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setPageSize(1).setPageToken(countryToken).setAsOf(t2).build()), "page_token");
    }
}
