package io.habeas.statement.outcome;

import static io.habeas.statement.outcome.ReleaseOutcomeFixtureGrpcTest.day;
import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.SqlLog;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outcome reads are index-backed, now and as of an instant, and a page costs a fixed number of
 * statements and detention-service calls whatever the number of its persons; detention-service is
 * asked about at most 200 persons a call.
 */
@QuarkusTest
class ReleaseOutcomePlansGrpcTest extends HistoryCase {

    @GrpcClient("statements")
    ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub outcomesChannel;

    private ReleaseOutcomeServiceGrpc.ReleaseOutcomeServiceBlockingStub analyst() {
        return Bearer.as(outcomesChannel, Role.ANALYST);
    }

    /** Persons detained by AZ since July 2023 (every other one released), each called for once by the actor. */
    private List<String> calledFor(Actor actor, int count) {
        List<String> persons = new ArrayList<>();
        for (int from = 0; from < count; from += 50) { // at most 50 persons a claim
            var call = claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for their release");
            for (int i = from; i < Math.min(count, from + 50); i++) {
                String person = detention.knownPerson();
                String held = detention.detain(person, "AZ", day(2023, 7, 23));
                if (i % 2 == 0) {
                    detention.end(held, CustodyStatus.CUSTODY_STATUS_RELEASED, day(2024, 1, 10));
                }
                call.addSubjectPersons(person);
                persons.add(person);
            }
            createStatement(statement(actor.getName(), day(2023, 8, 2), "Call").addClaims(call));
        }
        return persons;
    }

    @Test
    void everyStatementOfTheOutcomeReadsCanBeServedByIndexesAlone() {
        Actor blinken = createActor(blinken());
        Actor berlin = createActor(actor("Federal Foreign Office", ActorKind.ACTOR_KIND_GOVERNMENT_BODY, "DE")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        List<String> persons = calledFor(blinken, 3);
        calledFor(berlin, 2);
        updateActor(berlin.toBuilder().setCountry("FR"), "country");
        Timestamp asOf = instant();
        readEverything(persons.get(0), blinken, null); // column lists are read once, before the log starts
        readEverything(persons.get(0), blinken, asOf);

        for (Timestamp at : new Timestamp[] {null, asOf}) {
            SqlLog.clear();
            readEverything(persons.get(0), blinken, at);
            List<String> statements = SqlLog.statements();
            assertTrue(statements.size() >= 10, statements.toString());
            if (at != null) {
                assertTrue(statements.stream().filter(s -> s.contains("_history")).count() >= 8, statements.toString());
            }
            for (String statement : statements) {
                String plan = database.plan(statement);
                assertFalse(plan.contains("Seq Scan"), statement + "\n" + plan);
            }
        }
    }

    private void readEverything(String person, Actor caller, Timestamp asOf) {
        analyst().getPersonReleaseOutcome(at(GetPersonReleaseOutcomeRequest.newBuilder().setPerson(person), asOf).build());
        for (var scope : List.of(ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ"),
                ReleaseOutcomeScope.newBuilder().setCaller(caller.getName()),
                ReleaseOutcomeScope.newBuilder().setCallerCountry("FR"))) {
            String token = analyst().listReleaseOutcomes(at(ListReleaseOutcomesRequest.newBuilder().setScope(scope)
                    .setPageSize(1), asOf).build()).getNextPageToken();
            analyst().listReleaseOutcomes(at(ListReleaseOutcomesRequest.newBuilder().setScope(scope).setPageSize(1)
                    .setPageToken(token), asOf).build());
            analyst().getReleaseOutcomeStatistics(at(GetReleaseOutcomeStatisticsRequest.newBuilder().setScope(scope), asOf)
                    .build());
        }
    }

    @Test
    void aPageOfSixtyPersonsRunsAsManyStatementsAndCallsAsOneOfThree() {
        Actor few = createActor(blinken());
        Actor many = createActor(blinken().setDisplayName("Samantha Power"));
        calledFor(few, 3);
        calledFor(many, 60);
        costOfAPage(few, 3);

        assertEquals(costOfAPage(few, 3), costOfAPage(many, 60));
    }

    /** The statements and detention-service calls that one page of the caller's outcomes takes. */
    private List<Long> costOfAPage(Actor caller, int rows) {
        database.statistics().clear();
        int calls = detention.calls();
        var page = analyst().listReleaseOutcomes(ListReleaseOutcomesRequest.newBuilder()
                .setScope(ReleaseOutcomeScope.newBuilder().setCaller(caller.getName())).setPageSize(200).build());
        assertEquals(rows, page.getOutcomesCount());
        long prepared = database.statistics().getPrepareStatementCount();
        assertTrue(prepared > 0);
        return List.of(prepared, (long) detention.calls() - calls);
    }

    @Test
    void statisticsOverTwoHundredAndFiftyPersonsTakeTwoBatches() {
        Actor blinken = createActor(blinken());
        calledFor(blinken, 250);
        int before = detention.detentionLists();

        var statistics = analyst().getReleaseOutcomeStatistics(GetReleaseOutcomeStatisticsRequest.newBuilder()
                .setScope(ReleaseOutcomeScope.newBuilder().setDetainingCountry("AZ")).build()).getStatistics();

        assertEquals(250, statistics.getPersonsWithCalls());
        assertEquals(125, statistics.getReleasedAfterCalls());
        assertEquals(125, statistics.getStillHeld());
        assertEquals(161.0, statistics.getMedianDaysToRelease());
        assertEquals(2, detention.detentionLists() - before);
        List<Integer> counts = detention.detentionPersonCounts();
        assertEquals(List.of(200, 50), counts.subList(counts.size() - 2, counts.size()));
    }
}
