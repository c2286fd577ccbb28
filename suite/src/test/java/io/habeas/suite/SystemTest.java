package io.habeas.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.ListActorsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
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
 * The packaged applications as processes against one embedded PostgreSQL, driven through
 * their public gRPC and REST interfaces, with the demo case loaded as the run command loads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemTest {
    /**
     * The tests that restart a service run last: after a backend restart the gateway's gRPC
     * channel reconnects with backoff, so answers are partial for a few seconds.
     */
    private static final int RESTARTS = Integer.MAX_VALUE - 1;
    private RunningSuite running;
    private Suite suite;
    private Ports ports;
    private DemoCase.Recorded demo;
    private DevTokens tokens;
    private String recorder;
    private String admin;
    /** The services' channels, without a token. */
    private Channel detentionChannel;
    private Channel statementChannel;
    /** The services' channels, sending a recorder's token. */
    private Channel detention;
    private Channel statement;

    @BeforeAll
    void startTheSuite() throws Exception {
        running = RunningSuite.start("habeas-system-test");
        suite = running.suite;
        ports = running.ports;
        tokens = running.tokens;
        recorder = running.token(Role.RECORDER);
        admin = running.token(Role.ADMIN);
        demo = SuiteMain.loadDemo(ports, admin);
        detentionChannel = running.detention();
        statementChannel = running.statement();
        detention = running.detention(Role.RECORDER);
        statement = running.statement(Role.RECORDER);
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        running.close();
    }

    /** The gateway, as a viewer: the demo case is public but for a RESTRICTED event and a CONFIDENTIAL source. */
    private RequestSpecification gateway() {
        return gateway(Role.VIEWER);
    }

    private RequestSpecification gateway(Role role) {
        return running.gateway(role);
    }

    private List<Map<String, Object>> personTimeline() {
        return personTimeline(Role.VIEWER);
    }

    private List<Map<String, Object>> personTimeline(Role role) {
        var response = gateway(role).queryParam("pageSize", 200).get("/api/v1/persons/{id}/timeline", personId());
        response.then().statusCode(200);
        assertFalse(response.jsonPath().getBoolean("partial"), "partial: " + response.jsonPath().getList("missing"));
        return response.jsonPath().getList("events");
    }

    private String personId() {
        return demo.person().substring(demo.person().indexOf('/') + 1);
    }

    private static String describe(Map<String, Object> event) {
        String kind = (String) event.get("kind");
        return kind.equals("charge") ? "charge " + ((String) event.get("title")).split(" ")[3] : kind + " " + event.get("type");
    }

    @Test
    void theDemoPersonsTimelineComesBackInOrderWithItsSources() {
        List<Map<String, Object>> events = personTimeline();

        List<String> described = events.stream().map(SystemTest::describe).toList();
        List<String> expected = List.of("detention police_custody", "charge 204.3.1", "claim denial",
                "charge 167-3.1", "custody house_arrest", "claim welcome", "claim call_for_release");
        assertEquals(expected, described.stream().filter(expected::contains).toList(), described.toString());
        assertFalse(described.contains("custody detention_extended"), "a viewer saw the RESTRICTED extension");
        for (Map<String, Object> event : events) {
            assertFalse(((List<?>) event.get("sources")).isEmpty(), "no source on " + event);
        }
        assertEquals("July 2023", ((Map<?, ?>) events.get(0).get("date")).get("label"));
    }

    @Test
    void theRolesSeeTheDemoDifferently() {
        String note = "Internal demo note";
        for (Role role : Role.values()) {
            List<Map<String, Object>> events = personTimeline(role);
            List<String> described = events.stream().map(SystemTest::describe).toList();
            assertEquals(role != Role.VIEWER, described.contains("custody detention_extended"), role + ": " + described);
            assertEquals(role == Role.ADMIN, events.toString().contains(note), role + " and the CONFIDENTIAL source");
        }
    }

    @Test
    void azerbaijansTimelineAndSummaryHoldTheCaseAndTheUsSpeaks() {
        List<String> records = gateway().queryParam("pageSize", 200).get("/api/v1/countries/AZ/timeline")
                .then().statusCode(200).extract().jsonPath().getList("events.record");
        assertTrue(records.contains(demo.detention()), records.toString());

        gateway().get("/api/v1/countries/AZ/summary").then().statusCode(200)
                .body("heldNow", is(1))
                .body("topArticles.article", hasItems("204", "167-3"))
                .body("releaseCallsBySpeakerCountry.country", hasItem("US"));
        gateway().queryParam("role", "speaking").get("/api/v1/countries/US/timeline").then().statusCode(200)
                .body("events.kind", hasItem("statement"))
                .body("events.title", hasItem("Secretary Blinken's call with President Ilham Aliyev of Azerbaijan"));
    }

    @Test
    @Order(RESTARTS)
    void withStatementServiceStoppedTheTimelineIsPartialAndWholeAgainAfterARestart() throws Exception {
        int whole = personTimeline().size();
        ServiceProcess statementService = suite.service("statement-service");
        statementService.close();
        try {
            gateway().get("/api/v1/persons/{id}/timeline", personId()).then().statusCode(200)
                    .body("partial", is(true))
                    .body("missing.service", hasItem("statement-service"))
                    .body("events.kind", hasItem("custody"))
                    .body("events.kind", not(hasItem("claim")));
        } finally {
            suite.start(statementService, message -> System.out.println("[system-test] " + message));
        }
        // The gateway's circuit breaker tries the backend again after a delay; then answers stay whole.
        Instant deadline = Instant.now().plusSeconds(60);
        int wholeInARow = 0;
        while (wholeInARow < 3 && Instant.now().isBefore(deadline)) {
            boolean partial = gateway().get("/api/v1/persons/{id}/timeline", personId()).jsonPath().getBoolean("partial");
            wholeInARow = partial ? 0 : wholeInARow + 1;
            Thread.sleep(partial ? 500 : 100);
        }
        assertEquals(whole, personTimeline().size());
    }

    @Test
    void everyApplicationRefusesACallWithoutATokenAndAViewerCannotWrite() {
        given().baseUri("http://localhost:" + ports.gateway()).get("/api/v1/countries/AZ/summary").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer")).contentType("application/problem+json");
        given().baseUri("http://localhost:" + ports.gatewayManagement()).get("/q/health/ready").then().statusCode(200);
        given().baseUri("http://localhost:" + ports.gateway()).get("/q/health/ready").then().statusCode(404);
        assertEquals(Status.Code.UNAUTHENTICATED, assertThrows(StatusRuntimeException.class, () -> PersonServiceGrpc
                .newBlockingStub(detentionChannel).listPersons(ListPersonsRequest.getDefaultInstance())).getStatus().getCode());
        assertEquals(Status.Code.UNAUTHENTICATED, assertThrows(StatusRuntimeException.class, () -> StatementServiceGrpc
                .newBlockingStub(statementChannel).listStatements(ListStatementsRequest.getDefaultInstance())).getStatus().getCode());

        int persons = persons().listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount();
        String viewer = tokens.forPerson(Role.VIEWER, Duration.ofMinutes(5));
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> PersonServiceGrpc
                .newBlockingStub(detentionChannel).withInterceptors(DevTokens.bearer(viewer))
                .createPerson(CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setPerson(Person.newBuilder().setDisplayName("Nobody").addSources(DemoCase.articleA())).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
        assertEquals(persons, persons().listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount());
    }

    @Test
    void loadingTheDemoAgainCreatesNothingTwice() throws Exception {
        int persons = persons().listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount();
        int actors = ActorServiceGrpc.newBlockingStub(statement).listActors(ListActorsRequest.getDefaultInstance()).getActorsCount();
        int statements = statementCount();

        assertEquals(demo, SuiteMain.loadDemo(ports, admin));
        assertEquals(persons, persons().listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount());
        assertEquals(actors, ActorServiceGrpc.newBlockingStub(statement).listActors(ListActorsRequest.getDefaultInstance())
                .getActorsCount());
        assertEquals(statements, statementCount());
    }

    @Test
    void aDemoAlreadyRecordedIsFoundAndKeptAsItWasWhateverItsRequestIds() throws Exception {
        int persons = persons().listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount();
        // Another admin's request ids are not this one's: as for a data folder an earlier version filled,
        // or one whose request ids expired from the request log.
        String earlier = tokens.forSubject("earlier-admin", Role.ADMIN, Duration.ofMinutes(5));

        assertEquals(demo, SuiteMain.loadDemo(ports, earlier));
        assertEquals(persons, persons().listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount());
    }

    @Test
    void statementServiceRejectsAClaimAboutAnUnknownPersonAndStoresNothing() {
        int before = statementCount();
        String actor = ActorServiceGrpc.newBlockingStub(statement).listActors(ListActorsRequest.getDefaultInstance())
                .getActors(0).getName();
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> statements().createStatement(
                CreateStatementRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setStatement(Statement.newBuilder().setActor(actor).setMadeOn(DemoCase.date(2024, 5, 1))
                                .setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE).setTitle("About nobody")
                                .addSources(DemoCase.articleA())
                                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                                        .addSubjectPersons("persons/" + UUID.randomUUID()).setText("Release them")))
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, failure.getStatus().getCode());
        assertEquals(before, statementCount());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aWriteRetriedAndAPageTokenSentAfterARestartWorkAsBefore() throws Exception {
        CreatePersonRequest create = CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPerson(Person.newBuilder().setDisplayName("Tofig Yagublu").addCitizenships("AZ")
                        .addSources(DemoCase.articleA()))
                .build();
        Person first = persons().createPerson(create).getPerson();
        ListPersonsRequest onePerPage = ListPersonsRequest.newBuilder().setPageSize(1).build();
        var firstPage = persons().listPersons(onePerPage);
        var secondPage = persons().listPersons(onePerPage.toBuilder().setPageToken(firstPage.getNextPageToken()).build());

        ServiceProcess service = suite.service("detention-service");
        service.close();
        suite.start(service, message -> System.out.println("[system-test] " + message));

        ManagedChannel fresh = ManagedChannelBuilder.forAddress("localhost", ports.detention()).usePlaintext().build();
        try {
            var stub = PersonServiceGrpc.newBlockingStub(fresh).withInterceptors(DevTokens.bearer(recorder));
            int count = stub.listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount();
            assertEquals(first, stub.createPerson(create).getPerson());
            assertEquals(count, stub.listPersons(ListPersonsRequest.newBuilder().setPageSize(200).build()).getPersonsCount());
            assertEquals(secondPage.getPersonsList(), stub.listPersons(onePerPage.toBuilder()
                    .setPageToken(firstPage.getNextPageToken()).build()).getPersonsList(), "the same key opens the token");
        } finally {
            fresh.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private int statementCount() {
        return statements().listStatements(ListStatementsRequest.newBuilder().setPageSize(200).build()).getStatementsCount();
    }

    private PersonServiceGrpc.PersonServiceBlockingStub persons() {
        return PersonServiceGrpc.newBlockingStub(detention);
    }

    private StatementServiceGrpc.StatementServiceBlockingStub statements() {
        return StatementServiceGrpc.newBlockingStub(statement);
    }
}
