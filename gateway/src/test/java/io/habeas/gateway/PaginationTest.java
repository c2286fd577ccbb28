package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.FeedItem;
import io.habeas.gateway.fake.Backends;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaginationTest extends GatewayTest {

    record Expected(String record, PartialDate date, int service, int index) {
    }

    /** Hundreds of events from both services on few dates of every precision, so that keys collide. */
    List<Expected> seed(int feedCount, int claimCount, boolean withConfidential) {
        Random random = new Random(42);
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < feedCount; i++) {
            String date = randomDate(random);
            boolean secret = withConfidential && i % 7 == 3;
            FeedItem item = custody(custodyEventName("1", Integer.toString(i)), PERSON, "AZ", date,
                    CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, secret ? CONFIDENTIAL : PUBLIC);
            Backends.feed.add(item);
            if (!secret) {
                expected.add(new Expected(item.getCustodyEvent().getName(), item.getDate(), 0, i));
            }
        }
        for (int i = 0; i < claimCount; i++) {
            ClaimItem item = claim(statementName(Integer.toString(i)), randomDate(random), ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON,
                    "US", List.of(), "AZ", withConfidential && i % 5 == 1 ? CONFIDENTIAL : PUBLIC);
            Backends.claims.add(item);
            if (!(withConfidential && i % 5 == 1)) {
                expected.add(new Expected(item.getClaim(), item.getStatement().getMadeOn(), 1, i));
            }
        }
        // the documented order: last day, day before month before year, detention-service first, recorded order
        expected.sort(Comparator.comparing((Expected e) -> Backends.latest(e.date()))
                .thenComparingInt(e -> Backends.rank(e.date())).thenComparingInt(Expected::service)
                .thenComparingInt(Expected::index));
        return expected;
    }

    static String randomDate(Random random) {
        int month = 1 + random.nextInt(3);
        return switch (random.nextInt(4)) {
            case 0 -> "2023";
            case 1 -> "2023-0" + month;
            default -> "2023-0" + month + "-" + (random.nextBoolean() ? "28" : String.format("%02d", 1 + random.nextInt(31) % 28));
        };
    }

    List<String> walk(String path, int pageSize) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("pageSize", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            List<String> records = page.getList("events.record");
            assertTrue(records.size() <= pageSize, "page larger than asked");
            assertTrue(!records.isEmpty() || pages == 0, "an empty page in the middle of a walk");
            seen.addAll(records);
            cursor = page.getString("nextCursor");
            pages++;
            assertTrue(pages < 1000, "the walk does not end");
        } while (cursor != null);
        return seen;
    }

    @Test
    void walkingAllPagesReturnsEveryEventOnceInOrder() {
        List<Expected> expected = seed(320, 280, false);
        List<String> seen = walk("/api/v1/persons/" + id("ibadoglu") + "/timeline", 37);
        assertEquals(600, seen.size());
        assertEquals(600, new HashSet<>(seen).size(), "an event came twice");
        assertEquals(expected.stream().map(Expected::record).toList(), seen);
    }

    @Test
    void pagesStayExactWhenHiddenItemsInterleave() {
        List<Expected> expected = seed(250, 230, true);
        for (int size : new int[] { 1, 50, 200 }) {
            List<String> seen = walk("/api/v1/persons/" + id("ibadoglu") + "/timeline", size);
            assertEquals(expected.stream().map(Expected::record).toList(), seen, "page size " + size);
        }
    }

    @Test
    void kindFilterPagesThroughOneServiceWithoutCallingTheOther() {
        List<Expected> expected = seed(120, 130, false);
        List<String> seen = walk("/api/v1/persons/" + id("ibadoglu") + "/timeline?kind=claim", 40);
        assertEquals(expected.stream().filter(e -> e.service() == 1).map(Expected::record).toList(), seen);
        assertTrue(Backends.calls.stream().noneMatch(c -> c.equals("ListPersonFeed")));
    }

    @Test
    void countryTimelinePagesAcrossFeedStatementsAndClaims() {
        List<Expected> expected = seed(150, 140, false);
        // Ibadoglu is detained by AZ: his claims are followed too, and must not come twice
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07-23",
                io.habeas.detention.v1.CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST, true, 300, PUBLIC));
        List<String> seen = walk("/api/v1/countries/az/timeline", 33);
        // the claims are addressed to AZ: shown once although they are also about a detainee of AZ
        assertEquals(expected.stream().map(Expected::record).toList(), seen);
        assertTrue(Backends.calls.contains("ListClaimsAboutPersons:1"), Backends.calls.toString());
    }
}
