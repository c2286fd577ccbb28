package io.habeas.statement.history;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.habeas.kernel.access.Role;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * As-of reads are index-backed on the tables and their histories alike, and read a page in a fixed
 * number of statements (and detention-service calls) whatever its size.
 */
@QuarkusTest
class AsOfPlansTest extends HistoryCase {

    private Statement say(Actor actor, String person, int month, Statement answered) {
        var call = claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for the release, month " + month)
                .addSubjectPersons(person).addSubjectCountries("AZ");
        if (answered != null) {
            call.setAnswers(answered.getClaims(0).getName());
        }
        return createStatement(statement(actor.getName(), date(2020 + month / 12, 1 + month % 12, 0), "Call " + month)
                .addClaims(call));
    }

    @Test
    void everyStatementOfTheAsOfReadsCanBeServedByIndexesAlone() {
        Actor blinken = createActor(blinken());
        String person = detention.knownPerson();
        Statement first = say(blinken, person, 1, null);
        Statement second = say(blinken, person, 2, first);
        updateStatement(second.toBuilder().setTitle("Call 2, corrected"), "title");
        Timestamp t1 = instant();
        readEverythingAsOf(t1, person); // column lists are read once, before the log starts

        SqlLog.clear();
        readEverythingAsOf(t1, person);
        List<String> statements = SqlLog.statements();
        assertTrue(statements.size() >= 10, statements.toString());
        // Most read as of the instant; the checks that a statement's persons may be seen now read now.
        assertTrue(statements.stream().filter(s -> s.contains("_history")).count() >= 8, statements.toString());
        for (String statement : statements) {
            String plan = database.plan(statement);
            assertFalse(plan.contains("Seq Scan"), statement + "\n" + plan);
        }
    }

    private void readEverythingAsOf(Timestamp asOf, String person) {
        var reader = statementsAs(Role.ANALYST);
        reader.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setPageSize(1).setAsOf(asOf).build());
        reader.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder().addPersons(person).setAsOf(asOf).build());
        String token = reader.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ").setPageSize(1)
                .setAsOf(asOf).build()).getNextPageToken();
        reader.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry("AZ").setPageSize(1).setPageToken(token)
                .setAsOf(asOf).build());
        reader.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("US").setAsOf(asOf).build());
        reader.getReleaseCallSummary(GetReleaseCallSummaryRequest.newBuilder().setPerson(person).setAsOf(asOf).build());
        reader.batchGetReleaseCallSummaries(BatchGetReleaseCallSummariesRequest.newBuilder().addPersons(person)
                .setAsOf(asOf).build());
    }

    @Test
    void anAsOfFeedPageOfSixtyClaimsRunsAsManyStatementsAndCallsAsOneOfThree() {
        Actor blinken = createActor(blinken());
        String few = detention.knownPerson();
        String many = detention.knownPerson();
        Statement answered = say(blinken, few, 0, null);
        say(blinken, few, 1, answered);
        say(blinken, few, 2, null);
        Statement previous = null;
        for (int month = 0; month < 60; month++) {
            previous = say(blinken, many, month, month % 2 == 0 ? previous : null);
        }
        Timestamp t1 = instant();
        statementsToRead(few, t1, 3);

        assertEquals(statementsToRead(few, t1, 3), statementsToRead(many, t1, 60));
    }

    /** The statements and the calls to detention-service that reading the person's whole feed takes. */
    private List<Long> statementsToRead(String person, Timestamp asOf, int items) {
        database.statistics().clear();
        int calls = detention.calls();
        int read = statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setPageSize(500)
                .setAsOf(asOf).build()).getItemsCount();
        assertEquals(items, read);
        long prepared = database.statistics().getPrepareStatementCount();
        assertTrue(prepared > 0);
        return List.of(prepared, (long) detention.calls() - calls);
    }
}
