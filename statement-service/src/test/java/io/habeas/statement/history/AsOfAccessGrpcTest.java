package io.habeas.statement.history;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * As-of reads show a statement only to a caller who may see it, and every person behind it, both
 * as it was then and as it is now; they refuse an instant that is not one or has not come yet,
 * and page tokens of another instant.
 */
@QuarkusTest
class AsOfAccessGrpcTest extends HistoryCase {

    private Statement callFor(Actor actor, String person, String title, AccessLevel level) {
        return createStatement(statement(actor.getName(), date(2024, 4, 0), title).setAccessLevel(level)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for the release of " + title)
                        .addSubjectPersons(person)));
    }

    private List<String> countryStatements(Role role, Timestamp asOf) {
        return statementsAs(role).listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("US")
                .setAsOf(asOf).build()).getStatementsList().stream().map(Statement::getTitle).toList();
    }

    private int calls(Role role, String person, Timestamp asOf) {
        return statementsAs(role).getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(person)
                .setAsOf(asOf).build()).getCallCount();
    }

    @Test
    void aStatementShowsAsOfAnInstantOnlyToThoseWhoMaySeeItAndItsPersonsThenAndNow() {
        Actor blinken = createActor(blinken());
        String open = detention.knownPerson();
        String madePublic = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        String madeSecret = detention.knownPerson();
        String secretNow = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Statement classified = callFor(blinken, open, "classified later", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Statement declassified = callFor(blinken, open, "declassified later", AccessLevel.ACCESS_LEVEL_CONFIDENTIAL);
        callFor(blinken, madePublic, "a person declassified later", AccessLevel.ACCESS_LEVEL_PUBLIC);
        callFor(blinken, madeSecret, "a person classified later", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Statement extended = callFor(blinken, open, "extended later to a secret person", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Timestamp t1 = instant();
        updateStatement(classified.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL), "access_level");
        updateStatement(declassified.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC), "access_level");
        detention.reclassify(madePublic, io.habeas.kernel.access.AccessLevel.PUBLIC);
        detention.reclassify(madeSecret, io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        updateStatement(extended.toBuilder().setClaims(0, extended.getClaims(0).toBuilder().addSubjectPersons(secretNow)),
                "claims");

        assertEquals(List.of(), countryStatements(Role.VIEWER, t1));
        assertEquals(List.of("classified later", "declassified later", "a person declassified later",
                "a person classified later", "extended later to a secret person"), countryStatements(Role.ADMIN, t1));
        assertEquals(List.of("declassified later", "a person declassified later"), countryStatements(Role.VIEWER, instant()));
        assertEquals(List.of(0, 0, 0), List.of(calls(Role.VIEWER, open, t1), calls(Role.VIEWER, madePublic, t1),
                calls(Role.VIEWER, madeSecret, t1)));
        assertEquals(List.of(3, 1, 1), List.of(calls(Role.ADMIN, open, t1), calls(Role.ADMIN, madePublic, t1),
                calls(Role.ADMIN, madeSecret, t1)));
        for (String person : List.of(open, madePublic, madeSecret)) {
            assertEquals(0, statementsAs(Role.VIEWER).listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person)
                    .setAsOf(t1).build()).getItemsCount(), person);
        }
        assertEquals(3, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(open).setAsOf(t1).build())
                .getItemsCount());
    }

    @Test
    void anInstantInTheFutureOrOutsideATimestampsRangeIsInvalidOnEveryAsOfReadAndNothingIsAsked() {
        Actor blinken = createActor(blinken());
        String person = detention.knownPerson();
        callFor(blinken, person, "a call", AccessLevel.ACCESS_LEVEL_PUBLIC);
        long logged = database.count("request_log");
        detention.reset();
        Instant hourAhead = Instant.now().plusSeconds(3600);
        List<Timestamp> wrong = List.of(Timestamp.newBuilder().setSeconds(hourAhead.getEpochSecond()).build(),
                Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(1_000_000_000).build(),
                Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(-1).build(),
                Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(),
                Timestamp.newBuilder().setSeconds(253_402_300_800L).build());
        for (Timestamp asOf : wrong) {
            List<Executable> reads = List.of(
                    () -> statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setAsOf(asOf).build()),
                    () -> statements.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder().addPersons(person)
                            .setAsOf(asOf).build()),
                    () -> statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ").setAsOf(asOf).build()),
                    () -> statements.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("US")
                            .setAsOf(asOf).build()),
                    () -> statements.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(person)
                            .setAsOf(asOf).build()),
                    () -> statements.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest.newBuilder()
                            .addPersons(person).setAsOf(asOf).build()));
            for (Executable read : reads) {
                failsOnFields(read, "as_of");
            }
        }
        assertEquals("must not be in the future: nothing is known after now", failsOnFields(() -> statements.getReleaseCallSummary(
                GetReleaseCallSummaryRequest.newBuilder().setPerson(person).setAsOf(wrong.get(0)).build()), "as_of")
                .get(0).getDescription());
        assertEquals(0, detention.calls());
        assertEquals(logged, database.count("request_log"));
    }

    @Test
    void aPageTokenIsGoodForTheInstantItWasIssuedForOnly() {
        Actor blinken = createActor(blinken());
        String person = detention.knownPerson();
        callFor(blinken, person, "first", AccessLevel.ACCESS_LEVEL_PUBLIC);
        callFor(blinken, person, "second", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Timestamp t1 = instant();
        callFor(blinken, person, "third", AccessLevel.ACCESS_LEVEL_PUBLIC);
        Timestamp t2 = instant();

        var first = ListCountryStatementsRequest.newBuilder().setCountry("US").setPageSize(1).setAsOf(t1).build();
        String token = statements.listCountryStatements(first).getNextPageToken();
        for (var other : List.of(first.toBuilder().setAsOf(t2), first.toBuilder().clearAsOf())) {
            assertEquals("was issued for a different query or caller; send the same filters as the first page, as the same caller",
                    failsOnFields(() -> statements.listCountryStatements(other.setPageToken(token).build()), "page_token")
                            .get(0).getDescription());
        }
        var rest = statements.listCountryStatements(first.toBuilder().setPageToken(token).build());
        assertEquals(List.of("second"), rest.getStatementsList().stream().map(Statement::getTitle).toList());
        assertEquals("", rest.getNextPageToken());

        String claimsToken = statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setPageSize(1)
                .setAsOf(t2).build()).getNextPageToken();
        failsOnFields(() -> statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setPageSize(1)
                .setPageToken(claimsToken).setAsOf(t1).build()), "page_token");
    }
}
