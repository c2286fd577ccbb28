package io.habeas.suite;

import static io.habeas.suite.DemoCase.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.detention.v1.ChangeChargeStatusRequest;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.ChargeStatus;
import io.habeas.detention.v1.ChargeStatusChange;
import io.habeas.detention.v1.CourtDecision;
import io.habeas.detention.v1.CourtEvent;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCourtEventRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreateIncidentRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.Incident;
import io.habeas.detention.v1.IncidentServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.GetPersonReleaseOutcomeRequest;
import io.habeas.statement.v1.GetReleaseOutcomeStatisticsRequest;
import io.habeas.statement.v1.ReleaseOutcome;
import io.habeas.statement.v1.ReleaseOutcomeScope;
import io.habeas.statement.v1.ReleaseOutcomeServiceGrpc;
import io.habeas.statement.v1.ReleaseOutcomeStatistics;
import io.habeas.statement.v1.ReleaseOutcomeStatus;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A monitor's whole case over the packaged applications: an incident before the arrest, Russian and
 * Belarusian article notations, a closed trial and one verdict sentencing two charges, an imprecise
 * custody event placed before the release, external ids that stop duplicates, a second ongoing
 * detention refused unless intended, and what came of the calls for release, through gRPC and the
 * gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainDepthSystemTest {
    private static final String RU_CODE = "Criminal Code of the Russian Federation";
    private static final String BY_CODE = "Criminal Code of the Republic of Belarus";
    private RunningSuite suite;
    private Person released;
    private Person held;
    private Detention ruDetention;

    @BeforeAll
    void recordTheCase() throws Exception {
        suite = RunningSuite.start("habeas-domain-depth");
        released = person("Domain Depth Released Detainee", "partner-case", "DD-0001");
        held = person("Domain Depth Held Detainee", "partner-case", "DD-0002");

        incidents().createIncident(CreateIncidentRequest.newBuilder().setRequestId(requestId()).setParent(released.getName())
                .setIncident(Incident.newBuilder().setType(IncidentType.INCIDENT_TYPE_TRAVEL_BAN).setOccurredOn(date(2023, 5, 10))
                        .setCountry("RU").setAuthority("Border Service").setPlace("Sheremetyevo airport")
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build());
        ruDetention = detention(released, "RU", date(2023, 6, 1), false);
        Charge discrediting = charge(ruDetention, "RU", RU_CODE, "ч. 2 ст. 280.3", date(2023, 6, 2));
        Charge undesirable = charge(ruDetention, "RU", RU_CODE, "284.1", date(2023, 6, 2));
        custody(ruDetention, CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 6, 3));
        custody(ruDetention, CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0));
        court(ruDetention, CourtEvent.newBuilder().setType(CourtEventType.COURT_EVENT_TYPE_TRIAL_OPENED)
                .setOccurredOn(date(2024, 2, 0)).setCourt("Moscow City Court").setClosedToPublic(true));
        CourtEvent verdict = court(ruDetention, CourtEvent.newBuilder().setType(CourtEventType.COURT_EVENT_TYPE_VERDICT)
                .setOccurredOn(date(2024, 6, 14)).setCourt("Moscow City Court")
                .addCharges(discrediting.getName()).addCharges(undesirable.getName())
                .setDecision(CourtDecision.COURT_DECISION_CONVICTED)
                .setSentence(SentenceTerm.newBuilder().setYears(1).setSuspended(true)));
        for (Charge c : List.of(discrediting, undesirable)) {
            detentions().changeChargeStatus(ChangeChargeStatusRequest.newBuilder().setRequestId(requestId())
                    .setName(c.getName()).setEtag(c.getEtag())
                    .setStatusChange(ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                            .setEffectiveOn(date(2024, 6, 14)).setCourtEvent(verdict.getName()).addSources(source()))
                    .build());
        }
        custody(ruDetention, CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 8, 1));

        Detention byDetention = detention(held, "BY", date(2022, 11, 20), false);
        charge(byDetention, "BY", BY_CODE, "342 part 1", date(2022, 11, 21));

        Actor rapporteur = actor("Domain Depth Rapporteur", "", ActorKind.ACTOR_KIND_INTERNATIONAL_BODY);
        Actor minister = actor("Domain Depth Minister", "DE", ActorKind.ACTOR_KIND_OFFICIAL);
        callForRelease(rapporteur, date(2024, 3, 1), released);
        callForRelease(minister, date(2024, 5, 10), released);
        callForRelease(minister, date(2023, 1, 0), held);
    }

    @AfterAll
    void stop() throws Exception {
        suite.close();
    }

    @Test
    void articlesAreReadAfterEachJurisdictionsNumberingAndCountedByTheRealArticle() {
        var articles = detentions().getCountryStatistics(GetCountryStatisticsRequest.newBuilder().setDetainingCountry("RU")
                .build()).getArticlesList();
        assertEquals(List.of("280.3", "284.1"), articles.stream().map(a -> a.getArticle()).sorted().toList());
        Charge byCharge = detentions().listCharges(io.habeas.detention.v1.ListChargesRequest.newBuilder()
                .setParent(detentionOf(held)).build()).getCharges(0);
        assertEquals(ArticleReference.newBuilder().setArticle("342").setPart("1")
                .setStructureSource(ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_PARSED).build(), byCharge.getArticle());
        assertEquals("342 part 1", byCharge.getArticleReference());

        // A jurisdiction whose numbering Habeas does not know: a dotted number is not guessed at.
        StatusRuntimeException unread = assertThrows(StatusRuntimeException.class, () -> charge(ruDetention, "KZ",
                "Criminal Code of the Republic of Kazakhstan", "174.2", date(2023, 6, 2)));
        assertEquals(Status.Code.INVALID_ARGUMENT, unread.getStatus().getCode());
        assertTrue(unread.getStatus().getDescription().contains("charge.article_reference"), unread.getStatus().getDescription());
    }

    @Test
    void aSecondOngoingDetentionIsRefusedUnlessIntended() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> detention(held, "BY", date(2024, 2, 0), false));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("ONGOING_DETENTION_EXISTS", errorInfo(refused).getReason());
        Detention second = detention(held, "RU", date(2024, 2, 0), true);
        assertTrue(second.getOngoing());
    }

    @Test
    void anExternalIdFindsItsPersonAndCannotBeGivenToAnother() {
        ExternalId id = ExternalId.newBuilder().setScheme("PARTNER-CASE").setValue("DD-0001").build();
        assertEquals(List.of(released.getName()), persons().listPersons(ListPersonsRequest.newBuilder().setExternalId(id).build())
                .getPersonsList().stream().map(Person::getName).toList());
        StatusRuntimeException taken = assertThrows(StatusRuntimeException.class,
                () -> person("Domain Depth Duplicate", "partner-case", "DD-0001"));
        assertEquals(Status.Code.ALREADY_EXISTS, taken.getStatus().getCode());
        assertEquals("EXTERNAL_ID_TAKEN", errorInfo(taken).getReason());
    }

    @Test
    void thePersonsFeedHoldsTheIncidentTheCourtAndCustodyInLifecycleOrder() {
        List<FeedItem> feed = detentions().listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(released.getName())
                .build()).getItemsList();
        List<String> kinds = feed.stream().map(DomainDepthSystemTest::label).toList();
        assertEquals(List.of("INCIDENT", "DETENTION_STARTED", "CHARGE_FILED", "CHARGE_FILED", "CUSTODY_EVENT:PRE_TRIAL_DETENTION",
                "COURT_EVENT:TRIAL_OPENED", "COURT_EVENT:VERDICT", "CHARGE_STATUS_CHANGED", "CHARGE_STATUS_CHANGED",
                "CUSTODY_EVENT:DETENTION_EXTENDED", "CUSTODY_EVENT:RELEASE"), kinds);
        FeedItem extension = feed.get(9);
        assertEquals(date(2024, 0, 0).getYear(), extension.getDate().getYear());
        assertEquals(2024, extension.getPlacedAt().getYear());
        assertEquals(8, extension.getPlacedAt().getMonth());
        assertEquals(1, extension.getPlacedAt().getDay());
    }

    @Test
    void callsForReleaseAreTrackedToTheirOutcome() {
        var outcomes = ReleaseOutcomeServiceGrpc.newBlockingStub(suite.statement(Role.VIEWER));
        ReleaseOutcome releasedOutcome = outcomes.getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(released.getName()).build()).getOutcomes(0);
        assertEquals(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED, releasedOutcome.getStatus());
        assertEquals(2, releasedOutcome.getCallCount());
        assertEquals(List.of("DE"), releasedOutcome.getCallerCountriesList());
        // 1 March 2024 to 1 August 2024: 31 + 30 + 31 + 30 + 31 days.
        assertEquals(153, releasedOutcome.getDaysToRelease());

        ReleaseOutcome heldOutcome = outcomes.getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                .setPerson(held.getName()).build()).getOutcomes(0);
        assertEquals(ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD, heldOutcome.getStatus());
        // The call is known only to January 2023: certain days run from its last day.
        long outstanding = ChronoUnit.DAYS.between(LocalDate.of(2023, 1, 31), LocalDate.now(ZoneOffset.UTC));
        assertEquals(outstanding, heldOutcome.getDaysOutstanding());

        ReleaseOutcomeStatistics byMinister = outcomes.getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.newBuilder()
                .setScope(ReleaseOutcomeScope.newBuilder().setCallerCountry("DE")).build()).getStatistics();
        assertEquals(2, byMinister.getPersonsWithCalls());
        assertEquals(2, byMinister.getCallCount());
        assertEquals(1, byMinister.getReleasedAfterCalls());
        assertEquals(1, byMinister.getStillHeld());
        // The minister's first call for the released person: 10 May 2024 to 1 August 2024.
        assertEquals(83, byMinister.getLongestDaysToRelease());
        assertEquals(outstanding, byMinister.getLongestDaysOutstanding());
    }

    @Test
    void theGatewayShowsTheWholeCaseInOrderAndWhatCameOfTheCalls() {
        String id = released.getName().substring("persons/".length());
        var timeline = suite.gateway(Role.VIEWER).queryParam("pageSize", 200).get("/api/v1/persons/" + id + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        List<String> kinds = timeline.getList("events.kind");
        List<String> types = timeline.getList("events.type");
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            labels.add(kinds.get(i) + (List.of("custody", "court", "incident").contains(kinds.get(i)) ? ":" + types.get(i) : ""));
        }
        assertEquals(List.of("incident:travel_ban", "detention", "charge", "charge", "custody:pre_trial_detention",
                "court:trial_opened", "claim", "claim", "court:verdict", "charge_status", "charge_status",
                "custody:detention_extended", "custody:release"), labels);
        assertEquals("2024", timeline.getString("events[11].date.label"));
        String csv = suite.gateway(Role.VIEWER).queryParam("format", "csv").get("/api/v1/persons/" + id + "/timeline")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("travel_ban") && csv.contains("trial_opened"), csv);

        var profile = suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("partner-case:DD-0001"), profile.getList("externalIds", Map.class).stream()
                .map(e -> e.get("scheme") + ":" + e.get("value")).toList());

        var outcome = suite.gateway(Role.VIEWER).get("/api/v1/persons/" + id + "/release-outcome").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("released", outcome.getString("outcomes[0].status"));
        assertEquals(153, outcome.getInt("outcomes[0].daysToRelease"));
        var byGerman = suite.gateway(Role.VIEWER).queryParam("callerCountry", "DE").get("/api/v1/release-outcomes")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, byGerman.getInt("statistics.releasedAfterCalls"));
        assertEquals(1, byGerman.getInt("statistics.stillHeld"));
        String rows = suite.gateway(Role.VIEWER).queryParam("callerCountry", "DE").queryParam("format", "csv")
                .get("/api/v1/release-outcomes").then().statusCode(200).extract().asString();
        assertEquals(3, rows.strip().split("\n").length, rows); // the header and one row per detention with calls
    }

    private static String label(FeedItem item) {
        String kind = item.getKind().name().replace("FEED_ITEM_KIND_", "");
        return switch (item.getRecordCase()) {
            case CUSTODY_EVENT -> kind + ":" + item.getCustodyEvent().getType().name().replace("CUSTODY_EVENT_TYPE_", "");
            case COURT_EVENT -> kind + ":" + item.getCourtEvent().getType().name().replace("COURT_EVENT_TYPE_", "");
            default -> kind;
        };
    }

    private String detentionOf(Person person) {
        return detentions().listDetentions(io.habeas.detention.v1.ListDetentionsRequest.newBuilder()
                .setPerson(person.getName()).build()).getDetentions(0).getName();
    }

    private static ErrorInfo errorInfo(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        for (var detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class);
                } catch (InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        throw new AssertionError("no ErrorInfo in " + status);
    }

    private PersonServiceGrpc.PersonServiceBlockingStub persons() {
        return PersonServiceGrpc.newBlockingStub(suite.detention(Role.RECORDER));
    }

    private DetentionServiceGrpc.DetentionServiceBlockingStub detentions() {
        return DetentionServiceGrpc.newBlockingStub(suite.detention(Role.RECORDER));
    }

    private IncidentServiceGrpc.IncidentServiceBlockingStub incidents() {
        return IncidentServiceGrpc.newBlockingStub(suite.detention(Role.RECORDER));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static Source source() {
        return AccessMatrix.source("Domain Depth Gazette", AccessLevel.ACCESS_LEVEL_PUBLIC);
    }

    private Person person(String displayName, String scheme, String value) {
        return persons().createPerson(CreatePersonRequest.newBuilder().setRequestId(requestId())
                .setPerson(Person.newBuilder().setDisplayName(displayName).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addExternalIds(ExternalId.newBuilder().setScheme(scheme).setValue(value)).addSources(source()))
                .build()).getPerson();
    }

    private Detention detention(Person person, String country, PartialDate start, boolean concurrent) {
        return detentions().createDetention(CreateDetentionRequest.newBuilder().setRequestId(requestId())
                .setAllowConcurrent(concurrent)
                .setDetention(Detention.newBuilder().setPerson(person.getName()).setDetainingCountry(country)
                        .setStartDate(start).setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build()).getDetention();
    }

    private Charge charge(Detention detention, String jurisdiction, String code, String reference, PartialDate filedOn) {
        return detentions().createCharge(CreateChargeRequest.newBuilder().setRequestId(requestId()).setParent(detention.getName())
                .setCharge(Charge.newBuilder().setJurisdiction(jurisdiction).setLegalCode(code).setArticleReference(reference)
                        .setFiledOn(filedOn).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build()).getCharge();
    }

    private void custody(Detention detention, CustodyEventType type, PartialDate on) {
        detentions().createCustodyEvent(CreateCustodyEventRequest.newBuilder().setRequestId(requestId())
                .setParent(detention.getName()).setCustodyEvent(CustodyEvent.newBuilder().setType(type).setOccurredOn(on)
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build());
    }

    private CourtEvent court(Detention detention, CourtEvent.Builder event) {
        return detentions().createCourtEvent(CreateCourtEventRequest.newBuilder().setRequestId(requestId())
                .setParent(detention.getName()).setCourtEvent(event.setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)
                        .addSources(source()))
                .build()).getCourtEvent();
    }

    private Actor actor(String displayName, String country, ActorKind kind) {
        return ActorServiceGrpc.newBlockingStub(suite.statement(Role.RECORDER)).createActor(CreateActorRequest.newBuilder()
                .setRequestId(requestId()).setActor(Actor.newBuilder().setDisplayName(displayName).setCountry(country)
                        .setKind(kind).setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source()))
                .build()).getActor();
    }

    private void callForRelease(Actor actor, PartialDate on, Person person) {
        StatementServiceGrpc.newBlockingStub(suite.statement(Role.RECORDER)).createStatement(CreateStatementRequest.newBuilder()
                .setRequestId(requestId()).setStatement(Statement.newBuilder().setActor(actor.getName()).setMadeOn(on)
                        .setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE).setTitle("Release " + person.getDisplayName())
                        .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).addSources(source())
                        .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                                .addSubjectPersons(person.getName()).setText("Calls for the release of " + person.getDisplayName())))
                .build());
    }
}
