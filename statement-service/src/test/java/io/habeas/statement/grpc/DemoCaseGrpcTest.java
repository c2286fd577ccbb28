package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.azerbaijaniAuthorities;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.DatePrecision;
import io.habeas.statement.support.Fixtures;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.BatchGetReleaseCallSummariesRequest;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.GetReleaseCallSummaryRequest;
import io.habeas.statement.v1.GetReleaseCallSummaryResponse;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ReleaseCallSummary;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo case (Gubad Ibadoglu, see suite's DemoCase) recorded as statements and read back through every feed. */
@QuarkusTest
class DemoCaseGrpcTest extends GrpcTest {
    private String ibadoglu;
    private Actor blinken;
    private Statement allegation;
    private Statement denial;
    private Statement aliyevCall;
    private Statement pashinyanCall;

    @BeforeEach
    void recordTheDemoCase() {
        ibadoglu = detention.knownPerson();
        blinken = createActor(blinken());
        Actor authorities = createActor(azerbaijaniAuthorities());
        Actor himself = createActor(detainedPerson("Gubad Ibadoglu", ibadoglu));

        allegation = createStatement(statement(authorities.getName(), date(2023, 7, 0),
                "Counterfeit money found in Gubad Ibadoglu's office")
                .setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE)
                .addClaims(claim(ClaimKind.CLAIM_KIND_ALLEGATION, "Counterfeit money was found in his office")
                        .addSubjectPersons(ibadoglu)));
        denial = createStatement(statement(himself.getName(), date(2023, 7, 0), "Ibadoglu denies owning the money")
                .setMedium(StatementMedium.STATEMENT_MEDIUM_OTHER)
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "He denied owning the money found in his office")
                        .addSubjectPersons(ibadoglu).setAnswers(allegation.getClaims(0).getName())));
        aliyevCall = createStatement(statement(blinken.getName(), date(2024, 4, 0),
                "Secretary Blinken's Call with Azerbaijani President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME,
                        "Welcomed the release of Gubad Ibadoglu to house arrest as a humanitarian gesture")
                        .addSubjectPersons(ibadoglu).setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his full and expeditious release")
                        .addSubjectPersons(ibadoglu).setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE,
                        "Urged Azerbaijan to release other unjustly detained individuals")
                        .addSubjectCountries("AZ").setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_COMMENDATION, "Commended the agreement between Armenia and "
                        + "Azerbaijan to use the 1991 Alma Ata declaration as the basis for border delimitation")
                        .addSubjectCountries("AM").addSubjectCountries("AZ")));
        pashinyanCall = createStatement(statement(blinken.getName(), date(2024, 4, 0),
                "Secretary Blinken's Call with Armenian Prime Minister Pashinyan")
                .addClaims(claim(ClaimKind.CLAIM_KIND_SUPPORT, "Reaffirmed U.S. support for Armenia's sovereignty and "
                        + "territorial integrity and for a durable and dignified peace")
                        .addSubjectCountries("AM").setAddresseeCountry("AM")));
    }

    @Test
    void statementsKeepWhatWasSaidWithCameoCodesAndTheActorAtTheTime() {
        Statement call = statements.getStatement(GetStatementRequest.newBuilder().setName(aliyevCall.getName()).build())
                .getStatement();
        assertEquals(aliyevCall, call);
        assertEquals("Secretary of State", call.getActorOffice());
        assertEquals("US", call.getActorCountry());
        assertEquals(DatePrecision.DATE_PRECISION_MONTH, call.getMadeOn().getPrecision());
        assertEquals(List.of(2024, 4, 28), List.of(call.getSources(0).getPublishedOn().getYear(),
                call.getSources(0).getPublishedOn().getMonth(), call.getSources(0).getPublishedOn().getDay()),
                "published after it was said");
        assertEquals(List.of("051", "0253", "0253", "051"), call.getClaimsList().stream().map(c -> c.getCameoCode()).toList());
        assertEquals("1053", io.habeas.statement.domain.ClaimKind.DEMAND_FOR_RELEASE.cameoCode());
        assertEquals("", denial.getClaims(0).getCameoCode(), "CAMEO has no code for a denial");
    }

    @Test
    void theDenialAnswersTheAllegationReadableBothWays() {
        assertEquals(allegation.getClaims(0).getName(), denial.getClaims(0).getAnswers());
        Statement alleged = statements.getStatement(GetStatementRequest.newBuilder().setName(allegation.getName()).build())
                .getStatement();
        assertEquals(List.of(denial.getClaims(0).getName()), alleged.getClaims(0).getAnsweredByList());
        assertEquals(ActorKind.ACTOR_KIND_DETAINED_PERSON, actors.getActor(io.habeas.statement.v1.GetActorRequest.newBuilder()
                .setName(denial.getActor()).build()).getActor().getKind());
    }

    @Test
    void theUnitedStatesSpeaksInBothCalls() {
        List<Statement> us = statements.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("US").build())
                .getStatementsList();
        assertEquals(List.of(aliyevCall.getName(), pashinyanCall.getName()), us.stream().map(Statement::getName).toList());
        assertEquals(List.of(allegation.getName()), statements.listCountryStatements(
                ListCountryStatementsRequest.newBuilder().setCountry("AZ").build()).getStatementsList().stream()
                .map(Statement::getName).filter(n -> !n.equals(denial.getName())).toList());
    }

    @Test
    void azerbaijanFeedHoldsWhatIsAboutItOrAddressedToIt() {
        List<ClaimItem> az = statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ").build())
                .getItemsList();
        assertEquals(List.of(aliyevCall.getClaims(0).getName(), aliyevCall.getClaims(1).getName(),
                aliyevCall.getClaims(2).getName(), aliyevCall.getClaims(3).getName()), claims(az));
        assertEquals(aliyevCall.getName(), az.get(0).getStatement().getName());
        assertEquals(4, az.get(0).getStatement().getClaimsCount(), "each item carries its whole statement");
    }

    @Test
    void armeniaFeedHoldsTheAlmaAtaCommendationAndTheSovereigntyStatement() {
        List<ClaimItem> am = statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AM").build())
                .getItemsList();
        assertEquals(List.of(aliyevCall.getClaims(3).getName(), pashinyanCall.getClaims(0).getName()), claims(am));
    }

    @Test
    void ibadogluFeedRunsFromTheAllegationToTheCallForRelease() {
        List<ClaimItem> feed = statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).build())
                .getItemsList();
        assertEquals(List.of(allegation.getClaims(0).getName(), denial.getClaims(0).getName(),
                aliyevCall.getClaims(0).getName(), aliyevCall.getClaims(1).getName()), claims(feed));
        assertEquals(List.of("ALLEGATION", "DENIAL", "WELCOME", "CALL_FOR_RELEASE"), feed.stream()
                .map(item -> kindOf(item).name().substring("CLAIM_KIND_".length())).toList());
    }

    @Test
    void releaseCallSummaryCountsCallsAndDemandsByWhom() {
        GetReleaseCallSummaryResponse summary = summary();
        assertEquals(1, summary.getCallCount());
        assertEquals(date(2024, 4, 0).toBuilder().setPrecision(DatePrecision.DATE_PRECISION_MONTH).build(),
                summary.getFirstCallDate());
        assertEquals(summary.getFirstCallDate(), summary.getLatestCallDate());
        assertEquals(1, summary.getCallersCount());
        assertEquals(blinken.getName(), summary.getCallers(0).getActor());
        assertEquals("Antony J. Blinken", summary.getCallers(0).getDisplayName());
        assertEquals("US", summary.getCallers(0).getCountry());

        Actor parliament = createActor(Fixtures.actor("European Parliament", ActorKind.ACTOR_KIND_INTERNATIONAL_BODY, ""));
        createStatement(statement(parliament.getName(), date(2023, 9, 14), "Resolution on Azerbaijan")
                .setMedium(StatementMedium.STATEMENT_MEDIUM_RESOLUTION)
                .addClaims(claim(ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, "Demands his immediate release")
                        .addSubjectPersons(ibadoglu)));
        createStatement(statement(blinken.getName(), date(2024, 5, 2), "Remarks")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Calls again for his release").addSubjectPersons(ibadoglu))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern for his health").addSubjectPersons(ibadoglu)));

        summary = summary();
        assertEquals(3, summary.getCallCount());
        assertEquals(date(2023, 9, 14).toBuilder().setPrecision(DatePrecision.DATE_PRECISION_DAY).build(),
                summary.getFirstCallDate());
        assertEquals(2024, summary.getLatestCallDate().getYear());
        assertEquals(5, summary.getLatestCallDate().getMonth());
        assertEquals(List.of(blinken.getName(), parliament.getName()),
                summary.getCallersList().stream().map(c -> c.getActor()).toList());
        assertEquals(List.of(2, 1), summary.getCallersList().stream().map(c -> c.getCallCount()).toList());
        assertEquals("", summary.getCallers(1).getCountry());
        assertEquals(5, summary.getCallers(0).getLatestCallDate().getMonth());
        assertFalse(summary.getCallers(1).getLatestCallDate().getYear() == 0);
    }

    @Test
    void nobodyCalledForAStrangersRelease() {
        GetReleaseCallSummaryResponse none = statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder()
                .setPerson(detention.knownPerson()).build());
        assertEquals(0, none.getCallCount());
        assertTrue(none.getCallersList().isEmpty());
        assertFalse(none.hasFirstCallDate());
    }

    @Test
    void batchSummariesMatchTheSingleOnesOncePerPersonInTheOrderAsked() {
        String stranger = detention.knownPerson();
        List<ReleaseCallSummary> batch = statements.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest
                .newBuilder().addPersons(stranger).addPersons(ibadoglu).addPersons(stranger).build()).getSummariesList();

        assertEquals(List.of(stranger, ibadoglu), batch.stream().map(ReleaseCallSummary::getPerson).toList());
        assertEquals(0, batch.get(0).getCallCount());
        GetReleaseCallSummaryResponse single = summary();
        assertEquals(single.getCallCount(), batch.get(1).getCallCount());
        assertEquals(single.getFirstCallDate(), batch.get(1).getFirstCallDate());
        assertEquals(single.getLatestCallDate(), batch.get(1).getLatestCallDate());
        assertEquals(single.getCallersList(), batch.get(1).getCallersList());
        failsOnFields(() -> statements.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest.newBuilder()
                .addPersons(ibadoglu).addPersons("people/1").build()), "persons[1]");
        failsOnFields(() -> statements.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest.getDefaultInstance()),
                "persons");
    }

    private GetReleaseCallSummaryResponse summary() {
        return statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(ibadoglu).build());
    }

    private static ClaimKind kindOf(ClaimItem item) {
        return item.getStatement().getClaimsList().stream().filter(c -> c.getName().equals(item.getClaim())).findFirst()
                .orElseThrow().getKind();
    }

    private static List<String> claims(List<ClaimItem> items) {
        return items.stream().map(ClaimItem::getClaim).toList();
    }
}
