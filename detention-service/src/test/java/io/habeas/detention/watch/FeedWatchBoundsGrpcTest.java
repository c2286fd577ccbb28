package io.habeas.detention.watch;

import io.habeas.kernel.testing.Watching;
import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.support.testing.Bearer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedWatchBoundsGrpcTest extends WatchTest {
    private String person;

    @BeforeEach
    void recordThePerson() {
        person = createPerson(ibadoglu()).getName();
    }

    @Test
    void aCallerHoldsAtMostItsCapOfWatches() {
        for (int i = 0; i < 4; i++) {
            watchPerson(Role.VIEWER, person, "");
        }
        StatusRuntimeException refused = watchPerson(Role.VIEWER, person, "").end();
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
        assertEquals("TOO_MANY_WATCHES", Watching.errorInfo(refused).getReason());
        assertEquals(4, hub.size());

        var another = watchPerson(Role.ANALYST, person, "");
        assertEquals(5, hub.size());
        another.cancel();
        awaitWatches(4);
    }

    @Test
    void aSlowClientIsEndedWithAResumeTokenAndResumesLosingNothing() throws InterruptedException {
        Detention detention = createDetention(arrest(person, date(2023, 7, 23)));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ManagedChannel small = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().flowControlWindow(4096).build();
        try {
            Watching<WatchPersonFeedResponse> slow = new Watching<>(false);
            registered(slow, () -> Bearer.as(FeedWatchServiceGrpc.newStub(small), Role.VIEWER).watchPersonFeed(
                    WatchPersonFeedRequest.newBuilder().setPerson(person).build(), slow));
            Set<String> written = new HashSet<>();
            for (int i = 0; i < 60 && hub.size() > 0; i++) {
                written.add(addCharge(detention, charge("204.3." + i, date(2023, 8, 1))
                        .setOffenceDescription("x".repeat(500))).getName());
            }
            awaitWatches(0);
            slow.take(1000);
            StatusRuntimeException end = slow.end();
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, end.getStatus().getCode());
            ErrorInfo info = Watching.errorInfo(end);
            assertEquals("WATCH_TOO_SLOW", info.getReason());
            List<String> seen = new ArrayList<>();
            String last = null;
            for (WatchPersonFeedResponse response = slow.poll(); response != null; response = slow.poll()) {
                seen.add(response.getChange().getItem().getCharge().getName());
                last = response.getResumeToken();
            }
            assertTrue(seen.size() < written.size(), "the client was ended before it was sent everything");
            if (last != null) {
                assertEquals(last, info.getMetadataOrThrow("resume_token"));
            }

            var resumed = watchPerson(Role.VIEWER, person, info.getMetadataOrThrow("resume_token"));
            resumed.next(written.size() - seen.size()).forEach(r -> seen.add(r.getChange().getItem().getCharge().getName()));
            resumed.nothingWithin(Duration.ofMillis(1500));
            assertEquals(written.size(), seen.size());
            assertEquals(written, new HashSet<>(seen));
        } finally {
            small.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWatchEndsWhenItsTokenExpires() {
        Watching<WatchPersonFeedResponse> watching = new Watching<>(true);
        registered(watching, () -> Bearer.with(FeedWatchServiceGrpc.newStub(channel),
                TestTokens.expiringIn(Role.VIEWER, Duration.ofSeconds(3))).watchPersonFeed(
                WatchPersonFeedRequest.newBuilder().setPerson(person).build(), watching));
        Instant opened = Instant.now();

        StatusRuntimeException end = watching.end();
        assertEquals(Status.Code.UNAUTHENTICATED, end.getStatus().getCode());
        assertEquals("TOKEN_EXPIRED", Watching.errorInfo(end).getReason());
        assertTrue(Duration.between(opened, Instant.now()).compareTo(Duration.ofSeconds(6)) < 0);
        var resumed = watchPerson(Role.VIEWER, person, Watching.errorInfo(end).getMetadataOrThrow("resume_token"));
        createDetention(arrest(person, date(2023, 7, 23)));
        resumed.next();
    }

    @Test
    void aResumePointOlderThanTheKeptChangesIsOutOfRange() {
        var watching = watchPerson(Role.VIEWER, person, "");
        createDetention(arrest(person, date(2023, 7, 23)));
        String token = watching.next().getResumeToken();
        watching.cancel();
        createDetention(arrest(person, date(2024, 7, 23)));

        hub.purge(Instant.now().plusSeconds(60));

        StatusRuntimeException end = watchPerson(Role.VIEWER, person, token).end();
        assertEquals(Status.Code.OUT_OF_RANGE, end.getStatus().getCode());
        assertEquals("RESUME_POINT_EXPIRED", Watching.errorInfo(end).getReason());
        var fromNow = watchPerson(Role.VIEWER, person, "");
        createDetention(arrest(person, date(2025, 1, 1)));
        assertEquals(2025, fromNow.next().getChange().getItem().getDate().getYear());
    }

    private void awaitWatches(int count) {
        for (int i = 0; i < 300 && hub.size() != count; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(count, hub.size());
    }
}
