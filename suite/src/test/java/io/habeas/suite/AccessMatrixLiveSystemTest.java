package io.habeas.suite;

import static io.habeas.suite.AccessMatrix.reads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedChange;
import io.habeas.detention.v1.FeedChangeKind;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.detention.v1.WatchCountryFeedResponse;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.detention.v1.WatchPersonFeedResponse;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ChangeKind;
import io.habeas.statement.v1.ClaimChange;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.habeas.statement.v1.WatchClaimsAboutPersonsRequest;
import io.habeas.statement.v1.WatchClaimsAboutPersonsResponse;
import io.habeas.statement.v1.WatchCountryClaimsRequest;
import io.habeas.statement.v1.WatchCountryClaimsResponse;
import io.habeas.statement.v1.WatchCountryStatementsRequest;
import io.habeas.statement.v1.WatchCountryStatementsResponse;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.statement.v1.WatchPersonClaimsResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The access matrix, live: each role opens every watch and live timeline on the matrix's subjects
 * it sees, before their records are written; what each stream delivers must come to exactly what
 * the role's paged read of the same subject shows, and mention nothing else, not even the
 * retraction of a record the role could never read. Subjects the role does not see refuse the
 * stream as their reads do ({@link AccessMatrixSystemTest}'s hidden-record tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixLiveSystemTest {
    /** Per person, the labels of their feed and of the claims about them, the retracted records included. */
    private static final Map<String, List<String>> FEED = Map.of(
            "pPub", List.of("dPub", "ePre", "eRel", "cPub", "cRes", "eGonePub", "eGoneRes", "eGoneConf"),
            "pRes", List.of("dRes"), "pConf", List.of("dConf"));
    private static final Map<String, List<String>> CLAIMS = Map.of(
            "pPub", List.of("s1", "s2", "s4", "sGonePub", "sGoneRes", "sGoneConf"), "pRes", List.of("s4"), "pConf", List.of("s3"));

    private RunningSuite suite;
    private AccessMatrix m;
    private final Map<Role, List<Live>> live = new EnumMap<>(Role.class);
    private final List<AutoCloseable> streams = new ArrayList<>();

    /** A stream opened as a role, its subject's paged read as that role, and the labels it may ever mention. */
    private record Live(String what, LiveChanges changes, Supplier<Set<String>> pagedRead, List<String> labels) {
    }

    @BeforeAll
    void recordTheMatrixWhileEveryRoleWatches() throws Exception {
        // Each role holds every stream at once under one token subject: more than the services' (8 watches) and the
        // gateway's (2 streams) caps per caller allow, which are not what this test is about.
        suite = RunningSuite.start("habeas-access-matrix-live", Database.Durability.FAST,
                Map.of("HABEAS_WATCH_MAX_PER_CALLER", "32", "HABEAS_GATEWAY_LIVE_MAX_PER_CALLER", "8"));
        m = AccessMatrix.record(suite.detention(Role.ADMIN), suite.statement(Role.ADMIN), subjects -> {
            m = subjects;
            for (Role role : Role.values()) {
                live.put(role, open(role));
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable stream : streams) {
            stream.close();
        }
        suite.close();
    }

    /**
     * Waits for what each stream is due (every write is done), then a little longer than a service's
     * poll interval (1 s) for anything beyond it, and compares.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    void eachStreamDeliversExactlyWhatTheRolesPagedReadShows(Role role) throws InterruptedException {
        Map<Live, Set<String>> pages = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(30);
        for (Live stream : live.get(role)) {
            Set<String> page = stream.pagedRead().get();
            pages.put(stream, page);
            Set<String> mayMention = m.expected(role, stream.labels().toArray(String[]::new));
            stream.changes().takeUntil(c -> c.applied().equals(page) && mentioned(c).equals(mayMention), deadline);
        }
        Thread.sleep(2_000);
        for (Live stream : live.get(role)) {
            LiveChanges changes = stream.changes();
            changes.takeAll();
            assertEquals(pages.get(stream), changes.applied(), () -> stream.what() + ": " + changes.state());
            assertEquals(m.expected(role, stream.labels().toArray(String[]::new)), mentioned(changes),
                    () -> stream.what() + ": " + changes.state());
        }
    }

    /** The labels of what a stream mentioned, a timeline event's id ("detention-service:detentions/...") read as its record's. */
    private Set<String> mentioned(LiveChanges changes) {
        return m.labels(changes.mentioned().stream().map(name -> name.substring(name.indexOf(':') + 1)).toList());
    }

    /** Every watch and live timeline on the subjects the role sees, each started. */
    private List<Live> open(Role role) throws Exception {
        List<Live> opened = new ArrayList<>();
        var feeds = FeedWatchServiceGrpc.newStub(suite.detention(role));
        var claims = ClaimWatchServiceGrpc.newStub(suite.statement(role));
        var detentions = DetentionServiceGrpc.newBlockingStub(suite.detention(role));
        var statements = StatementServiceGrpc.newBlockingStub(suite.statement(role));
        for (String p : m.seen(reads(role), "pPub", "pRes", "pConf")) {
            String person = m.name(p);
            opened.add(new Live("WatchPersonFeed " + p, LiveChanges.watch(o -> feeds.watchPersonFeed(
                    WatchPersonFeedRequest.newBuilder().setPerson(person).build(), o),
                    (WatchPersonFeedResponse r) -> feedChange(r.getChange()), streams),
                    () -> feedNames(detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person)
                            .setPageSize(500).build()).getItemsList()), FEED.get(p)));
            opened.add(new Live("WatchPersonClaims " + p, LiveChanges.watch(o -> claims.watchPersonClaims(
                    WatchPersonClaimsRequest.newBuilder().setPerson(person).build(), o),
                    (WatchPersonClaimsResponse r) -> claimChange(r.getChange()), streams),
                    () -> claimNames(statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person)
                            .setPageSize(500).build()).getItemsList()), CLAIMS.get(p)));
            opened.add(timeline(role, "/api/v1/persons/" + m.id(p) + "/timeline", both(FEED.get(p), CLAIMS.get(p))));
        }
        List<String> everyone = List.of(m.name("pPub"), m.name("pRes"), m.name("pConf"));
        opened.add(new Live("WatchClaimsAboutPersons", LiveChanges.watch(o -> claims.watchClaimsAboutPersons(
                WatchClaimsAboutPersonsRequest.newBuilder().addAllPersons(everyone).build(), o),
                (WatchClaimsAboutPersonsResponse r) -> claimChange(r.getChange()), streams),
                () -> claimNames(statements.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder()
                        .addAllPersons(everyone).setPageSize(500).build()).getItemsList()), all(CLAIMS)));
        String by = AccessMatrix.DETAINING;
        opened.add(new Live("WatchCountryFeed " + by, LiveChanges.watch(o -> feeds.watchCountryFeed(
                WatchCountryFeedRequest.newBuilder().setDetainingCountry(by).build(), o),
                (WatchCountryFeedResponse r) -> feedChange(r.getChange()), streams),
                () -> feedNames(detentions.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(by)
                        .setPageSize(500).build()).getItemsList()), all(FEED)));
        opened.add(new Live("WatchCountryClaims " + by, LiveChanges.watch(o -> claims.watchCountryClaims(
                WatchCountryClaimsRequest.newBuilder().setCountry(by).build(), o),
                (WatchCountryClaimsResponse r) -> claimChange(r.getChange()), streams),
                () -> claimNames(statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry(by)
                        .setPageSize(500).build()).getItemsList()), all(CLAIMS)));
        String lt = AccessMatrix.SPEAKING;
        opened.add(new Live("WatchCountryStatements " + lt, LiveChanges.watch(o -> claims.watchCountryStatements(
                WatchCountryStatementsRequest.newBuilder().setCountry(lt).build(), o),
                (WatchCountryStatementsResponse r) -> new LiveChanges.Change(r.getChange().getStatement().getName(),
                        r.getChange().getKind() == ChangeKind.CHANGE_KIND_RETRACTED), streams),
                () -> statements.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry(lt)
                        .setPageSize(500).build()).getStatementsList().stream().map(Statement::getName)
                        .collect(Collectors.toSet()), all(CLAIMS)));
        opened.add(timeline(role, "/api/v1/countries/" + by + "/timeline", both(all(FEED), all(CLAIMS))));
        return opened;
    }

    /** A live timeline, compared with the ids of the paged timeline's events. */
    private Live timeline(Role role, String timeline, List<String> labels) throws Exception {
        LiveEvents events = LiveEvents.open(suite.gatewayUrl(timeline + "/live"), suite.token(role), null);
        return new Live("GET " + timeline + "/live", LiveChanges.timeline(events, streams), () -> {
            Response page = suite.gateway(role).queryParam("pageSize", 200).get(timeline);
            page.then().statusCode(200);
            assertEquals(false, page.jsonPath().getBoolean("partial"), page.asString());
            return new TreeSet<>(page.jsonPath().getList("events.id", String.class));
        }, labels);
    }

    private static LiveChanges.Change feedChange(FeedChange change) {
        return new LiveChanges.Change(AccessMatrix.recordOf(change.getItem()),
                change.getKind() == FeedChangeKind.FEED_CHANGE_KIND_RETRACTED);
    }

    private static LiveChanges.Change claimChange(ClaimChange change) {
        return new LiveChanges.Change(change.getItem().getClaim(), change.getKind() == ChangeKind.CHANGE_KIND_RETRACTED);
    }

    private static Set<String> feedNames(List<FeedItem> items) {
        return items.stream().map(AccessMatrix::recordOf).collect(Collectors.toSet());
    }

    private static Set<String> claimNames(List<ClaimItem> items) {
        return items.stream().map(ClaimItem::getClaim).collect(Collectors.toSet());
    }

    private static List<String> all(Map<String, List<String>> perPerson) {
        return perPerson.values().stream().flatMap(List::stream).distinct().toList();
    }

    private static List<String> both(List<String> feed, List<String> claims) {
        return Stream.concat(feed.stream(), claims.stream()).toList();
    }
}
