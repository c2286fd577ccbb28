package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.DateRange;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.*;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * As-of reads are index-backed on the tables and their histories alike, and read a page in a fixed
 * number of statements whatever its size.
 */
@QuarkusTest
class AsOfPlansTest extends HistoryCase {
    @Test
    void everyStatementOfTheAsOfReadsCanBeServedByIndexesAlone() {
        Person held = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(held.getName(), date(2023, 7, 23)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        Charge charge = addCharge(detention, charge("204.3.1", date(2023, 7, 23)));
        CourtEvent verdict = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0))
                .setSentence(SentenceTerm.newBuilder().setYears(10)).addCharges(charge.getName()));
        changeStatus(charge, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .setEffectiveOn(date(2024, 9, 0)).setCourtEvent(verdict.getName()).addSources(source()));
        addIncident(held, incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 12)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2024, 0, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 8, 1)));
        reclassify(held, AccessLevel.ACCESS_LEVEL_RESTRICTED);
        Timestamp t1 = instant();
        readEverythingAsOf(t1, Role.ANALYST, held, detention); // column lists are read once, before the log starts

        SqlLog.clear();
        readEverythingAsOf(t1, Role.ANALYST, held, detention);
        List<String> statements = SqlLog.statements();
        assertTrue(statements.size() >= 10, statements.toString());
        for (String statement : statements) {
            assertTrue(statement.contains("_history"), statement);
            String plan = database.plan(statement);
            assertFalse(plan.contains("Seq Scan"), statement + "\n" + plan);
            if (statement.contains("FROM feed_entry_history")) {
                assertTrue(plan.contains("feed_entry_history_by_"), plan); // the feed's order, not just any index
            }
        }
    }

    private void readEverythingAsOf(Timestamp asOf, Role role, Person person, Detention detention) {
        var people = personsAs(role);
        var records = detentionsAs(role);
        people.getPerson(GetPersonRequest.newBuilder().setName(person.getName()).setAsOf(asOf).build());
        people.listPersons(ListPersonsRequest.newBuilder().setAsOf(asOf).build());
        people.listPersons(ListPersonsRequest.newBuilder().setDetainingCountry("AZ").setCitizenship("AZ").setAsOf(asOf).build());
        records.listDetentions(ListDetentionsRequest.newBuilder().setPerson(person.getName()).setOngoingOnly(true)
                .setCurrentStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY).setAsOf(asOf).build());
        records.listDetentions(ListDetentionsRequest.newBuilder().setDetainingCountry("AZ").setAsOf(asOf).build());
        records.listCharges(ListChargesRequest.newBuilder().setParent(detention.getName()).setAsOf(asOf).build());
        records.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person.getName()).setPageSize(1).setAsOf(asOf).build());
        DateRange range = DateRange.newBuilder().setStart(date(2023, 8, 0)).setEnd(date(2024, 12, 0)).build();
        String placed = records.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person.getName()).setPageSize(1)
                .setDateRange(range).setAsOf(asOf).build()).getNextPageToken();
        records.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person.getName()).setPageSize(1)
                .setDateRange(range).setPageToken(placed).setAsOf(asOf).build());
        String token = records.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").setPageSize(1)
                .setAsOf(asOf).build()).getNextPageToken();
        records.listCountryFeed(ListCountryFeedRequest.newBuilder().setDetainingCountry("AZ").setPageSize(1)
                .setPageToken(token).setAsOf(asOf).build());
        records.getCountryStatistics(GetCountryStatisticsRequest.newBuilder().setDetainingCountry("AZ").setAsOf(asOf).build());
    }

    @Test
    void aLookupByExternalIdReadsTheIdentifierIndexesNowAndAsOfAnInstant() {
        var item = io.habeas.common.v1.ExternalId.newBuilder().setScheme("wikidata").setValue("Q5453614").build();
        Person held = createPerson(ibadoglu().addExternalIds(item));
        reclassify(held, AccessLevel.ACCESS_LEVEL_RESTRICTED);
        Timestamp t1 = instant();
        persons.listPersons(ListPersonsRequest.newBuilder().setExternalId(item).setAsOf(t1).build());

        SqlLog.clear();
        assertEquals(1, persons.listPersons(ListPersonsRequest.newBuilder().setExternalId(item).build()).getPersonsCount());
        assertEquals(1, persons.listPersons(ListPersonsRequest.newBuilder().setExternalId(item).setAsOf(t1).build())
                .getPersonsCount());
        List<String> lookups = SqlLog.statements().stream().filter(s -> s.contains("external_ids @>")).toList();
        assertEquals(2, lookups.size(), SqlLog.statements().toString());
        assertTrue(database.plan(lookups.get(0)).contains("person_by_external_id"), database.plan(lookups.get(0)));
        String asOf = database.plan(lookups.get(1));
        assertTrue(asOf.contains("person_by_external_id") && asOf.contains("person_history_by_external_id"), asOf);
    }

    @Test
    void anAsOfFeedPageOfTwoHundredItemsRunsAsManyStatementsAsOneOfSix() {
        Person few = createPerson(ibadoglu());
        Detention small = createDetention(arrest(few.getName(), date(2023, 7, 23)));
        addEvent(small, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2023, 8, 1)));
        convictByVerdict(small, addCharge(small, charge("204.3.1", date(2023, 7, 23))));
        addIncident(few, incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 12)));
        Person many = createPerson(person("Tofig Yagublu", "AZ"));
        Detention large = createDetention(arrest(many.getName(), date(2020, 1, 1)));
        for (int i = 0; i < 100; i++) {
            addEvent(large, event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2020 + i / 28, 1 + i % 12, 1 + i % 28)));
            if (i % 2 == 0) {
                Charge charge = addCharge(large, charge(Integer.toString(100 + i), date(2020, 1, 1)));
                if (i < 20) {
                    convictByVerdict(large, charge);
                }
            } else {
                addIncident(many, incident(IncidentType.INCIDENT_TYPE_SUMMONS, date(2019, 1 + i % 12, 0)));
            }
        }
        Timestamp t1 = instant();
        statementsToReadFeedOf(few, t1, 6);

        // 1 start, 100 custody events, 50 charges, 10 verdicts and 10 convictions by them, 50 incidents
        assertEquals(statementsToReadFeedOf(few, t1, 6), statementsToReadFeedOf(many, t1, 221));
    }

    /** A verdict sentencing the charge, and the charge convicted by it: two feed items, each linking the other. */
    private void convictByVerdict(Detention detention, Charge charge) {
        CourtEvent verdict = addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0))
                .setSentence(SentenceTerm.newBuilder().setYears(10)).addCharges(charge.getName()));
        changeStatus(charge, ChargeStatusChange.newBuilder().setStatus(ChargeStatus.CHARGE_STATUS_CONVICTED)
                .setEffectiveOn(date(2024, 9, 0)).setCourtEvent(verdict.getName()).addSources(source()));
    }

    private long statementsToReadFeedOf(Person who, Timestamp asOf, int items) {
        database.statistics().clear();
        assertEquals(items, detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(who.getName())
                .setPageSize(500).setAsOf(asOf).build()).getItemsCount());
        long statements = database.statistics().getPrepareStatementCount();
        assertTrue(statements > 0);
        return statements;
    }
}
