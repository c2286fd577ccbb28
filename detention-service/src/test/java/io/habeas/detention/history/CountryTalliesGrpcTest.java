package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.AccessLevel;
import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.GetCountryStatisticsRequest;
import io.habeas.detention.v1.GetCountryStatisticsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.RetractDetentionRequest;
import io.habeas.detention.v1.RetractPersonRequest;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statistics read now come from the tallies the database keeps at each commit; read as of an
 * instant they are counted from the records. After every kind of write, both agree for every
 * clearance, and the tallies are read without touching a country's records.
 */
@QuarkusTest
class CountryTalliesGrpcTest extends HistoryCase {
    private static final List<Role> READERS = List.of(Role.VIEWER, Role.ANALYST, Role.ADMIN);

    @Test
    void talliesAgreeWithTheRecordsAfterEveryKindOfWrite() {
        Person open = createPerson(person("Gubad Ibadoglu", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC));
        Person guarded = createPerson(person("Bahruz Samadov", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        Person secret = createPerson(person("Igbal Abilov", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Detention second = createDetention(arrest(open.getName(), date(2021, 0, 0)));
        addEvent(second, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2022, 3, 0)));
        Detention first = createDetention(arrest(open.getName(), date(2023, 7, 23)));
        Detention restricted = createDetention(arrest(guarded.getName(), date(2024, 1, 10))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        Detention hidden = createDetention(arrest(secret.getName(), date(2023, 12, 0)));
        Charge publicCharge = addCharge(first, charge("204.3.1", date(2023, 7, 24)));
        addCharge(first, charge("167-3.1", date(2023, 7, 24)).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        addCharge(restricted, charge("204.2", date(2024, 1, 11)));
        addCharge(hidden, charge("204.3.1", date(2023, 12, 0)));
        assertSameEitherWay("recorded");

        addEvent(restricted, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 5, 2))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        assertSameEitherWay("released where only an admin may see it");

        reclassify(open, AccessLevel.ACCESS_LEVEL_RESTRICTED);
        assertSameEitherWay("a person reclassified");

        updateCharge(publicCharge, "article_reference", Charge.newBuilder().setArticleReference("168.1"));
        retract(addCharge(second, charge("228", date(2021, 0, 0))));
        assertSameEitherWay("a charge corrected, another retracted");

        Detention moved = detentions.getDetention(GetDetentionRequest.newBuilder()
                .setName(hidden.getName()).build()).getDetention();
        updateDetention(moved, "detaining_country", Detention.newBuilder().setDetainingCountry("RU"));
        detentions.retractDetention(RetractDetentionRequest.newBuilder().setName(first.getName())
                .setEtag(detentions.getDetention(GetDetentionRequest.newBuilder()
                        .setName(first.getName()).build()).getDetention().getEtag())
                .setReason("Duplicate").setRequestId(requestId()).build());
        assertSameEitherWay("a detention moved to another country, another retracted");

        Person current = persons.getPerson(GetPersonRequest.newBuilder()
                .setName(guarded.getName()).build()).getPerson();
        persons.retractPerson(RetractPersonRequest.newBuilder().setName(current.getName()).setEtag(current.getEtag())
                .setReason("Entered twice").setRequestId(requestId()).build());
        assertSameEitherWay("a person retracted");
    }

    @Test
    void aSummaryReadNowReadsTheTalliesAlone() {
        Person held = createPerson(person("Gubad Ibadoglu", "AZ"));
        addCharge(createDetention(arrest(held.getName(), date(2023, 7, 23))), charge("204.3.1", date(2023, 7, 24)));
        statistics(Role.ANALYST, "AZ");

        SqlLog.clear();
        GetCountryStatisticsResponse read = statistics(Role.ANALYST, "AZ");
        assertEquals(1, read.getHeldNow());
        List<String> statements = SqlLog.statements();
        assertEquals(4, statements.size(), statements.toString());
        for (String statement : statements) {
            assertTrue(statement.contains("country_tally"), statement);
            assertFalse(statement.matches("(?s).*\\b(detention|person|charge)\\b.*"), statement);
            String plan = database.plan(statement);
            assertTrue(plan.contains("country_tally_pkey"), statement + "\n" + plan);
        }
    }

    private void assertSameEitherWay(String after) {
        var asOf = instant();
        for (String country : List.of("AZ", "RU")) {
            for (Role reader : READERS) {
                GetCountryStatisticsResponse counted = detentionsAs(reader).getCountryStatistics(request(country)
                        .setAsOf(asOf).build());
                assertEquals(counted, statistics(reader, country), after + ": " + country + " read by " + reader);
            }
        }
        assertTrue(statistics(Role.ADMIN, "AZ").getMonthlyCount() > 0, after + ": nothing was counted at all");
    }

    private GetCountryStatisticsResponse statistics(Role reader, String country) {
        return detentionsAs(reader).getCountryStatistics(request(country).build());
    }

    private static GetCountryStatisticsRequest.Builder request(String country) {
        return GetCountryStatisticsRequest.newBuilder().setDetainingCountry(country).setArticleLimit(100);
    }
}
