package io.habeas.statement.outcome;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.habeas.support.testing.Bearer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad request: INVALID_ARGUMENT naming the field at fault, before detention-service is asked anything. */
@QuarkusTest
class ReleaseOutcomeInputGrpcTest extends HistoryCase {
    private static final String ACTOR = "actors/0190c7a5-0000-7000-8000-000000000001";

    @GrpcClient("statements")
    ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub outcomesChannel;

    private ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub outcomes;

    @BeforeEach
    void asAnAnalyst() {
        outcomes = Bearer.as(outcomesChannel, Role.ANALYST);
    }

    private static ReleaseOutcomeScope.Builder country(String code) {
        return ReleaseOutcomeScope.newBuilder().setDetainingCountry(code);
    }

    private static ListReleaseOutcomesRequest.Builder list(ReleaseOutcomeScope.Builder scope) {
        return ListReleaseOutcomesRequest.newBuilder().setScope(scope);
    }

    private static GetReleaseOutcomeStatisticsRequest.Builder statistics(ReleaseOutcomeScope.Builder scope) {
        return GetReleaseOutcomeStatisticsRequest.newBuilder().setScope(scope);
    }

    @Test
    void aPersonMustBeAPersonsName() {
        for (String person : new String[] {"", "persons/not-a-uuid", "persons/", ACTOR, "persons/" + ACTOR.substring(7) + "/x"}) {
            failsOnFields(() -> outcomes.getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                    .setPerson(person).build()), "person");
        }
        assertEquals(0, detention.calls());
    }

    @Test
    void aScopeSetsExactlyOneField() {
        for (var scope : new ReleaseOutcomeScope.Builder[] {ReleaseOutcomeScope.newBuilder(),
                country("AZ").setCaller(ACTOR), country("AZ").setCallerCountry("US"),
                ReleaseOutcomeScope.newBuilder().setCaller(ACTOR).setCallerCountry("US"),
                country("AZ").setCaller(ACTOR).setCallerCountry("US")}) {
            failsOnFields(() -> outcomes.listReleaseOutcomes(list(scope).build()), "scope");
            failsOnFields(() -> outcomes.getReleaseOutcomeStatistics(statistics(scope).build()), "scope");
        }
        failsOnFields(() -> outcomes.listReleaseOutcomes(ListReleaseOutcomesRequest.getDefaultInstance()), "scope");
        failsOnFields(() -> outcomes.getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.getDefaultInstance()),
                "scope");
        assertEquals(0, detention.calls());
    }

    @Test
    void countriesAreIsoAlpha2Codes() {
        for (String code : new String[] {"az", "AZE", "ZZ", "A", " AZ", "Az"}) {
            failsOnFields(() -> outcomes.listReleaseOutcomes(list(country(code)).build()), "scope.detaining_country");
            failsOnFields(() -> outcomes.getReleaseOutcomeStatistics(statistics(country(code)).build()),
                    "scope.detaining_country");
            var callers = ReleaseOutcomeScope.newBuilder().setCallerCountry(code);
            failsOnFields(() -> outcomes.listReleaseOutcomes(list(callers).build()), "scope.caller_country");
            failsOnFields(() -> outcomes.getReleaseOutcomeStatistics(statistics(callers).build()), "scope.caller_country");
        }
        assertEquals(0, detention.calls());
    }

    @Test
    void aCallerMustBeAnActorsName() {
        for (String caller : new String[] {"actors/1", "persons/0190c7a5-0000-7000-8000-000000000001", "actors/",
                ACTOR + "/claims/x", "Antony Blinken"}) {
            var scope = ReleaseOutcomeScope.newBuilder().setCaller(caller);
            failsOnFields(() -> outcomes.listReleaseOutcomes(list(scope).build()), "scope.caller");
            failsOnFields(() -> outcomes.getReleaseOutcomeStatistics(statistics(scope).build()), "scope.caller");
        }
        assertEquals(0, detention.calls());
    }

    @Test
    void aPageSizeIsNotNegative() {
        failsOnFields(() -> outcomes.listReleaseOutcomes(list(country("AZ")).setPageSize(-1).build()), "page_size");
        assertEquals(0, detention.calls());
    }

    @Test
    void aPageTokenIsGoodOnlyForItsScopeInstantAndCaller() {
        String person = detention.knownPerson();
        Actor blinken = createActor(blinken());
        for (int i = 0; i < 2; i++) {
            String someone = i == 0 ? person : detention.knownPerson();
            detention.detain(someone, "AZ", date(2023, 7, 0));
            createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call " + i).addClaims(
                    claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for the release").addSubjectPersons(someone)));
        }
        Timestamp asOf = instant();
        String token = outcomes.listReleaseOutcomes(list(country("AZ")).setPageSize(1).build()).getNextPageToken();
        String asOfToken = outcomes.listReleaseOutcomes(list(country("AZ")).setPageSize(1).setAsOf(asOf).build())
                .getNextPageToken();
        detention.reset();

        failsOnFields(() -> outcomes.listReleaseOutcomes(list(country("AZ")).setPageToken("not a token").build()),
                "page_token");
        failsOnFields(() -> outcomes.listReleaseOutcomes(list(country("RU")).setPageToken(token).build()), "page_token");
        failsOnFields(() -> outcomes.listReleaseOutcomes(list(ReleaseOutcomeScope.newBuilder().setCallerCountry("AZ"))
                .setPageToken(token).build()), "page_token");
        failsOnFields(() -> outcomes.listReleaseOutcomes(list(country("AZ")).setPageToken(token).setAsOf(asOf).build()),
                "page_token");
        failsOnFields(() -> outcomes.listReleaseOutcomes(list(country("AZ")).setPageToken(asOfToken).build()), "page_token");
        var someoneElse = Bearer.with(outcomesChannel, TestTokens.withGroups("other-analyst@habeas.test", Role.Names.ANALYST));
        failsOnFields(() -> someoneElse.listReleaseOutcomes(list(country("AZ")).setPageToken(token).build()), "page_token");
        var admin = Bearer.as(outcomesChannel, Role.ADMIN);
        failsOnFields(() -> admin.listReleaseOutcomes(list(country("AZ")).setPageToken(token).build()), "page_token");
        assertEquals(0, detention.calls());
    }

    @Test
    void anAsOfIsAValidInstantNotInTheFuture() {
        Timestamp future = Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() + 3600).build();
        Timestamp badNanos = Timestamp.newBuilder().setSeconds(1).setNanos(-1).build();
        Timestamp beyond = Timestamp.newBuilder().setSeconds(253_402_300_800L).build();
        for (Timestamp asOf : new Timestamp[] {future, badNanos, beyond}) {
            failsOnFields(() -> outcomes.getPersonReleaseOutcome(GetPersonReleaseOutcomeRequest.newBuilder()
                    .setPerson("persons/0190c7a5-0000-7000-8000-000000000002").setAsOf(asOf).build()), "as_of");
            failsOnFields(() -> outcomes.listReleaseOutcomes(list(country("AZ")).setAsOf(asOf).build()), "as_of");
            failsOnFields(() -> outcomes.getReleaseOutcomeStatistics(statistics(country("AZ")).setAsOf(asOf).build()),
                    "as_of");
        }
        assertEquals(0, detention.calls());
    }
}
