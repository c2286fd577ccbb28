package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.habeas.gateway.fake.Backends;
import io.habeas.gateway.fake.FakeWatches;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.ClaimChange;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Caps on open streams and the bounded buffer: a client that does not read is cut off and resumes losing nothing. */
@QuarkusTest
@TestProfile(LiveTest.Settings.class)
class LiveBoundsTest extends LiveTest {

    static final String LIVE = LiveTimelineTest.LIVE;

    @Test
    void streamsPastTheCallersOrTheInstancesCapAre429() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        callAs(TestTokens.withGroups("live-cap-a", "analyst"));
        String a = token;
        List<LiveClient> open = new ArrayList<>();
        try {
            open.add(LiveClient.open(LIVE, a, null));
            open.add(LiveClient.open(LIVE, a, null));
            // the fake backends take only the current caller's token: a's watches start before the caller changes
            open.forEach(LiveClient::ready);
            HttpResponse<InputStream> third = LiveClient.send(LIVE, a, null);
            String body = LiveClient.body(third);
            assertEquals(429, third.statusCode(), body);
            assertEquals("application/problem+json", third.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());

            callAs(TestTokens.withGroups("live-cap-b", "analyst"));
            open.add(LiveClient.open(LIVE, token, null));
            HttpResponse<InputStream> fourth = LiveClient.send(LIVE, token, null);
            assertEquals(429, fourth.statusCode(), "the instance holds 3: " + LiveClient.body(fourth));
            assertEquals(3, streams.open());
        } finally {
            open.forEach(LiveClient::close);
        }
        await(() -> streams.open() == 0, "places given back");
        callAs(a);
        try (LiveClient again = LiveClient.open(LIVE, token, null)) {
            assertEquals("live", again.next(java.time.Duration.ofSeconds(5)).comment());
        }
    }

    /**
     * A client that stops reading fills the connection, then the stream's buffer (16 here): the stream is cut off
     * and its watches cancelled, not buffered without bound. Resuming from the last event it got, it receives
     * exactly the rest.
     */
    @Test
    void aSlowClientIsCutOffAndResumesLosingNothing() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        String log = FakeWatches.personClaims(PERSON);
        String detail = "x".repeat(4000);
        int total = 6000;
        Set<String> received = new HashSet<>();
        String lastId;
        try (LiveClient slow = LiveClient.paused(LIVE, token, null)) {
            await(() -> FakeWatches.open() == 2, "watches started");
            for (int i = 0; i < total; i++) {
                ClaimItem c = claim(statementName("s" + i), "2024-04", ClaimKind.CLAIM_KIND_CONCERN, PERSON, "US", List.of(), "",
                        PUBLIC);
                c = c.toBuilder().setStatement(c.getStatement().toBuilder().setSummary(detail)
                        .setClaims(0, c.getStatement().getClaims(0).toBuilder().setText(detail))).build();
                FakeWatches.publish(log, ClaimChange.newBuilder().setKind(ChangeKind.CHANGE_KIND_ADDED).setItem(c).build());
            }
            await(() -> FakeWatches.open() == 0, "the watches of a client that does not read are cancelled");
            assertEquals(2, FakeWatches.cancelled.get());
            slow.readAll();
            lastId = null;
            LiveClient.Event e;
            String endReason = null;
            while ((e = slow.next(java.time.Duration.ofSeconds(5))) != LiveClient.CLOSED) {
                if ("added".equals(e.event())) {
                    assertTrue(received.add(String.valueOf(data(e).get("id"))), "no event twice");
                    lastId = e.id();
                } else if ("end".equals(e.event())) {
                    endReason = String.valueOf(data(e).get("reason"));
                    lastId = e.id();
                }
            }
            assertTrue(received.size() < total, "cut off before the end: " + received.size());
            assertTrue(endReason == null || endReason.equals("too_slow"), endReason);
        }
        await(() -> streams.open() == 0, "the stream's place given back");
        try (LiveClient resumed = LiveClient.open(LIVE, token, lastId)) {
            while (received.size() < total) {
                LiveClient.Event e = resumed.nextEvent();
                assertEquals("added", e.event(), "event " + e.event() + " after " + received.size());
                assertTrue(received.add(String.valueOf(data(e).get("id"))), "no event twice");
            }
            assertTrue(resumed.quietFor(java.time.Duration.ofMillis(300)));
        }
    }
}
