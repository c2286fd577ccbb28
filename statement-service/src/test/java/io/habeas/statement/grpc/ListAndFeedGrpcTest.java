package io.habeas.statement.grpc;

import static io.habeas.statement.support.Fixtures.actor;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.DateRange;
import io.habeas.common.v1.PartialDate;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ListClaimsAboutPersonsRequest;
import io.habeas.statement.v1.ListClaimsAboutPersonsResponse;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListCountryStatementsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListPersonClaimsResponse;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.ListStatementsResponse;
import io.habeas.statement.v1.Statement;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists by any combination of filters, feeds in date order, keyset pages, and a constant statement count per page. */
@QuarkusTest
class ListAndFeedGrpcTest extends GrpcTest {
    private Actor blinken;
    private Actor amnesty;
    private String ibadoglu;
    private String yagublu;

    @BeforeEach
    void recordSpeakers() {
        blinken = createActor(blinken());
        amnesty = createActor(actor("Amnesty International", ActorKind.ACTOR_KIND_NGO, "GB"));
        ibadoglu = detention.knownPerson();
        yagublu = detention.knownPerson();
    }

    private Statement say(Actor who, PartialDate when, ClaimKind kind, String person, String country) {
        var claim = claim(kind, kind.name());
        if (person != null) {
            claim.addSubjectPersons(person);
        }
        if (country != null) {
            claim.addSubjectCountries(country);
        }
        return createStatement(statement(who.getName(), when, kind.name() + " " + when.getYear()).addClaims(claim));
    }

    private List<String> list(ListStatementsRequest.Builder request) {
        return statements.listStatements(request.build()).getStatementsList().stream().map(Statement::getName).toList();
    }

    private static DateRange range(PartialDate start, PartialDate end) {
        DateRange.Builder range = DateRange.newBuilder();
        if (start != null) {
            range.setStart(start);
        }
        if (end != null) {
            range.setEnd(end);
        }
        return range.build();
    }

    @Test
    void claimsAboutSeveralPersonsComeInDateOrderAndOnceEach() {
        String other = detention.knownPerson();
        Statement aboutYagublu = say(amnesty, date(2023, 9, 0), ClaimKind.CLAIM_KIND_CONCERN, yagublu, null);
        Statement aboutIbadoglu = say(blinken, date(2023, 8, 1), ClaimKind.CLAIM_KIND_CONCERN, ibadoglu, null);
        Statement aboutBoth = createStatement(statement(blinken.getName(), date(2024, 4, 0), "Both")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release them").addSubjectPersons(ibadoglu)
                        .addSubjectPersons(yagublu)));
        say(amnesty, date(2023, 10, 1), ClaimKind.CLAIM_KIND_CONCERN, other, null);

        List<String> walked = new ArrayList<>();
        ListClaimsAboutPersonsRequest.Builder page = ListClaimsAboutPersonsRequest.newBuilder()
                .addPersons(yagublu).addPersons(ibadoglu).setPageSize(1);
        do {
            ListClaimsAboutPersonsResponse response = statements.listClaimsAboutPersons(page.build());
            response.getItemsList().forEach(item -> walked.add(item.getStatement().getName()));
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());

