package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static io.habeas.support.testing.GrpcAssertions.fails;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.DatePrecision;
import io.habeas.common.v1.DateRange;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonFeedResponse;
import io.habeas.detention.v1.RetractChargeRequest;
import io.habeas.detention.v1.UpdateDetentionRequest;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedGrpcTest extends GrpcTest {
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    /** The demo case (Gubad Ibadoglu, see suite's DemoCase), as detention-service holds it. */
    private Detention recordDemoCase() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        addCharge(detention, charge("204.3.1", date(2023, 7, 23)).setOffenceDescription("Counterfeit money"));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 24)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2023, 11, 0)));
        addCharge(detention, charge("167-3.1", date(2023, 12, 0))
                .setOffenceDescription("Dissemination of religious extremist materials"));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22)));
        return detention;
    }

    private static String describe(FeedItem item) {
        return switch (item.getRecordCase()) {
            case DETENTION -> "arrest " + item.getDate().getYear() + "-" + item.getDate().getMonth() + "-" + item.getDate().getDay();
            case CUSTODY_EVENT -> item.getCustodyEvent().getType().name();
            case CHARGE -> "charge " + item.getCharge().getArticleReference();
            default -> "?";
        };
    }

    private List<String> personFeed() {
        return detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build())
                .getItemsList().stream().map(FeedGrpcTest::describe).toList();
    }

    @Test
    void demoCaseReadsBackInDateOrder() {
        recordDemoCase();

        assertEquals(List.of("arrest 2023-7-23", "charge 204.3.1", "CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION",
                "CUSTODY_EVENT_TYPE_DETENTION_EXTENDED", "charge 167-3.1", "CUSTODY_EVENT_TYPE_HOUSE_ARREST"), personFeed());
        FeedItem extension = detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build()).getItems(3);
        assertEquals(DatePrecision.DATE_PRECISION_MONTH, extension.getDate().getPrecision());
        assertEquals("AZ", extension.getDetainingCountry());
        assertEquals(person, extension.getPerson());
        assertTrue(extension.getCustodyEvent().getSourcesCount() > 0);
    }

    @Test
    void aMonthSortsAfterTheKnownDaysOfThatMonth() {
        Detention detention = createDetention(arrest(person, date(2023, 7, 0)));
        addCharge(detention, charge("228", date(2023, 0, 0)));
        addCharge(detention, charge("342", date(2023, 7, 31)));
        addCharge(detention, charge("204.3.1", date(2023, 7, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));

        // (A custody event on 31 July would be placed after the start: see FeedLifecycleGrpcTest.)
        assertEquals(List.of("charge 342", "arrest 2023-7-0", "charge 204.3.1", "CUSTODY_EVENT_TYPE_TRANSFER", "charge 228"),
                personFeed());
    }

    @Test
    void countryFeedHoldsItsDetentionsWithinTheDateRange() {
        recordDemoCase();
        String other = createPerson(person("Ilya Yashin", "RU")).getName();
        createDetention(arrest(other, date(2022, 6, 27)).setDetainingCountry("RU"));

        List<FeedItem> in2024 = detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setDateRange(DateRange.newBuilder().setStart(date(2024, 0, 0)).setEnd(date(2024, 12, 0))).build())
                .getItemsList();
        assertEquals(List.of("CUSTODY_EVENT_TYPE_HOUSE_ARREST"), in2024.stream().map(FeedGrpcTest::describe).toList());
        assertEquals(1, detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("RU").build())
                .getItemsCount());
        assertEquals(6, detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build())
                .getItemsCount());
        failsOnFields(() -> detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("ZZ").build()),
                "detaining_country");
    }

    @Test
    void retractedRecordsLeaveTheFeedAndCorrectionsMoveIt() {
        Detention detention = recordDemoCase();
        Charge second = detentions.listCharges(io.habeas.detention.v1.ListChargesRequest.newBuilder()
                .setParent(detention.getName()).build()).getCharges(1);
        detentions.retractCharge(RetractChargeRequest.newBuilder().setName(second.getName()).setEtag(second.getEtag())
                .setReason("Misreported").setRequestId(requestId()).build());
        assertEquals(5, personFeed().size());

        Detention current = detentions.getDetention(GetDetentionRequest.newBuilder().setName(detention.getName()).build())
                .getDetention();
        detentions.updateDetention(UpdateDetentionRequest.newBuilder()
                .setDetention(Detention.newBuilder().setName(detention.getName()).setEtag(current.getEtag())
                        .setDetainingCountry("AM"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("detaining_country")).setRequestId(requestId()).build());
        assertEquals(0, detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").build())
                .getItemsCount());
        assertEquals(5, detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AM").build())
                .getItemsCount());
    }

    @Test
    void walkingAllPagesReturnsEveryItemOnceInOrder() {
        Detention detention = createDetention(arrest(person, date(2020, 1, 1)));
        for (int i = 0; i < 60; i++) {
            int month = 1 + i % 12;
            addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER,
                    date(2020 + i / 12, month, i % 3 == 0 ? 0 : 1 + i % 28)));
        }

        List<FeedItem> walked = new ArrayList<>();
        ListPersonFeedRequest.Builder page = ListPersonFeedRequest.newBuilder().setPerson(person).setPageSize(7);
        do {
            ListPersonFeedResponse response = detentions.listPersonFeed(page.build());
            walked.addAll(response.getItemsList());
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());

        assertEquals(61, walked.size());
        assertEquals(61, new HashSet<>(walked.stream().map(i -> i.getCustodyEvent().getName() + i.getDetention().getName())
                .toList()).size());
        for (int i = 1; i < walked.size(); i++) {
            var before = walked.get(i - 1).getDate();
            var after = walked.get(i).getDate();
            long a = lastDay(before);
            long b = lastDay(after);
            assertTrue(a < b || (a == b && before.getPrecisionValue() >= after.getPrecisionValue()),
                    "item " + i + " is out of order: " + before + " then " + after);
        }
    }

    @Test
    void aPageTokenWithOneCharacterChangedIsInvalidNotInternal() {
        recordDemoCase();
        ListPersonFeedRequest first = ListPersonFeedRequest.newBuilder().setPerson(person).setPageSize(2).build();
        String token = detentions.listPersonFeed(first).getNextPageToken();
        int middle = token.length() / 2;
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);

        var violations = failsOnFields(() -> detentions.listPersonFeed(first.toBuilder().setPageToken(tampered).build()),
                "page_token");
        assertEquals("is not a token this API issued", violations.get(0).getDescription());
        assertEquals(2, detentions.listPersonFeed(first.toBuilder().setPageToken(token).build()).getItemsCount());
    }

    private static long lastDay(io.habeas.common.v1.PartialDate date) {
        java.time.YearMonth month = java.time.YearMonth.of(date.getYear(), date.getMonth() == 0 ? 12 : date.getMonth());
        return month.atDay(date.getDay() == 0 ? month.lengthOfMonth() : date.getDay()).toEpochDay();
    }

    @Test
    void readingOneOrTwoHundredItemsRunsTheSameNumberOfStatements() {
        Detention small = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(small, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        addCharge(small, charge("204.3.1", date(2023, 7, 23)));
        addIncident(person, incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 1)));
        long few = statementsToReadFeedOf(person);

        String busy = createPerson(person("Tofig Yagublu", "AZ")).getName();
        Detention large = createDetention(arrest(busy, date(2020, 1, 1)));
        for (int i = 0; i < 100; i++) {
            addEvent(large, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2020 + i / 28, 1 + i % 12, 1 + i % 28)));
            if (i % 2 == 0) {
                addCharge(large, charge(Integer.toString(100 + i), date(2020, 1, 1)));
            } else {
                addIncident(busy, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2019, 1 + i % 12, 0)));
            }
        }
        // placed within the detention's lifecycle: the extension just before the release
        addEvent(large, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0)));
        addEvent(large, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 1, 15)));
        long many = statementsToReadFeedOf(busy);

        assertEquals(few, many, "statements for 4 feed items vs 203");
    }

    private long statementsToReadFeedOf(String who) {
        database.statistics().clear();
        int items = detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(who).setPageSize(500).build())
                .getItemsCount();
        assertTrue(items == 4 || items == 203, "read " + items);
        return database.statistics().getPrepareStatementCount();
    }

    @Test
    void everyFeedPageIsOneIndexRangeScanInFeedOrder() {
        Detention detention = recordDemoCase();
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 8, 1)));
        DateRange range = DateRange.newBuilder().setStart(date(2023, 8, 0)).setEnd(date(2024, 12, 0)).build();
        SqlLog.clear();
        String token = detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).setDateRange(range)
                .setPageSize(2).build()).getNextPageToken();
        detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).setDateRange(range).setPageSize(2)
                .setPageToken(token).build());
        token = detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").setDateRange(range)
                .setPageSize(2).build()).getNextPageToken();
        detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").setDateRange(range)
                .setPageSize(2).setPageToken(token).build());

        List<String> reads = SqlLog.statements().stream().filter(sql -> sql.contains("FROM feed_entry")).toList();
        assertEquals(4, reads.size(), reads.toString());
        for (String read : reads) {
            String plan = database.plan(read);
            assertTrue(plan.contains(read.contains("x.person_id") ? "feed_entry_by_person" : "feed_entry_by_country"), plan);
            assertFalse(plan.contains("Seq Scan") || plan.contains("Sort"), read + "\n" + plan);
        }
    }

    @Test
    void eachItemCarriesTheMostRestrictiveLevelOfItsRecordDetentionAndPerson() {
        Detention open = createDetention(arrest(person, date(2023, 7, 23)));
        addEvent(open, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        addEvent(open, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 2))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        addEvent(open, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2023, 12, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        Detention secret = createDetention(arrest(person, date(2024, 1, 1)).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        addEvent(secret, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 2, 1))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        String hidden = createPerson(person("Protected Witness", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL))
                .getName();
        Detention ofHidden = createDetention(arrest(hidden, date(2024, 3, 1)));
        addEvent(ofHidden, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 3, 2))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));

        List<AccessLevel> levels = detentions.listCountryFeed(ListCountryFeedRequest.newBuilder()
                .setDetainingCountry("AZ").build()).getItemsList().stream().map(FeedItem::getAccessLevel).toList();
        assertEquals(List.of(AccessLevel.ACCESS_LEVEL_PUBLIC, AccessLevel.ACCESS_LEVEL_PUBLIC,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, AccessLevel.ACCESS_LEVEL_PUBLIC, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL, AccessLevel.ACCESS_LEVEL_CONFIDENTIAL,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL), levels);
    }

    @Test
    void anImpossibleOrReversedDateRangeIsRejectedNamingItsEnd() {
        recordDemoCase();
        failsOnFields(() -> detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setDateRange(DateRange.newBuilder().setStart(date(2024, 13, 0))).build()), "date_range.start");
        failsOnFields(() -> detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setDateRange(DateRange.newBuilder().setEnd(date(0, 0, 0))).build()), "date_range.end");
        failsOnFields(() -> detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ")
                .setDateRange(DateRange.newBuilder().setStart(date(2024, 5, 0)).setEnd(date(2024, 4, 0))).build()),
                "date_range.end");
        failsOnFields(() -> detentions.getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry("AZ").setDateRange(DateRange.newBuilder().setStart(date(2023, 2, 30))).build()),
                "date_range.start");
    }

    @Test
    void unknownPersonFeedIsNotFound() {
        fails(Status.Code.NOT_FOUND, () -> detentions.listPersonFeed(ListPersonFeedRequest.newBuilder()
                .setPerson("persons/0190a0e0-0000-7000-8000-000000000000").build()));
        failsOnFields(() -> detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson("nobody").build()),
                "person");
    }
}
