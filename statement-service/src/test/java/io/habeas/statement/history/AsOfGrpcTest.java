package io.habeas.statement.history;

import static io.habeas.statement.support.Fixtures.azerbaijaniAuthorities;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.*;
import io.habeas.kernel.access.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims feeds and release-call summaries read as of an instant give back exactly what they gave
 * at that instant, whatever was corrected, reclassified, retracted or added since; an instant
 * between two changes reads the state between them; detention-service is asked as of it too.
 */
@QuarkusTest
class AsOfGrpcTest extends HistoryCase {
    private static final List<Role> READERS = List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER);

    private String ibadoglu;
    private String yagublu;
    private Actor blinken;
    private Statement call;
    private Statement denial;
    private Statement readout;
    private Statement duplicate;

    /** A call for release, a denial answering it, a RESTRICTED readout and a statement retracted later. */
    private void recordTheCase() {
        ibadoglu = detention.knownPerson();
        yagublu = detention.knownPerson();
        blinken = createActor(blinken());
        Actor ministry = createActor(azerbaijaniAuthorities().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        call = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his full and expeditious release")
                        .addSubjectPersons(ibadoglu).setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_WELCOME, "Welcomed the release to house arrest")
                        .addSubjectPersons(ibadoglu)));
        denial = createStatement(statement(ministry.getName(), date(2024, 5, 0), "The ministry answers")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "Denied that he is held for his views")
                        .addSubjectPersons(ibadoglu).addSubjectCountries("AZ").setAnswers(call.getClaims(0).getName())));
        readout = createStatement(statement(blinken.getName(), date(2024, 6, 0), "Readout")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Urged his release").addSubjectPersons(yagublu)));
        duplicate = createStatement(statement(blinken.getName(), date(2024, 7, 0), "Entered twice")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, "Demanded their release")
                        .addSubjectPersons(ibadoglu).addSubjectPersons(yagublu).addSubjectCountries("AZ")));
    }

    /** Every read that takes as_of, as one role makes it. */
    private List<Message> readEverything(Role role, Timestamp asOf) {
        var reader = statementsAs(role);
        List<Message> answers = new ArrayList<>();
        answers.add(reader.listPersonClaims(at(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu), asOf).build()));
        answers.add(reader.listClaimsAboutPersons(at(ListClaimsAboutPersonsRequest.newBuilder().addPersons(ibadoglu)
                .addPersons(yagublu), asOf).build()));
        answers.add(reader.listCountryClaims(at(ListCountryClaimsRequest.newBuilder().setCountry("AZ"), asOf).build()));
        answers.add(reader.listCountryStatements(at(ListCountryStatementsRequest.newBuilder().setCountry("US"), asOf).build()));
        answers.add(reader.getReleaseCallSummary(at(GetReleaseCallSummaryRequest.newBuilder().setPerson(ibadoglu), asOf).build()));
        answers.add(reader.batchGetReleaseCallSummaries(at(BatchGetReleaseCallSummariesRequest.newBuilder()
                .addPersons(ibadoglu).addPersons(yagublu), asOf).build()));
        return answers;
    }

    @Test
    void readsAsOfAnInstantAnswerExactlyAsTheyDidThenAfterCorrectionsReclassificationsRetractionsAndNewRecords() {
        recordTheCase();
        List<List<Message>> then = READERS.stream().map(role -> readEverything(role, null)).toList();
        Timestamp t1 = instant();

        call = updateStatement(call.toBuilder().setTitle("Secretary Blinken's Call with Azerbaijani President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Urged the release of other unjustly detained individuals")
                        .addSubjectPersons(yagublu).addSubjectCountries("AZ")), "title", "claims");
        updateActor(blinken.toBuilder().setDisplayName("Antony Blinken"), "display_name");
        updateStatement(readout.toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC), "access_level");
        updateStatement(denial.toBuilder().setClaims(0, denial.getClaims(0).toBuilder().setText("Denied any political motive"))
                , "claims");
        retract(duplicate);
        createStatement(statement(blinken.getName(), date(2024, 8, 0), "Press availability")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called again for his release").addSubjectPersons(ibadoglu)));

        for (int i = 0; i < READERS.size(); i++) {
            List<Message> now = readEverything(READERS.get(i), null);
            List<Message> asOfThen = readEverything(READERS.get(i), t1);
            for (int read = 0; read < now.size(); read++) {
                assertEquals(then.get(i).get(read), asOfThen.get(read), READERS.get(i) + " read " + read);
                assertNotEquals(then.get(i).get(read), now.get(read), READERS.get(i) + " read " + read + " never changed");
            }
        }
        // detention-service is asked as of the same instant, to the microsecond PostgreSQL keeps
        assertTrue(detention.asOfs().contains(t1.toBuilder().setNanos(t1.getNanos() / 1000 * 1000).build()),
                detention.asOfs() + " " + t1);
    }

    @Test
    void anInstantBetweenTwoChangesReadsTheStateBetweenThem() {
        recordTheCase();
        Timestamp before = instant();
        Statement retitled = updateStatement(call.toBuilder().setTitle("Call with President Aliyev, corrected")
                .addClaims(claim(ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, "Demanded his release").addSubjectPersons(ibadoglu))
                , "title", "claims");
        Timestamp between = instant();
        updateStatement(retitled.toBuilder().setTitle("Call with President Aliyev, corrected twice"), "title");
        retract(duplicate);

        assertEquals(List.of("Call with President Aliyev", "Call with President Aliyev, corrected",
                        "Call with President Aliyev, corrected twice"),
                List.of(title(before), title(between), title(null)));
        assertEquals(List.of(2, 3, 2), List.of(calls(before), calls(between), calls(null)));
        assertEquals(retitled.getEtag(), statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu)
                .setAsOf(between).build()).getItems(0).getStatement().getEtag());
    }

    private String title(Timestamp asOf) {
        return statements.listPersonClaims(at(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu), asOf).build())
                .getItems(0).getStatement().getTitle();
    }

    private int calls(Timestamp asOf) {
        return statements.getReleaseCallSummary(at(GetReleaseCallSummaryRequest.newBuilder().setPerson(ibadoglu), asOf)
                .build()).getCallCount();
    }
}
