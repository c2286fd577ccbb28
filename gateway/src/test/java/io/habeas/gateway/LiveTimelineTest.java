package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.grpc.Status;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedChange;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.FeedItem;
import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeWatches;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.ClaimChange;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.StatementChange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live person and country timelines, through a plain SSE client, against watches the test drives. */
@QuarkusTest
@TestProfile(LiveTest.Settings.class)
class LiveTimelineTest extends LiveTest {

    static final String LIVE = "/api/v1/persons/" + id("ibadoglu") + "/timeline/live";

    @BeforeEach
    void ibadoglu() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.persons.add(person(personName("hidden"), "Hidden Person", CONFIDENTIAL));
        Backends.persons.add(person(personName("other"), "Other Person", PUBLIC));
    }

    static FeedChange feed(FeedChangeKind kind, FeedItem item) {
        return FeedChange.newBuilder().setKind(kind).setItem(item).build();
    }

    static ClaimChange claimChange(ChangeKind kind, ClaimItem item) {
        return ClaimChange.newBuilder().setKind(kind).setItem(item).build();
    }

    static FeedItem arrest(String label, String date) {
        return custody(custodyEventName("1", label), PERSON, "AZ", date, CustodyEventType.CUSTODY_EVENT_TYPE_ARREST, PUBLIC);
    }

    static ClaimItem call(String label, String date, String person, io.habeas.common.v1.AccessLevel level) {
        return claim(statementName(label), date, ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, person, "US", List.of(), "AZ", level);
    }

    /** Opens the stream and waits until the gateway watches both of the person's feeds. */
    LiveClient watch(String lastEventId) {
        int before = FakeWatches.open();
        LiveClient client = LiveClient.open(LIVE, token, lastEventId);
        await(() -> FakeWatches.open() == before + 2, "both watches of the person started");
        return client;
    }

    @Test
    void aWriteReachesTheWatcherAsThePagedTimelineShowsIt() {
        FeedItem arrest = arrest("a", "2023-07-23");
        ClaimItem call = call("a", "2024-04", PERSON, PUBLIC);
        try (LiveClient live = watch(null)) {
            assertEquals("text/event-stream;charset=UTF-8", live.response.headers().firstValue("Content-Type").orElseThrow());
            FakeWatches.publish(FakeWatches.personFeed(PERSON), feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest));
            FakeWatches.publish(FakeWatches.personClaims(PERSON), claimChange(ChangeKind.CHANGE_KIND_ADDED, call));
            List<LiveClient.Event> events = live.nextEvents(2);
            Backends.feed.add(arrest);
            Backends.claims.add(call);
            List<Map<String, Object>> page = given().get("/api/v1/persons/" + id("ibadoglu") + "/timeline").then()
                    .statusCode(200).extract().jsonPath().getList("events");
            // the two watches' changes arrive in the order they come; each is placed by its sortKey
            events = events.stream().sorted(java.util.Comparator.comparing(e -> String.valueOf(data(e).get("sortKey")))).toList();
            for (int i = 0; i < 2; i++) {
                LiveClient.Event e = events.get(i);
                assertEvent(e, "added");
                assertNotNull(e.id());
                Map<String, Object> data = data(e);
                assertEquals("added", data.get("change"));
                assertEquals(page.get(i), data.get("event"), "the event as the page shows it");
                assertEquals(page.get(i).get("id"), data.get("id"));
            }
            assertEquals("2023-07-23.0.0", data(events.get(0)).get("sortKey"));
            assertEquals("2024-04-30.1.1", data(events.get(1)).get("sortKey"));
            assertTrue(Backends.detentionBearers.stream().allMatch(("Bearer " + token)::equals));
            assertTrue(Backends.statementBearers.stream().allMatch(("Bearer " + token)::equals));
        }
    }

    @Test
    void lastEventIdResumesEveryWatchExactlyAfterIt() {
        String feedLog = FakeWatches.personFeed(PERSON);
        String claimLog = FakeWatches.personClaims(PERSON);
        List<LiveClient.Event> first;
        try (LiveClient live = watch(null)) {
            FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("1", "2023-07-01")));
            FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_ADDED, call("1", "2024-01", PERSON, PUBLIC)));
            FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("2", "2023-07-02")));
            first = live.nextEvents(3);
        }
        await(() -> FakeWatches.open() == 0, "watches cancelled");
        // written while nobody watched, and after the second event the client took
        FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_ADDED, call("2", "2024-02", PERSON, PUBLIC)));
        FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("3", "2023-07-03")));
        try (LiveClient live = watch(first.get(1).id())) {
            List<LiveClient.Event> rest = live.nextEvents(3);
            List<Object> ids = rest.stream().map(e -> data(e).get("id")).toList();
            // the watches' changes arrive in whichever order they come: the rest is what the first two were not
            List<String> all = new java.util.ArrayList<>(List.of("detention-service:" + custodyEventName("1", "1"),
                    "statement-service:" + claimName("1"), "detention-service:" + custodyEventName("1", "2"),
                    "statement-service:" + claimName("2"), "detention-service:" + custodyEventName("1", "3")));
            all.removeAll(first.subList(0, 2).stream().map(e -> String.valueOf(data(e).get("id"))).toList());
            assertEquals(all.stream().sorted().toList(), ids.stream().map(String::valueOf).sorted().toList(),
                    "exactly the rest, once each");
            assertTrue(live.quietFor(Duration.ofMillis(500)));
        }
        long feedTaken = first.subList(0, 2).stream().filter(e -> String.valueOf(data(e).get("id")).startsWith("detention"))
                .count();
        assertTrue(FakeWatches.started.contains(feedLog + ":" + feedTaken), FakeWatches.started.toString());
        assertTrue(FakeWatches.started.contains(claimLog + ":" + (2 - feedTaken)), FakeWatches.started.toString());
    }

    /** Resuming from the ready event's id, before any change came, loses nothing written meanwhile. */
    @Test
    void theReadyIdResumesEveryWatchFromWhereItStarted() {
        String feedLog = FakeWatches.personFeed(PERSON);
        String claimLog = FakeWatches.personClaims(PERSON);
        FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("0", "2023-07-01")));
        String ready;
        try (LiveClient live = watch(null)) {
            ready = live.ready();
            assertNotNull(ready);
        }
        await(() -> FakeWatches.open() == 0, "watches cancelled");
        FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_ADDED, call("1", "2024-02", PERSON, PUBLIC)));
        FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("1", "2023-07-03")));
        try (LiveClient live = watch(ready)) {
            List<Object> ids = live.nextEvents(2).stream().map(e -> data(e).get("id")).toList();
            assertEquals(List.of("detention-service:" + custodyEventName("1", "1"), "statement-service:" + claimName("1")),
                    ids.stream().map(String::valueOf).sorted().toList(), "what was written after the start, once each");
            assertTrue(live.quietFor(Duration.ofMillis(500)));
        }
        assertTrue(FakeWatches.started.contains(feedLog + ":1"), FakeWatches.started.toString());
        assertTrue(FakeWatches.started.contains(claimLog + ":0"), FakeWatches.started.toString());
    }

    @Test
    void aBadOrForeignLastEventIdIs400BeforeAnyWatchStarts() {
        String issued;
        try (LiveClient live = watch(null)) {
            FakeWatches.publish(FakeWatches.personFeed(PERSON), feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("1", "2023")));
            issued = live.nextEvent().id();
        }
        await(() -> FakeWatches.open() == 0, "watches cancelled");
        FakeWatches.started.clear();
        Backends.calls.clear();
        String otherPerson = "/api/v1/persons/" + id("other") + "/timeline/live";
        Map<String, String> refused = Map.of(LIVE, "garbage", LIVE + "?kind=claim", issued, otherPerson, issued,
                LIVE + "?x=1", issued);
        for (var c : refused.entrySet()) {
            HttpResponse<InputStream> r = LiveClient.send(c.getKey(), token, c.getValue());
            String body = LiveClient.body(r);
            assertEquals(400, r.statusCode(), c.getKey() + " " + body);
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
            if (!c.getKey().contains("x=1")) {
                assertTrue(body.contains("\"name\":\"Last-Event-ID\""), body);
            }
        }
        callAs(TestTokens.withGroups("live-someone-else", Role.ANALYST.claim()));
        assertEquals(400, LiveClient.send(LIVE, token, issued).statusCode(), "another caller's id");
        callAs(TestTokens.of(Role.ADMIN));
        assertEquals(400, LiveClient.send(LIVE, token, issued).statusCode(), "another role's id");
        assertEquals(List.of(), FakeWatches.started, "no watch started");
        assertEquals(List.of(), Backends.calls, "no backend called");
    }

    @Test
    void hiddenRecordsAndPersonsNeverReachTheWatcher() {
        Detention hiddenDetention = detention(detentionName("2"), PERSON, "AZ", "2022", CustodyStatus.CUSTODY_STATUS_RELEASED,
                false, 10, PUBLIC).toBuilder().setAccessLevel(CONFIDENTIAL).build();
        Backends.detentions.add(hiddenDetention);
        String feedLog = FakeWatches.personFeed(PERSON);
        String claimLog = FakeWatches.personClaims(PERSON);
        try (LiveClient live = watch(null)) {
            FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED,
                    custody(custodyEventName("1", "secret"), PERSON, "AZ", "2023", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST,
                            CONFIDENTIAL)));
            // an item whose own level is public, under a detention the caller may not see
            FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED,
                    custody(custodyEventName("2", "under-hidden"), PERSON, "AZ", "2022", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST,
                            PUBLIC)));
            FakeWatches.publish(feedLog, feed(FeedChangeKind.FEED_CHANGE_KIND_RETRACTED,
                    custody(custodyEventName("1", "secret"), PERSON, "AZ", "2023", CustodyEventType.CUSTODY_EVENT_TYPE_ARREST,
                            CONFIDENTIAL)));
            FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_ADDED, call("secret", "2024", PERSON, CONFIDENTIAL)));
            ClaimItem naming = call("naming", "2024-03", PERSON, PUBLIC);
            ClaimItem namingBoth = naming.toBuilder().setStatement(naming.getStatement().toBuilder().setClaims(0,
                    naming.getStatement().getClaims(0).toBuilder().addSubjectPersons(personName("hidden"))
                            .addSubjectPersons(personName("other")))).build();
            FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_ADDED, namingBoth));
            LiveClient.Event shown = live.nextEvent();
            Map<String, Object> event = (Map<String, Object>) data(shown).get("event");
            assertEquals("statement-service:" + claimName("naming"), event.get("id"));
            List<Object> persons = ((List<Map<String, Object>>) event.get("persons")).stream().map(p -> p.get("id")).toList();
            assertEquals(List.of(id("ibadoglu"), id("other")), persons, "the hidden person is not named, as on the page");
            assertTrue(live.quietFor(Duration.ofMillis(500)), "nothing hidden came before or after");
            assertFalse(shown.data().contains("secret"), shown.data());
        }
    }

    @Test
    void aRetractionNamesTheEventToRemove() {
        String claimLog = FakeWatches.personClaims(PERSON);
        ClaimItem call = call("r", "2024-04", PERSON, PUBLIC);
        try (LiveClient live = watch(null)) {
            FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_ADDED, call));
            FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_CORRECTED, call));
            // the caller may no longer read the statement: only the claim's name
            FakeWatches.publish(claimLog, claimChange(ChangeKind.CHANGE_KIND_RETRACTED,
                    ClaimItem.newBuilder().setClaim(call.getClaim()).build()));
            List<LiveClient.Event> events = live.nextEvents(3);
            assertEquals(List.of("added", "corrected", "retracted"), events.stream().map(LiveClient.Event::event).toList());
            Map<String, Object> retracted = data(events.get(2));
            assertEquals(Map.of("change", "retracted", "id", "statement-service:" + call.getClaim()), retracted);
        }
    }

    @Test
    void aWatchThatEndsEndsTheStreamWithWhereToResume() {
        LiveClient.Event last;
        try (LiveClient live = watch(null)) {
            FakeWatches.publish(FakeWatches.personFeed(PERSON), feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("1", "2023")));
            last = live.nextEvent();
            FakeWatches.endAll(Status.Code.UNAVAILABLE, "SHUTTING_DOWN");
            LiveClient.Event end = live.nextEvent();
            assertEvent(end, "end");
            assertEquals(last.id(), end.id(), "resume where the last event left off");
            Map<String, Object> data = data(end);
            assertEquals("unavailable", data.get("reason"));
            assertEquals(true, data.get("resumable"));
            assertSame(LiveClient.CLOSED, live.nextEvent(), "the stream is closed");
        }
        await(() -> FakeWatches.open() == 0, "the other watch cancelled");
        FakeWatches.retainedFrom = 5;
        try (LiveClient live = LiveClient.open(LIVE, token, last.id())) {
            LiveClient.Event reload = live.nextEvent();
            assertEvent(reload, "reload");
            assertNull(reload.id());
            // both watches resume from before the retained changes (the claims' from its start): either ends it first
            Map<String, Object> data = data(reload);
            assertEquals("resume_point_expired", data.get("reason"));
            assertEquals(false, data.get("resumable"));
            assertTrue(Set.of("detention-service", "statement-service").contains(data.get("service")), data.toString());
            assertSame(LiveClient.CLOSED, live.nextEvent());
        }
    }

    @Test
    void aClientThatLeavesCancelsEveryWatch() {
        LiveClient live = watch(null);
        assertEquals(1, streams.open());
        live.close();
        await(() -> FakeWatches.cancelled.get() == 2, "both watches cancelled");
        await(() -> streams.open() == 0, "the stream's place given back");
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() {
        try (LiveClient live = watch(null)) {
            assertEquals("live", live.next(Duration.ofSeconds(5)).comment());
            assertEquals("heartbeat", live.next(Duration.ofSeconds(5)).comment());
            assertEquals("heartbeat", live.next(Duration.ofSeconds(5)).comment());
        }
    }

    @Test
    void anUnknownPersonIs404AndDetentionServiceDownIs503BeforeTheStream() {
        HttpResponse<InputStream> unknown = LiveClient.send("/api/v1/persons/" + id("nobody") + "/timeline/live", token, null);
        assertEquals(404, unknown.statusCode(), LiveClient.body(unknown));
        Backends.detentionMode = Backends.Mode.DOWN;
        HttpResponse<InputStream> down = LiveClient.send(LIVE, token, null);
        String body = LiveClient.body(down);
        assertEquals(503, down.statusCode(), body);
        assertTrue(body.contains("detention-service"), body);
        assertEquals(List.of(), FakeWatches.started);
        assertEquals(0, streams.open(), "a refused stream gives its place back");
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        callAs(TestTokens.expiringIn(Role.ANALYST, Duration.ofSeconds(2)));
        try (LiveClient live = watch(null)) {
            LiveClient.Event end = live.nextEvent();
            assertEvent(end, "end");
            assertEquals("token_expired", data(end).get("reason"));
            assertNotNull(end.id(), "resume with a new token from here");
            assertSame(LiveClient.CLOSED, live.nextEvent());
        }
        await(() -> FakeWatches.open() == 0, "watches cancelled");
    }

    @Test
    void aCountryStreamMergesItsWatchesAndShowsEachClaimOnce() {
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                true, 300, PUBLIC));
        int before = FakeWatches.open();
        try (LiveClient live = LiveClient.open("/api/v1/countries/AZ/timeline/live", token, null)) {
            await(() -> FakeWatches.open() == before + 4, "the four watches of the country started");
            assertEquals(List.of(List.of(PERSON)), FakeWatches.watchedPersons, "its detainees' claims");
            ClaimItem aboutBoth = claim(statementName("both"), "2024-04", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON, "US",
                    List.of("AZ"), "AZ", PUBLIC);
            FakeWatches.publish(FakeWatches.claimsAboutPersons(), claimChange(ChangeKind.CHANGE_KIND_ADDED, aboutBoth));
            FakeWatches.publish(FakeWatches.countryClaims("AZ"), claimChange(ChangeKind.CHANGE_KIND_ADDED, aboutBoth));
            FakeWatches.publish(FakeWatches.countryStatements("AZ"), StatementChange.newBuilder()
                    .setKind(ChangeKind.CHANGE_KIND_ADDED).setStatement(call("az", "2024-05", null, PUBLIC).getStatement()
                            .toBuilder().setActorCountry("AZ")).build());
            FakeWatches.publish(FakeWatches.countryFeed("AZ"), feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest("c", "2023-07")));
            List<LiveClient.Event> events = live.nextEvents(3);
            List<String> ids = events.stream().map(e -> String.valueOf(data(e).get("id"))).sorted().toList();
            assertEquals(List.of("detention-service:" + custodyEventName("1", "c"),
                    "statement-service:" + claimName("both"), "statement-service:" + statementName("az")), ids);
            Map<String, String> keys = new java.util.HashMap<>();
            events.forEach(e -> keys.put(String.valueOf(data(e).get("id")), String.valueOf(data(e).get("sortKey"))));
            assertEquals("2024-04-30.1.2", keys.get("statement-service:" + claimName("both")),
                    "shown by the country's claims (rank 2), not again by its detainees'");
            assertTrue(live.quietFor(Duration.ofMillis(500)));
        }
    }

    /**
     * The country's four sources, live and paged, under every role filter: each event the stream sends is the page's
     * event, sort key included, and the page lists its keys in ascending order, so a client places live events by key.
     */
    @Test
    void liveAndPagedEventsCarryTheSameSortKeyUnderAnyFilter() {
        Backends.detentions.add(detention(detentionName("1"), PERSON, "AZ", "2023-07", CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
                true, 300, PUBLIC));
        FeedItem arrest = arrest("c", "2023-07");
        FeedItem undated = arrest("u", "2023").toBuilder().setPlacedAt(d("2024")).build();
        ClaimItem aboutCountry = claim(statementName("country"), "2024-04", ClaimKind.CLAIM_KIND_CONCERN, personName("other"),
                "US", List.of("AZ"), "", PUBLIC);
        ClaimItem aboutDetainee = claim(statementName("detainee"), "2024-04-30", ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, PERSON,
                "US", List.of(), "", PUBLIC);
        io.habeas.statement.v1.Statement byAz = call("az", "2024", null, PUBLIC).getStatement().toBuilder()
                .setActorCountry("AZ").build();
        Backends.feed.addAll(List.of(arrest, undated));
        Backends.claims.addAll(List.of(aboutCountry, aboutDetainee));
        Backends.statements.add(byAz);
        for (String filter : List.of("", "?role=subject", "?role=detaining&role=speaking", "?kind=claim")) {
            List<Map<String, Object>> page = given().get("/api/v1/countries/AZ/timeline" + filter).then().statusCode(200)
                    .extract().jsonPath().getList("events");
            List<String> keys = page.stream().map(e -> String.valueOf(e.get("sortKey"))).toList();
            assertEquals(keys.stream().sorted().toList(), keys, filter + ": the page in ascending sort keys");
            int before = FakeWatches.open();
            try (LiveClient live = LiveClient.open("/api/v1/countries/AZ/timeline/live" + filter, token, null)) {
                live.ready();
                FakeWatches.publish(FakeWatches.countryFeed("AZ"), feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, arrest));
                FakeWatches.publish(FakeWatches.countryFeed("AZ"), feed(FeedChangeKind.FEED_CHANGE_KIND_ADDED, undated));
                FakeWatches.publish(FakeWatches.countryClaims("AZ"), claimChange(ChangeKind.CHANGE_KIND_ADDED, aboutCountry));
                FakeWatches.publish(FakeWatches.claimsAboutPersons(), claimChange(ChangeKind.CHANGE_KIND_ADDED, aboutDetainee));
                FakeWatches.publish(FakeWatches.countryStatements("AZ"), StatementChange.newBuilder()
                        .setKind(ChangeKind.CHANGE_KIND_ADDED).setStatement(byAz).build());
                List<LiveClient.Event> events = live.nextEvents(page.size());
                assertTrue(live.quietFor(Duration.ofMillis(300)), filter + ": nothing the page does not show");
                for (LiveClient.Event e : events) {
                    Map<String, Object> data = data(e);
                    Map<String, Object> shown = page.stream().filter(p -> p.get("id").equals(data.get("id"))).findFirst()
                            .orElseThrow(() -> new AssertionError(filter + ": not on the page: " + data.get("id")));
                    assertEquals(shown, data.get("event"), filter + ": the event as the page shows it");
                    assertEquals(shown.get("sortKey"), data.get("sortKey"), filter);
                }
            }
            await(() -> FakeWatches.open() == before, "watches cancelled");
        }
        List<String> all = given().get("/api/v1/countries/AZ/timeline").then().statusCode(200).extract().jsonPath()
                .getList("events.sortKey");
        assertEquals(List.of("2023-07-31.1.0", "2024-04-30.0.3", "2024-04-30.1.2", "2024-12-31.2.0", "2024-12-31.2.1"), all,
                "placed at its placed_at; ranks fixed whatever the filter");
    }
}