        assertEquals(List.of(aboutIbadoglu.getName(), aboutYagublu.getName(), aboutBoth.getName()), walked);
        failsOnFields(() -> statements.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.getDefaultInstance()),
                "persons");
        failsOnFields(() -> statements.listClaimsAboutPersons(ListClaimsAboutPersonsRequest.newBuilder()
                .addPersons(ibadoglu).addPersons("people/1").build()), "persons[1]");
    }

    @Test
    void listsNewestFirstByAnyCombinationOfFilters() {
        Statement a = say(blinken, date(2023, 8, 1), ClaimKind.CLAIM_KIND_CONCERN, ibadoglu, null);
        Statement b = say(amnesty, date(2023, 9, 0), ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, ibadoglu, "AZ");
        Statement c = say(blinken, date(2024, 4, 0), ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, ibadoglu, "AZ");
        Statement d = say(blinken, date(2024, 4, 0), ClaimKind.CLAIM_KIND_SUPPORT, null, "AM");
        Statement e = say(amnesty, date(2024, 0, 0), ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, yagublu, "AZ");

        assertEquals(List.of(e.getName(), d.getName(), c.getName(), b.getName(), a.getName()),
                list(ListStatementsRequest.newBuilder()), "2024 sorts after April 2024; equal dates newest recorded first");
        assertEquals(List.of(d.getName(), c.getName(), a.getName()), list(ListStatementsRequest.newBuilder()
                .setActor(blinken.getName())));
        assertEquals(List.of(e.getName(), b.getName()), list(ListStatementsRequest.newBuilder().setActorCountry("GB")));
        assertEquals(List.of(c.getName(), b.getName(), a.getName()), list(ListStatementsRequest.newBuilder()
                .setSubjectPerson(ibadoglu)));
        assertEquals(List.of(e.getName(), c.getName(), b.getName()), list(ListStatementsRequest.newBuilder()
                .setSubjectCountry("AZ")));
        assertEquals(List.of(e.getName(), b.getName()), list(ListStatementsRequest.newBuilder()
                .setClaimKind(ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE)));
        assertEquals(List.of(e.getName(), d.getName(), c.getName()), list(ListStatementsRequest.newBuilder()
                .setDateRange(range(date(2024, 1, 1), null))));
        assertEquals(List.of(b.getName()), list(ListStatementsRequest.newBuilder()
                .setDateRange(range(date(2023, 9, 15), date(2023, 12, 31)))), "September 2023 overlaps the range");
        assertEquals(List.of(c.getName()), list(ListStatementsRequest.newBuilder().setActorCountry("US")
                .setSubjectPerson(ibadoglu).setSubjectCountry("AZ").setClaimKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                .setDateRange(range(date(2024, 0, 0), date(2024, 0, 0)))));

        failsOnFields(() -> list(ListStatementsRequest.newBuilder().setActorCountry("XX").setSubjectPerson("bob")),
                "actor_country");
        failsOnFields(() -> list(ListStatementsRequest.newBuilder().setSubjectPerson("bob")), "subject_person");
        failsOnFields(() -> list(ListStatementsRequest.newBuilder().setDateRange(range(date(2024, 5, 0), date(2024, 4, 0)))),
                "date_range.end");
    }

    @Test
    void walkingEveryPageOfAListOrAFeedReturnsEachItemOnceInOrder() {
        for (int i = 0; i < 30; i++) {
            PartialDate when = date(2020 + i / 12, 1 + i % 12, i % 3 == 0 ? 0 : 1 + i % 28);
            say(i % 2 == 0 ? blinken : amnesty, when, ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, ibadoglu, "AZ");
        }

        List<ClaimItem> feed = new ArrayList<>();
        ListPersonClaimsRequest.Builder page = ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu).setPageSize(7);
        do {
            ListPersonClaimsResponse response = statements.listPersonClaims(page.build());
            feed.addAll(response.getItemsList());
            page.setPageToken(response.getNextPageToken());
        } while (!page.getPageToken().isEmpty());
        assertEquals(30, feed.size());
        assertEquals(30, new HashSet<>(feed.stream().map(ClaimItem::getClaim).toList()).size());
        for (int i = 1; i < feed.size(); i++) {
            PartialDate before = feed.get(i - 1).getStatement().getMadeOn();
            PartialDate after = feed.get(i).getStatement().getMadeOn();
            long x = lastDay(before);
            long y = lastDay(after);
            assertTrue(x < y || (x == y && before.getPrecisionValue() >= after.getPrecisionValue()),
                    "item " + i + " is out of order: " + before + " then " + after);
        }

        List<String> listed = new ArrayList<>();
        ListStatementsRequest.Builder listPage = ListStatementsRequest.newBuilder().setSubjectCountry("AZ").setPageSize(4);
        do {
            ListStatementsResponse response = statements.listStatements(listPage.build());
            response.getStatementsList().forEach(s -> listed.add(s.getName()));
            listPage.setPageToken(response.getNextPageToken());
        } while (!listPage.getPageToken().isEmpty());
        List<String> reversedFeed = new ArrayList<>(feed.stream().map(item -> item.getStatement().getName()).toList());
        java.util.Collections.reverse(reversedFeed);
        assertEquals(reversedFeed, listed, "the list is the timeline, newest first");

        failsOnFields(() -> statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(yagublu)
                .setPageToken(statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(ibadoglu)
                        .setPageSize(1).build()).getNextPageToken()).build()), "page_token");
    }

    private static long lastDay(PartialDate date) {
        java.time.YearMonth month = java.time.YearMonth.of(date.getYear(), date.getMonth() == 0 ? 12 : date.getMonth());
        return month.atDay(date.getDay() == 0 ? month.lengthOfMonth() : date.getDay()).toEpochDay();
    }

    @Test
    void countryFeedsNeedACountryAndKeepTheirDateRange() {
        say(blinken, date(2023, 8, 1), ClaimKind.CLAIM_KIND_CONCERN, null, "AZ");
        Statement later = say(blinken, date(2024, 4, 0), ClaimKind.CLAIM_KIND_SUPPORT, null, "AZ");
        assertEquals(List.of(later.getClaims(0).getName()), statements.listCountryClaims(ListCountryClaimsRequest
                .newBuilder().setCountry("AZ").setDateRange(range(date(2024, 0, 0), null)).build()).getItemsList().stream()
                .map(ClaimItem::getClaim).toList());
        assertEquals(List.of(later.getName()), statements.listCountryStatements(ListCountryStatementsRequest.newBuilder()
                .setCountry("US").setDateRange(range(date(2024, 4, 30), date(2024, 5, 0))).build()).getStatementsList()
                .stream().map(Statement::getName).toList());
        failsOnFields(() -> statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().build()), "country");
        failsOnFields(() -> statements.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry("ZZ")
                .build()), "country");
        failsOnFields(() -> statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson("persons/x").build()),
                "person");
        assertEquals(0, statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(yagublu).build())
                .getItemsCount(), "nobody spoke about him yet");
    }

    @Test
    void readingOneOrTwoHundredItemsRunsTheSameNumberOfStatements() {
        say(blinken, date(2023, 8, 1), ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, yagublu, "AM");
        long[] few = statementsToRead(yagublu, "AM");

        for (int i = 0; i < 200; i++) {
            Statement s = createStatement(statement(amnesty.getName(), date(2020 + i % 4, 1 + i % 12, 0), "Appeal " + i)
                    .addClaims(claim(ClaimKind.CLAIM_KIND_DEMAND_FOR_RELEASE, "Release him").addSubjectPersons(ibadoglu)
                            .addSubjectCountries("AZ"))
                    .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern").addSubjectCountries("GB")));
            assertEquals(2, s.getClaimsCount());
        }
        long[] many = statementsToRead(ibadoglu, "AZ");

        assertTrue(few[0] > 0 && few[3] > 0, "statistics are on in tests");
        assertEquals(List.of(few[0], few[1], few[2], few[3]), List.of(many[0], many[1], many[2], many[3]),
                "statements for person feed, country claims, country statements, list: 1 item vs 200");
    }

    private long[] statementsToRead(String person, String country) {
        long[] counts = new long[4];
        database.statistics().clear();
        int items = statements.listPersonClaims(ListPersonClaimsRequest.newBuilder().setPerson(person).setPageSize(500)
                .build()).getItemsCount();
        counts[0] = database.statistics().getPrepareStatementCount();
        assertTrue(items == 1 || items == 200, "read " + items);

        database.statistics().clear();
        items = statements.listCountryClaims(ListCountryClaimsRequest.newBuilder().setCountry(country).setPageSize(500)
                .build()).getItemsCount();
        counts[1] = database.statistics().getPrepareStatementCount();
        assertTrue(items == 1 || items == 200, "read " + items);

        String speakers = country.equals("AM") ? "US" : "GB";
        database.statistics().clear();
        items = statements.listCountryStatements(ListCountryStatementsRequest.newBuilder().setCountry(speakers)
                .setPageSize(500).build()).getStatementsCount();
        counts[2] = database.statistics().getPrepareStatementCount();
        assertTrue(items == 1 || items == 200, "read " + items);

        database.statistics().clear();
        items = statements.listStatements(ListStatementsRequest.newBuilder().setSubjectPerson(person).setPageSize(200)
                .build()).getStatementsCount();
        counts[3] = database.statistics().getPrepareStatementCount();
        assertTrue(items == 1 || items == 200, "read " + items);
        return counts;
    }
}
