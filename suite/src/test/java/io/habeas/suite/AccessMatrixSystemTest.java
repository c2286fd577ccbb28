package io.habeas.suite;

import static io.habeas.suite.AccessMatrix.reads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Channel;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.Revision;
import io.habeas.common.v1.RevisionAction;
import io.habeas.detention.v1.ChargeRevision;
import io.habeas.detention.v1.CustodyEventRevision;
import io.habeas.detention.v1.DetentionRevision;
import io.habeas.detention.v1.ListChargeRevisionsRequest;
import io.habeas.detention.v1.ListCustodyEventRevisionsRequest;
import io.habeas.detention.v1.ListDetentionRevisionsRequest;
import io.habeas.detention.v1.ListPersonRevisionsRequest;
import io.habeas.detention.v1.PersonRevision;
import io.habeas.statement.v1.GetPersonReleaseOutcomeRequest;
import io.habeas.statement.v1.GetPersonReleaseOutcomeResponse;
import io.habeas.statement.v1.GetReleaseOutcomeStatisticsRequest;
import io.habeas.statement.v1.ListReleaseOutcomesRequest;
import io.habeas.statement.v1.ReleaseOutcome;
import io.habeas.statement.v1.ReleaseOutcomeScope;
import io.habeas.statement.v1.ReleaseOutcomeServiceGrpc;
import io.habeas.statement.v1.ReleaseOutcomeStatus;
import io.habeas.statement.v1.ActorRevision;
import io.habeas.statement.v1.ListActorRevisionsRequest;
import io.habeas.statement.v1.ListStatementRevisionsRequest;
import io.habeas.statement.v1.StatementRevision;
import java.time.Instant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListChargesRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListCustodyEventsRequest;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.BatchGetReleaseCallSummariesRequest;
import io.habeas.statement.v1.CallerCount;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.ReleaseCallSummary;
import io.habeas.statement.v1.SearchActorsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.restassured.response.Response;
import io.habeas.detention.v1.FeedWatchServiceGrpc;
import io.habeas.detention.v1.WatchPersonFeedRequest;
import io.habeas.statement.v1.ClaimWatchServiceGrpc;
import io.habeas.statement.v1.WatchPersonClaimsRequest;
import io.habeas.detention.v1.WatchCountryFeedRequest;
import io.habeas.statement.v1.WatchClaimsAboutPersonsRequest;
import io.habeas.statement.v1.WatchCountryClaimsRequest;
import io.habeas.statement.v1.WatchCountryStatementsRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every read path, gRPC and REST, walked as each role and without a token over records at every
 * access level ({@link AccessMatrix}), asserting exactly what each caller gets back, counts and
 * derived facts included; what a caller may not see answers as if it did not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixSystemTest {
    private static final String UNKNOWN_PERSON = "persons/" + UUID.randomUUID();
    private RunningSuite suite;
    private AccessMatrix m;

    @BeforeAll
    void recordTheMatrix() throws Exception {
        suite = RunningSuite.start("habeas-access-matrix");
        m = AccessMatrix.record(suite.detention(Role.ADMIN), suite.statement(Role.ADMIN));
    }

    @AfterAll
    void stop() throws Exception {
        suite.close();
    }

    private PersonServiceGrpc.PersonServiceBlockingStub persons(Role role) {
        return PersonServiceGrpc.newBlockingStub(suite.detention(role));
    }

    private DetentionServiceGrpc.DetentionServiceBlockingStub detentions(Role role) {
        return DetentionServiceGrpc.newBlockingStub(suite.detention(role));
    }

    private ActorServiceGrpc.ActorServiceBlockingStub actors(Role role) {
        return ActorServiceGrpc.newBlockingStub(suite.statement(role));
    }

    private StatementServiceGrpc.StatementServiceBlockingStub statements(Role role) {
        return StatementServiceGrpc.newBlockingStub(suite.statement(role));
    }

    private static Set<String> statementsOf(List<ClaimItem> items) {
        return items.stream().map(i -> i.getStatement().getName()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void personsListsSearchesAndFeedsHoldWhatTheRoleSees(Role role) {
        assertEquals(m.expected(role, "pPub", "pRes", "pConf"), m.labels(persons(role).listPersons(ListPersonsRequest.newBuilder()
                .setCitizenship(AccessMatrix.DETAINING).setPageSize(200).build()).getPersonsList().stream().map(p -> p.getName()).toList()));
        assertEquals(m.expected(role, "pPub", "pRes", "pConf"), m.labels(persons(role).listPersons(ListPersonsRequest.newBuilder()
                .addPersons(m.name("pPub")).addPersons(m.name("pRes")).addPersons(m.name("pConf")).addPersons(UNKNOWN_PERSON)
                .build()).getPersonsList().stream().map(p -> p.getName()).toList()));
        assertEquals(m.expected(role, "pPub", "pRes", "pConf"), m.labels(persons(role).searchPersons(SearchPersonsRequest.newBuilder()
                .setQuery("Matrix").setPageSize(100).build()).getMatchesList().stream().map(p -> p.getPerson().getName()).toList()));

        assertEquals(m.expected(role, "dPub", "ePre", "eRel", "cPub", "cRes"), m.labels(detentions(role).listPersonFeed(
                ListPersonFeedRequest.newBuilder().setPerson(m.name("pPub")).setPageSize(500).build())
                .getItemsList().stream().map(AccessMatrix::recordOf).toList()));
        assertEquals(m.expected(role, "dPub", "dRes", "dConf", "ePre", "eRel", "cPub", "cRes"), m.labels(detentions(role)
                .listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(AccessMatrix.DETAINING).setPageSize(500).build())
                .getItemsList().stream().map(AccessMatrix::recordOf).toList()));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void detentionsShowOnlyWhatTheRoleSeesAndDeriveTheirStatusFromIt(Role role) {
        List<Detention> listed = detentions(role).listDetentions(ListDetentionsRequest.newBuilder()
                .setDetainingCountry(AccessMatrix.DETAINING).setPageSize(200).build()).getDetentionsList();
        assertEquals(m.expected(role, "dPub", "dRes", "dConf"), m.labels(listed.stream().map(Detention::getName).toList()));

        boolean seesTheRelease = role == Role.ADMIN;
        Detention held = detentions(role).getDetention(GetDetentionRequest.newBuilder().setName(m.name("dPub")).build()).getDetention();
        assertEquals(seesTheRelease ? CustodyStatus.CUSTODY_STATUS_RELEASED : CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION,
                held.getCurrentStatus());
        assertEquals(!seesTheRelease, held.getOngoing());
        assertEquals(seesTheRelease, held.hasEndDate());
        assertEquals(seesTheRelease ? List.of("Matrix Gazette", "Matrix informant") : List.of("Matrix Gazette"),
                held.getSourcesList().stream().map(s -> s.getPublisher()).toList());
        assertEquals(held, listed.stream().filter(d -> d.getName().equals(held.getName())).findFirst().orElseThrow());

        assertEquals(m.expected(role, "ePre", "eRel"), m.labels(detentions(role).listCustodyEvents(ListCustodyEventsRequest.newBuilder()
                .setParent(m.name("dPub")).build()).getCustodyEventsList().stream().map(e -> e.getName()).toList()));
        assertEquals(m.expected(role, "cPub", "cRes"), m.labels(detentions(role).listCharges(ListChargesRequest.newBuilder()
                .setParent(m.name("dPub")).build()).getChargesList().stream().map(c -> c.getName()).toList()));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void countryStatisticsCountOnlyWhatTheRoleSees(Role role) {
        GetCountryStatisticsResponse statistics = detentions(role).getCountryStatistics(GetCountryStatisticsRequest.newBuilder()
                .setDetainingCountry(AccessMatrix.DETAINING).build());
        // Held now: pPub while its release is hidden, pRes from RESTRICTED up, pConf for admins.
        int heldNow = switch (reads(role)) {
            case ACCESS_LEVEL_PUBLIC -> 1;
            case ACCESS_LEVEL_RESTRICTED -> 2;
            default -> 2;
        };
        assertEquals(heldNow, statistics.getHeldNow());
        int newDetentions = statistics.getMonthlyList().stream().mapToInt(c -> c.getNewDetentions()).sum();
        int releases = statistics.getMonthlyList().stream().mapToInt(c -> c.getReleases()).sum();
        assertEquals(m.seen(reads(role), "dPub", "dRes", "dConf").size(), newDetentions);
        assertEquals(role == Role.ADMIN ? 1 : 0, releases);
        assertEquals(new TreeSet<>(m.seen(reads(role), "cPub", "cRes").stream().map(c -> c.equals("cPub") ? "193" : "342").toList()),
                statistics.getArticlesList().stream().map(a -> a.getArticle()).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void actorsStatementsAndClaimFeedsHoldWhatTheRoleSees(Role role) {
        assertEquals(m.expected(role, "aPub", "aConf"), m.labels(actors(role).listActors(ListActorsRequest.newBuilder()
                .setCountry(AccessMatrix.SPEAKING).build()).getActorsList().stream().map(a -> a.getName()).toList()));
        assertEquals(m.expected(role, "aPub", "aConf"), m.labels(actors(role).searchActors(SearchActorsRequest.newBuilder()
                .setQuery("Matrix").build()).getMatchesList().stream().map(a -> a.getActor().getName()).toList()));

        Set<String> all = m.expected(role, "s1", "s2", "s3", "s4");
        assertEquals(all, m.labels(statements(role).listStatements(ListStatementsRequest.newBuilder()
                .setActorCountry(AccessMatrix.SPEAKING).build()).getStatementsList().stream().map(Statement::getName).toList()));
        assertEquals(all, m.labels(statements(role).listCountryStatements(ListCountryStatementsRequest.newBuilder()
                .setCountry(AccessMatrix.SPEAKING).build()).getStatementsList().stream().map(Statement::getName).toList()));
        assertEquals(all, m.labels(statementsOf(statements(role).listCountryClaims(ListCountryClaimsRequest.newBuilder()
                .setCountry(AccessMatrix.DETAINING).build()).getItemsList())));
        assertEquals(all, m.labels(statementsOf(statements(role).listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder()
                .addPersons(m.name("pPub")).addPersons(m.name("pRes")).addPersons(m.name("pConf")).build()).getItemsList())));
        assertEquals(m.expected(role, "s1", "s2", "s4"), m.labels(statementsOf(statements(role).listPersonClaims(
                ListPersonClaimsRequest.newBuilder().setPerson(m.name("pPub")).build()).getItemsList())));
    }

    /**
     * pPub's release (eRel) is CONFIDENTIAL and came before every call: a role that sees it finds the
     * calls made outside any detention; a role that does not finds the person still held. Neither
     * answer shows the hidden release.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    void releaseOutcomesDeriveOnlyFromWhatTheRoleSees(Role role) {
        var outcomes = ReleaseOutcomeServiceGrpc.newBlockingStub(suite.statement(role));
        GetPersonReleaseOutcomeResponse pPub = outcomes.getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(m.name("pPub")).build());
        int calls = m.seen(reads(role), "s1", "s2", "s4").size();
        boolean seesRelease = !m.seen(reads(role), "eRel").isEmpty();
        if (seesRelease) {
            assertEquals(List.of(), pPub.getOutcomesList());
            assertEquals(calls, pPub.getCallsOutsideDetention());
        } else {
            assertEquals(1, pPub.getOutcomesCount());
            assertEquals(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, pPub.getOutcomes(0).getStatus());
            assertEquals(calls, pPub.getOutcomes(0).getCallCount());
            assertFalse(pPub.getOutcomes(0).hasEndDate());
        }

        Set<String> rows = new TreeSet<>();
        if (!seesRelease) {
            rows.add("pPub");
        }
        if (m.seen(reads(role), "dRes", "s4").size() == 2) {
            rows.add("pRes");
        }
        if (m.seen(reads(role), "dConf", "s3").size() == 2) {
            rows.add("pConf");
        }
        ReleaseOutcomeScope scope = ReleaseOutcomeScope.newBuilder().setDetainingCountry(AccessMatrix.DETAINING).build();
        assertEquals(rows, m.labels(outcomes.listReleaseOutcomes(ListReleaseOutcomesRequest.newBuilder().setScope(scope).build())
                .getOutcomesList().stream().map(ReleaseOutcome::getPerson).toList()));
        assertEquals(rows.size(), outcomes.getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.newBuilder()
                .setScope(scope).build()).getStatistics().getPersonsWithCalls());
        assertEquals(seesRelease ? 0 : 1, suite.gateway(role).get("/api/v1/persons/" + m.id("pPub") + "/release-outcome")
                .then().statusCode(200).extract().jsonPath().getList("outcomes").size());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void releaseCallSummariesCountOnlyVisibleCallsAndCallers(Role role) {
        GetReleaseCallSummaryResponse summary = statements(role).getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder()
                .setPerson(m.name("pPub")).build());
        List<String> calls = m.seen(reads(role), "s1", "s2", "s4");
        assertEquals(calls.size(), summary.getCallCount());
        assertEquals(m.expected(role, "aPub", "aConf"), m.labels(summary.getCallersList().stream().map(CallerCount::getActor).toList()));

        List<ReleaseCallSummary> batch = statements(role).batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest
                .newBuilder().addPersons(m.name("pPub")).addPersons(m.name("pRes")).addPersons(m.name("pConf")).build())
                .getSummariesList();
        Map<String, Integer> counts = batch.stream().collect(Collectors.toMap(s -> m.label(s.getPerson()), ReleaseCallSummary::getCallCount));
        assertEquals(Map.of("pPub", calls.size(), "pRes", m.seen(reads(role), "s4").size(), "pConf", m.seen(reads(role), "s3").size()),
                counts);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aHiddenRecordAnswersExactlyAsAnUnknownOne(Role role) {
        for (String label : List.of("pRes", "pConf")) {
            String hidden = m.name(label);
            if (m.seen(reads(role), label).isEmpty()) {
                assertSameAsUnknown(hidden, UNKNOWN_PERSON, name -> () -> persons(role).getPerson(
                        GetPersonRequest.newBuilder().setName(name).build()));
                assertEquals(statements(role).getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder()
                        .setPerson(UNKNOWN_PERSON).build()), statements(role).getReleaseCallSummary(
                        GetReleaseCallSummaryRequest.newBuilder().setPerson(hidden).build()));
                assertSameAsUnknown(hidden, UNKNOWN_PERSON, name -> () -> detentions(role).listPersonFeed(
                        ListPersonFeedRequest.newBuilder().setPerson(name).build()));
                // ListPersonClaims does not check the person (its watch does): it answers as for nobody
                assertEquals(statements(role).listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(UNKNOWN_PERSON)
                        .build()), statements(role).listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(hidden).build()));
                // a watch refused answers its first hasNext() with the error
                assertSameAsUnknown(hidden, UNKNOWN_PERSON, name -> () -> FeedWatchServiceGrpc.newBlockingStub(
                        suite.detention(role)).watchPersonFeed(WatchPersonFeedRequest.newBuilder().setPerson(name).build())
                        .hasNext());
                assertSameAsUnknown(hidden, UNKNOWN_PERSON, name -> () -> ClaimWatchServiceGrpc.newBlockingStub(
                        suite.statement(role)).watchPersonClaims(WatchPersonClaimsRequest.newBuilder().setPerson(name).build())
                        .hasNext());
            }
        }
        for (String label : List.of("dRes", "dConf")) {
            if (m.seen(reads(role), label).isEmpty()) {
                assertSameAsUnknown(m.name(label), "detentions/" + UUID.randomUUID(), name -> () -> detentions(role)
                        .getDetention(GetDetentionRequest.newBuilder().setName(name).build()));
            }
        }
        for (String label : List.of("s2", "s3", "s4")) {
            if (m.seen(reads(role), label).isEmpty()) {
                assertSameAsUnknown(m.name(label), "statements/" + UUID.randomUUID(), name -> () -> statements(role)
                        .getStatement(GetStatementRequest.newBuilder().setName(name).build()));
            }
        }
    }

    private static void assertSameAsUnknown(String hidden, String unknown, Function<String, Executable> read) {
        StatusRuntimeException forHidden = assertThrows(StatusRuntimeException.class, read.apply(hidden));
        StatusRuntimeException forUnknown = assertThrows(StatusRuntimeException.class, read.apply(unknown));
        assertEquals(Status.Code.NOT_FOUND, forHidden.getStatus().getCode());
        assertEquals(forUnknown.getStatus().getCode(), forHidden.getStatus().getCode());
        assertEquals(String.valueOf(forUnknown.getStatus().getDescription()).replace(unknown, "<name>"),
                String.valueOf(forHidden.getStatus().getDescription()).replace(hidden, "<name>"));
        assertEquals(String.valueOf(forUnknown.getTrailers()).replace(unknown, "<name>").replaceAll("grpc-status-details-bin=\\S+", ""),
                String.valueOf(forHidden.getTrailers()).replace(hidden, "<name>").replaceAll("grpc-status-details-bin=\\S+", ""));
    }

    @Test
    void withoutATokenEveryReadIsUnauthenticated() throws Exception {
        Channel detention = suite.detention();
        Channel statement = suite.statement();
        List<Executable> reads = List.of(
                () -> PersonServiceGrpc.newBlockingStub(detention).getPerson(GetPersonRequest.newBuilder().setName(m.name("pPub")).build()),
                () -> PersonServiceGrpc.newBlockingStub(detention).listPersons(ListPersonsRequest.getDefaultInstance()),
                () -> PersonServiceGrpc.newBlockingStub(detention).searchPersons(SearchPersonsRequest.newBuilder().setQuery("Matrix").build()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).listDetentions(ListDetentionsRequest.getDefaultInstance()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).getDetention(GetDetentionRequest.newBuilder().setName(m.name("dPub")).build()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).listCustodyEvents(ListCustodyEventsRequest.newBuilder().setParent(m.name("dPub")).build()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).listCharges(ListChargesRequest.newBuilder().setParent(m.name("dPub")).build()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(m.name("pPub")).build()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("BY").build()),
                () -> DetentionServiceGrpc.newBlockingStub(detention).getCountryStatistics(GetCountryStatisticsRequest.newBuilder().setDetainingCountry("BY").build()),
                () -> ActorServiceGrpc.newBlockingStub(statement).listActors(ListActorsRequest.getDefaultInstance()),
                () -> ActorServiceGrpc.newBlockingStub(statement).searchActors(SearchActorsRequest.newBuilder().setQuery("Matrix").build()),
                () -> StatementServiceGrpc.newBlockingStub(statement).getStatement(GetStatementRequest.newBuilder().setName(m.name("s1")).build()),
                () -> StatementServiceGrpc.newBlockingStub(statement).listStatements(ListStatementsRequest.getDefaultInstance()),
                () -> StatementServiceGrpc.newBlockingStub(statement).listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(m.name("pPub")).build()),
                () -> StatementServiceGrpc.newBlockingStub(statement).listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("BY").build()),
                () -> StatementServiceGrpc.newBlockingStub(statement).listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("LT").build()),
                () -> StatementServiceGrpc.newBlockingStub(statement).getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(m.name("pPub")).build()),
                () -> FeedWatchServiceGrpc.newBlockingStub(detention).watchPersonFeed(WatchPersonFeedRequest.newBuilder().setPerson(m.name("pPub")).build()).hasNext(),
                () -> FeedWatchServiceGrpc.newBlockingStub(detention).watchCountryFeed(WatchCountryFeedRequest.newBuilder().setDetainingCountry("BY").build()).hasNext(),
                () -> ClaimWatchServiceGrpc.newBlockingStub(statement).watchPersonClaims(WatchPersonClaimsRequest.newBuilder().setPerson(m.name("pPub")).build()).hasNext(),
                () -> ClaimWatchServiceGrpc.newBlockingStub(statement).watchClaimsAboutPersons(WatchClaimsAboutPersonsRequest.newBuilder().addPersons(m.name("pPub")).build()).hasNext(),
                () -> ClaimWatchServiceGrpc.newBlockingStub(statement).watchCountryClaims(WatchCountryClaimsRequest.newBuilder().setCountry("BY").build()).hasNext(),
                () -> ClaimWatchServiceGrpc.newBlockingStub(statement).watchCountryStatements(WatchCountryStatementsRequest.newBuilder().setCountry("LT").build()).hasNext());
        for (Executable read : reads) {
            assertEquals(Status.Code.UNAUTHENTICATED, assertThrows(StatusRuntimeException.class, read).getStatus().getCode());
        }
        for (String path : List.of("/api/v1/persons?q=Matrix", "/api/v1/persons/" + m.id("pPub"), "/api/v1/persons/" + m.id("pPub")
                + "/timeline", "/api/v1/countries/BY/timeline", "/api/v1/countries/BY/summary")) {
            suite.gateway().get(path).then().statusCode(401);
        }
        for (String path : List.of("/api/v1/persons/" + m.id("pPub") + "/timeline/live", "/api/v1/countries/BY/timeline/live")) {
            LiveEvents.refused(suite.gatewayUrl(path), null, 401);
        }
    }

    // --- the gateway's REST API, as dashboards call it ---

    private Set<String> timelineLabels(Response response) {
        response.then().statusCode(200);
        assertEquals(false, response.jsonPath().getBoolean("partial"), response.asString());
        return m.labels(response.jsonPath().getList("events.record", String.class));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theGatewayServesEachRoleWhatItSeesAndNothingElse(Role role) {
        assertEquals(m.expected(role, "pPub", "pRes", "pConf"), m.labels(suite.gateway(role).queryParam("q", "Matrix")
                .get("/api/v1/persons").then().statusCode(200).extract().jsonPath().getList("persons.id", String.class)
                .stream().map(id -> "persons/" + id).toList()));

        Response profile = suite.gateway(role).get("/api/v1/persons/{id}", m.id("pPub"));
        profile.then().statusCode(200);
        assertEquals(role == Role.ADMIN ? "released" : "pre_trial_detention", profile.jsonPath().getString("currentStatus"));
        assertEquals(role != Role.ADMIN, profile.jsonPath().getBoolean("held"));
        assertEquals(m.seen(reads(role), "s1", "s2", "s4").size(), profile.jsonPath().getInt("releaseCalls.count"));
        assertEquals(m.expected(role, "aPub", "aConf"), m.labels(profile.jsonPath().getList("releaseCalls.byWhom.actor", String.class)
                .stream().map(id -> "actors/" + id).toList()));
        assertEquals(m.seen(reads(role), "cPub", "cRes").size(), profile.jsonPath().getList("charges").size());

        assertEquals(m.expected(role, "dPub", "ePre", "eRel", "cPub", "cRes", "s1", "s2", "s4"), timelineLabels(
                suite.gateway(role).queryParam("pageSize", 200).get("/api/v1/persons/{id}/timeline", m.id("pPub"))));
        Set<String> country = timelineLabels(suite.gateway(role).queryParam("pageSize", 200).queryParam("role", "detaining,subject")
                .get("/api/v1/countries/BY/timeline"));
        assertEquals(m.expected(role, "dPub", "dRes", "dConf", "ePre", "eRel", "cPub", "cRes", "s1", "s2", "s3", "s4"), country);

        int events = suite.gateway(role).queryParam("pageSize", 200).get("/api/v1/persons/{id}/timeline", m.id("pPub"))
                .jsonPath().getList("events").size();
        String csv = suite.gateway(role).accept("text/csv").queryParam("pageSize", 200)
                .get("/api/v1/persons/{id}/timeline", m.id("pPub")).then().statusCode(200).extract().asString();
        assertEquals(events + 1, csv.lines().count(), csv);
        for (String hidden : List.of("Matrix informant", "Matrix Insider", "Matrix Confidential Person")) {
            assertEquals(role == Role.ADMIN || !csv.contains(hidden), true, hidden + " in " + csv);
        }

        Response summary = suite.gateway(role).get("/api/v1/countries/BY/summary");
        summary.then().statusCode(200);
        assertEquals(switch (reads(role)) { case ACCESS_LEVEL_PUBLIC -> 1; default -> 2; }, summary.jsonPath().getInt("heldNow"));
        assertEquals(new TreeSet<>(m.seen(reads(role), "cPub", "cRes").stream().map(c -> c.equals("cPub") ? "193" : "342").toList()),
                new TreeSet<>(summary.jsonPath().getList("topArticles.article", String.class)));
        // Calls from LT per detainee the role sees: pPub's visible calls, then s4 for pRes, s3 for pConf.
        int lt = m.seen(reads(role), "s1", "s2", "s4").size() + m.seen(reads(role), "s4").size() + m.seen(reads(role), "s3").size();
        assertEquals(lt, summary.jsonPath().getList("releaseCallsBySpeakerCountry", Map.class).stream()
                .filter(s -> "LT".equals(s.get("country"))).mapToInt(s -> (Integer) s.get("calls")).sum());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void revisionsShowForWhatTheRoleSeesAndHiddenRecordsHaveNone(Role role) {
        List<String> labels = List.of("pPub", "pRes", "pConf", "dPub", "dRes", "dConf", "ePre", "eRel", "cPub", "cRes",
                "aPub", "aConf", "s1", "s2", "s3", "s4");
        Set<String> withHistory = new TreeSet<>();
        for (String label : labels) {
            try {
                List<Revision> revisions = revisions(role, m.name(label));
                assertEquals(List.of(RevisionAction.REVISION_ACTION_CREATED), revisions.stream().map(Revision::getAction).toList(),
                        label);
                withHistory.add(label);
            } catch (StatusRuntimeException e) {
                assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), label);
            }
        }
        assertEquals(m.expected(role, labels.toArray(String[]::new)), withHistory);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void feedsReadAsOfNowHoldWhatTheCurrentReadsHold(Role role) {
        Instant now = Instant.now();
        Timestamp asOf = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
        assertEquals(m.expected(role, "dPub", "ePre", "eRel", "cPub", "cRes"), m.labels(detentions(role).listPersonFeed(
                ListPersonFeedRequest.newBuilder().setPerson(m.name("pPub")).setPageSize(500).setAsOf(asOf).build())
                .getItemsList().stream().map(AccessMatrix::recordOf).toList()));
        assertEquals(m.expected(role, "dPub", "dRes", "dConf", "ePre", "eRel", "cPub", "cRes"), m.labels(detentions(role)
                .listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry(AccessMatrix.DETAINING).setPageSize(500)
                        .setAsOf(asOf).build())
                .getItemsList().stream().map(AccessMatrix::recordOf).toList()));
        assertEquals(m.expected(role, "s1", "s2", "s3", "s4"), m.labels(statementsOf(statements(role).listCountryClaims(
                ListCountryClaimsRequest.newBuilder().setCountry(AccessMatrix.DETAINING).setAsOf(asOf).build()).getItemsList())));
    }

    /** A record's revisions by its resource name's kind, as the role reads them. */
    private List<Revision> revisions(Role role, String name) {
        if (name.startsWith("persons/")) {
            return persons(role).listPersonRevisions(ListPersonRevisionsRequest.newBuilder().setName(name).build())
                    .getRevisionsList().stream().map(PersonRevision::getRevision).toList();
        }
        if (name.contains("/custodyEvents/")) {
            return detentions(role).listCustodyEventRevisions(ListCustodyEventRevisionsRequest.newBuilder().setName(name).build())
                    .getRevisionsList().stream().map(CustodyEventRevision::getRevision).toList();
        }
        if (name.contains("/charges/")) {
            return detentions(role).listChargeRevisions(ListChargeRevisionsRequest.newBuilder().setName(name).build())
                    .getRevisionsList().stream().map(ChargeRevision::getRevision).toList();
        }
        if (name.startsWith("detentions/")) {
            return detentions(role).listDetentionRevisions(ListDetentionRevisionsRequest.newBuilder().setName(name).build())
                    .getRevisionsList().stream().map(DetentionRevision::getRevision).toList();
        }
        if (name.startsWith("actors/")) {
            return actors(role).listActorRevisions(ListActorRevisionsRequest.newBuilder().setName(name).build())
                    .getRevisionsList().stream().map(ActorRevision::getRevision).toList();
        }
        return statements(role).listStatementRevisions(ListStatementRevisionsRequest.newBuilder().setName(name).build())
                .getRevisionsList().stream().map(StatementRevision::getRevision).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "ANALYST"})
    void aHiddenPersonsPageIsTheUnknownPersonsPage(Role role) throws Exception {
        String unknown = UUID.randomUUID().toString();
        for (String label : List.of("pRes", "pConf")) {
            if (m.seen(reads(role), label).isEmpty()) {
                for (String path : List.of("/api/v1/persons/{id}", "/api/v1/persons/{id}/timeline", "/api/v1/persons/{id}/timeline/live")) {
                    String forUnknown = notFound(role, path, unknown);
                    String forHidden = notFound(role, path, m.id(label));
                    // every request has a trace of its own
                    String traceId = "\"traceId\":\"[0-9a-f]{32}\"";
                    assertEquals(forUnknown.replace(unknown, "<id>").replaceFirst(traceId, "<trace>"),
                            forHidden.replace(m.id(label), "<id>").replaceFirst(traceId, "<trace>"));
                    assertTrue(forHidden.matches(".*" + traceId + ".*"), forHidden);
                }
            }
        }
    }

    /** A gateway answer that must be a 404; a live timeline is read so that one that opens fails rather than waits. */
    private String notFound(Role role, String path, String id) throws Exception {
        if (path.endsWith("/live")) {
            return LiveEvents.refused(suite.gatewayUrl(path.replace("{id}", id)), suite.token(role), 404);
        }
        return suite.gateway(role).get(path, id).then().statusCode(404).extract().asString();
    }
}
