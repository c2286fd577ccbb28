package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.Watching;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import java.time.Duration;
import io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live feeds across instances: two instances of each backend over one database, a write through
 * one reaching a watcher on the other (LISTEN/NOTIFY and the change log, no broker), a watch resumed
 * on another instance losing and repeating nothing, and an instance stopping handing its watchers a
 * resume point that another instance honours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveFeedSystemTest {
    private RunningSuite running;
    private String recorder;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<Watching<?>> watches = new ArrayList<>();

    @BeforeAll
    void startTwoInstancesOfEachBackend() throws Exception {
        // A small buffer per watch, so that a client that takes nothing is cut off after a few changes.
        running = RunningSuite.start("habeas-live-feeds", Database.Durability.FAST, Map.of("HABEAS_WATCH_BUFFER", "8"), 2);
        recorder = running.token(Role.RECORDER);
    }

    @AfterAll
    void stop() throws Exception {
        watches.forEach(Watching::cancel);
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        running.close();
    }

    @Test
    @Order(1)
    void aDetentionWrittenThroughOneInstanceReachesAWatcherOnTheOther() {
        String person = createPerson("Watched across instances", 1);
        Watching<WatchPersonFeedResponse> watcher = watchPerson(person, "", 2);
        assertFalse(watcher.started().isEmpty(), "a watch starts with the resume token of its starting point");
        Detention detention = arrest(person, 1);
        WatchPersonFeedResponse change = watcher.next();
        assertEquals(FeedChangeKind.FEED_CHANGE_KIND_ADDED, change.getChange().getKind());
        assertEquals(detention.getName(), change.getChange().getItem().getDetentionName());
        assertFalse(change.getResumeToken().isEmpty());
    }

    @Test
    @Order(2)
    void aWatchResumedOnTheOtherInstanceLosesAndRepeatsNothing() {
        String person = createPerson("Resumed across instances", 1);
        Watching<WatchPersonFeedResponse> first = watchPerson(person, "", 1);
        first.started();
        Detention detention = arrest(person, 2);
        String resumeToken = first.next().getResumeToken();
        first.cancel();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(event(detention, i % 2 + 1, "Hearing " + i).getName());
        }
        Watching<WatchPersonFeedResponse> resumed = watchPerson(person, resumeToken, 2);
        List<String> received = resumed.next(3).stream().map(r -> r.getChange().getItem().getCustodyEvent().getName()).toList();
        assertEquals(written, received, "the changes after the resume point, each once and in order");
        resumed.nothingWithin(Duration.ofSeconds(3));
    }

    @Test
    @Order(9)
    void anInstanceStoppingEndsItsWatchesWithAResumePointTheOtherHonours() throws Exception {
        String person = createPerson("Watched through a stop", 1);
        Watching<WatchPersonFeedResponse> watcher = watchPerson(person, "", 2);
        watcher.started();
        Detention detention = arrest(person, 1);
        watcher.next();
        ServiceProcess second = running.suite.service(Suite.DETENTION + "-2");
        second.terminate();
        StatusRuntimeException end = watcher.end();
        assertEquals(Status.Code.UNAVAILABLE, end.getStatus().getCode());
        assertEquals("SHUTTING_DOWN", Watching.errorInfo(end).getReason());
        String resumeToken = Watching.errorInfo(end).getMetadataOrThrow("resume_token");
        String written = event(detention, 1, "Written while the watcher's instance stopped").getName();
        assertTrue(second.awaitExit(Duration.ofSeconds(40)), "detention-service-2 did not stop");
        Watching<WatchPersonFeedResponse> resumed = watchPerson(person, resumeToken, 1);
        assertEquals(written, resumed.next().getChange().getItem().getCustodyEvent().getName());
        resumed.nothingWithin(Duration.ofSeconds(3));
    }

    @Test
    @Order(3)
    void aClaimRecordedThroughOneInstanceReachesAWatcherOnTheOther() {
        String person = createPerson("Named in a claim", 1);
        Watching<WatchPersonClaimsResponse> watcher = new Watching<>(true);
        watches.add(watcher);
        ClaimWatchServiceGrpc.newStub(ClientInterceptors.intercept(instance(Suite.STATEMENT, 2), DevTokens.bearer(recorder)))
                .watchPersonClaims(WatchPersonClaimsRequest.newBuilder().setPerson(person).build(), watcher);
        watcher.started();
        Statement statement = callForRelease(person, 1);
        WatchPersonClaimsResponse change = watcher.next();
        assertEquals(ChangeKind.CHANGE_KIND_ADDED, change.getChange().getKind());
        assertEquals(statement.getClaims(0).getName(), change.getChange().getItem().getClaim());
    }

    @Test
    @Order(4)
    void aRecordAboveTheWatchersClearanceNeverReachesIt() {
        String person = createPerson("Watched by a viewer", 1);
        Detention detention = arrest(person, 1);
        Watching<WatchPersonFeedResponse> viewer = watchPerson(person, "", 2, running.token(Role.VIEWER));
        Watching<WatchPersonFeedResponse> admin = watchPerson(person, "", 1, running.token(Role.ADMIN));
        viewer.started();
        admin.started();
        String hidden = event(detention, 1, "Confidential", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL).getName();
        String shown = event(detention, 2, "Public", AccessLevel.ACCESS_LEVEL_PUBLIC).getName();
        assertEquals(shown, viewer.next().getChange().getItem().getCustodyEvent().getName());
        viewer.nothingWithin(Duration.ofSeconds(3));
        assertEquals(List.of(hidden, shown),
                admin.next(2).stream().map(r -> r.getChange().getItem().getCustodyEvent().getName()).toList());
    }

    @Test
    @Order(5)
    void theGatewaysLiveTimelineShowsWritesOfEveryInstanceAndResumesWithNothingLostOrRepeated() throws Exception {
        String person = createPerson("Followed on a dashboard", 1);
        Detention detention = arrest(person, 2);
        String viewer = running.token(Role.VIEWER);
        String url = running.gatewayUrl("/api/v1/persons/" + person.substring("persons/".length()) + "/timeline/live");
        String lastId;
        try (LiveEvents live = LiveEvents.open(url, viewer, null)) {
            assertFalse(live.ready().isEmpty(), "every watch started");
            event(detention, 1, "Hidden from the viewer", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
            String shown = event(detention, 2, "Shown to the viewer", AccessLevel.ACCESS_LEVEL_PUBLIC).getName();
            LiveEvents.Event added = live.next();
            assertEquals("added", added.name());
            assertTrue(added.data().contains(shown), added.data());
            assertTrue(live.quietFor(Duration.ofSeconds(3)), "only the event the viewer may read");
            lastId = added.id();
        }
        String whileAway = event(detention, 1, "Written while the dashboard was away", AccessLevel.ACCESS_LEVEL_PUBLIC)
                .getName();
        try (LiveEvents live = LiveEvents.open(url, viewer, lastId)) {
            LiveEvents.Event next = live.next();
            assertEquals("added", next.name());
            assertTrue(next.data().contains(whileAway), next.data());
            assertTrue(live.quietFor(Duration.ofSeconds(3)), "nothing repeated");
        }
    }

    @Test
    @Order(6)
    void aClientThatDoesNotKeepUpIsCutOffAndResumesOnTheOtherInstanceLosingNothing() throws Exception {
        String person = createPerson("Watched by a slow client", 1);
        Detention detention = arrest(person, 1);
        ServiceProcess second = running.suite.service(Suite.DETENTION + "-2");
        // a small HTTP/2 window, so that the server's side fills after a few changes the client has not taken
        ManagedChannel small = NettyChannelBuilder.forAddress("127.0.0.1", second.port).usePlaintext()
                .flowControlWindow(4096).build();
        channels.add(small);
        Watching<WatchPersonFeedResponse> slow = new Watching<>(false);
        watches.add(slow);
        FeedWatchServiceGrpc.newStub(ClientInterceptors.intercept(small, DevTokens.bearer(recorder)))
                .watchPersonFeed(WatchPersonFeedRequest.newBuilder().setPerson(person).build(), slow);
        slow.started();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 60 && !slow.ended(); i++) {
            written.add(event(detention, 1, "x".repeat(1500) + i).getName());
        }
        slow.take(1000);
        StatusRuntimeException end = slow.end();
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, end.getStatus().getCode());
        assertEquals("WATCH_TOO_SLOW", Watching.errorInfo(end).getReason());
        Set<String> seen = new HashSet<>();
        for (WatchPersonFeedResponse r = slow.poll(); r != null; r = slow.poll()) {
            seen.add(r.getChange().getItem().getCustodyEvent().getName());
        }
        assertTrue(seen.size() < written.size(), "the client was cut off before it was sent everything");
        Watching<WatchPersonFeedResponse> resumed = watchPerson(person,
                Watching.errorInfo(end).getMetadataOrThrow("resume_token"), 1);
        resumed.next(written.size() - seen.size()).forEach(r -> assertTrue(
                seen.add(r.getChange().getItem().getCustodyEvent().getName()), "a change sent twice"));
        resumed.nothingWithin(Duration.ofSeconds(2));
        assertEquals(written, seen);
    }

    private ManagedChannel instance(String service, int instance) {
        ManagedChannel channel = BalancedClients.direct(running.suite.service(instance == 1 ? service : service + "-" + instance));
        channels.add(channel);
        return channel;
    }

    private Watching<WatchPersonFeedResponse> watchPerson(String person, String resumeToken, int instance) {
        return watchPerson(person, resumeToken, instance, recorder);
    }

    private Watching<WatchPersonFeedResponse> watchPerson(String person, String resumeToken, int instance, String token) {
        Watching<WatchPersonFeedResponse> watching = new Watching<>(true);
        watches.add(watching);
        FeedWatchServiceGrpc.newStub(ClientInterceptors.intercept(instance(Suite.DETENTION, instance), DevTokens.bearer(token)))
                .watchPersonFeed(WatchPersonFeedRequest.newBuilder().setPerson(person).setResumeToken(resumeToken).build(),
                        watching);
        return watching;
    }

    private String createPerson(String displayName, int instance) {
        return PersonServiceGrpc.newBlockingStub(ClientInterceptors.intercept(instance(Suite.DETENTION, instance),
                DevTokens.bearer(recorder))).createPerson(CreatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setDisplayName(displayName).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(DemoCase.articleA())).build()).getPerson().getName();
    }

    private Detention arrest(String person, int instance) {
        return detentions(instance).createDetention(CreateDetentionRequest.newBuilder().setRequestId(requestId())
                .setDetention(Detention.newBuilder().setPerson(person).setDetainingCountry("AZ").setPlace("Baku")
                        .setStartDate(DemoCase.date(2024, 3, 2)).setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(DemoCase.articleA()))
                .build()).getDetention();
    }

    private CustodyEvent event(Detention detention, int instance, String note) {
        return event(detention, instance, note, AccessLevel.ACCESS_LEVEL_PUBLIC);
    }

    private CustodyEvent event(Detention detention, int instance, String note, AccessLevel level) {
        return detentions(instance).createCustodyEvent(CreateCustodyEventRequest.newBuilder().setRequestId(requestId())
                .setParent(detention.getName()).setCustodyEvent(CustodyEvent.newBuilder()
                        .setType(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED).setOccurredOn(DemoCase.date(2024, 4, 2))
                        .setDescription(note).setAccessLevel(level).addSources(DemoCase.articleA()))
                .build()).getCustodyEvent();
    }

    private Statement callForRelease(String person, int instance) {
        var stub = ClientInterceptors.intercept(instance(Suite.STATEMENT, instance), DevTokens.bearer(recorder));
        String actor = ActorServiceGrpc.newBlockingStub(stub).createActor(CreateActorRequest.newBuilder()
                .setRequestId(requestId()).setActor(Actor.newBuilder().setDisplayName("Ministry of Foreign Affairs")
                        .setKind(ActorKind.ACTOR_KIND_GOVERNMENT_BODY).setCountry("US")
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)).build()).getActor().getName();
        return StatementServiceGrpc.newBlockingStub(stub).createStatement(CreateStatementRequest.newBuilder()
                .setRequestId(requestId()).setStatement(Statement.newBuilder().setActor(actor)
                        .setMadeOn(DemoCase.date(2024, 5, 1)).setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE)
                        .setTitle("A call for release").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(DemoCase.articleA()).addClaims(Claim.newBuilder()
                                .setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE).addSubjectPersons(person)
                                .setText("Release them")))
                .build()).getStatement();
    }

    private DetentionServiceGrpc.DetentionServiceBlockingStub detentions(int instance) {
        return DetentionServiceGrpc.newBlockingStub(ClientInterceptors.intercept(instance(Suite.DETENTION, instance),
                DevTokens.bearer(recorder)));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
