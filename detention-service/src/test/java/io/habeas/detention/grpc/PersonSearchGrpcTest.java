package io.habeas.detention.grpc;

import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.support.testing.GrpcAssertions.failsOnFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.detention.support.Fixtures;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.ListPersonsResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonMatch;
import io.habeas.detention.v1.SearchPersonsRequest;
import io.habeas.detention.v1.SearchPersonsResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PersonSearchGrpcTest extends GrpcTest {

    private SearchPersonsResponse search(String query) {
        return persons.searchPersons(SearchPersonsRequest.newBuilder().setQuery(query).build());
    }

    private static List<String> names(SearchPersonsResponse response) {
        return response.getMatchesList().stream().map(m -> m.getPerson().getDisplayName()).toList();
    }

    // --- SearchPersons ---

    @ParameterizedTest(name = "\"{0}\" finds Gubad Ibadoglu first")
    @ValueSource(strings = {"Ibadoglu", "İbadoğlu", "IBADOGLU", "ibadoglu", "Qubad Ibadoglu", "Губад",
            "Gubad Ibadoglu", "  ibadoglu  ", "губад", "ГУБАД ИБАДОГЛУ", "Ибадоглу"})
    void findsTheDemoPersonByAnySpellingOfAnyOfHisNames(String query) {
        Person ibadoglu = createPerson(ibadoglu());
        createPerson(person("Anar Mammadli", "AZ"));

        SearchPersonsResponse found = search(query);

        assertFalse(found.getMatchesList().isEmpty(), "nothing found for " + query);
        PersonMatch first = found.getMatches(0);
        assertEquals(ibadoglu, first.getPerson());
        assertTrue(first.getScore() > 0 && first.getScore() <= 1, "score " + first.getScore());
        assertEquals(List.of("Gubad Ibadoglu"), names(found), "only the demo person matches " + query);
        assertEquals("", found.getNextPageToken());
    }

    @Test
    void anUnrelatedPersonIsNotReturned() {
        createPerson(ibadoglu());
        Person mammadli = createPerson(person("Anar Mammadli", "AZ"));

        assertFalse(names(search("Ibadoglu")).contains("Anar Mammadli"));
        assertEquals(List.of(mammadli), search("Mammadli").getMatchesList().stream().map(PersonMatch::getPerson).toList());
    }

    @Test
    void noMatchIsAnEmptyAnswerNotAnError() {
        createPerson(ibadoglu());

        SearchPersonsResponse found = search("Zzyzx Qwerty");
        assertEquals(0, found.getMatchesCount());
        assertEquals("", found.getNextPageToken());
    }

    @Test
    void theCloserNameRanksFirst() {
        // Recorded first, so a tie would put it first: only a better score can put Ibadoglu above it.
        createPerson(person("Ibadov Rashad", "AZ"));
        createPerson(person("Gubad Ibadoglu", "AZ"));

        List<PersonMatch> matches = search("Ibadoglu").getMatchesList();

        assertEquals("Gubad Ibadoglu", matches.get(0).getPerson().getDisplayName());
        for (int i = 1; i < matches.size(); i++) {
            assertEquals("Ibadov Rashad", matches.get(i).getPerson().getDisplayName());
            assertTrue(matches.get(i).getScore() < matches.get(0).getScore(), matches.toString());
        }
    }

    @Test
    void scoresNeverIncreaseDownTheList() {
        createPerson(person("Ibadov Rashad", "AZ"));
        createPerson(ibadoglu());
        createPerson(person("Gubad Ibadov", "AZ"));
        createPerson(person("Ibadoglu Gubadovich", "AZ"));

        List<PersonMatch> matches = search("Gubad Ibadoglu").getMatchesList();
        assertEquals("Gubad Ibadoglu", matches.get(0).getPerson().getDisplayName());
        for (int i = 1; i < matches.size(); i++) {
            assertTrue(matches.get(i).getScore() <= matches.get(i - 1).getScore(), matches.toString());
        }
    }

    @Test
    void pagesThroughEveryMatchOnceAndEndsWithAnEmptyToken() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(createPerson(person("Test Bayramov " + i, "AZ")).getName());
        }
        createPerson(ibadoglu());

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            SearchPersonsResponse page = persons.searchPersons(SearchPersonsRequest.newBuilder()
                    .setQuery("Bayramov").setPageSize(2).setPageToken(token).build());
            page.getMatchesList().forEach(m -> seen.add(m.getPerson().getName()));
            pageSizes.add(page.getMatchesCount());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 10);

        assertEquals(List.of(2, 2, 1), pageSizes);
        assertEquals("", token);
        // Equal scores: ties in the order the persons were recorded.
        assertEquals(created, seen);
    }

    @Test
    void pagingThroughMatchesOfDifferentScoresGivesTheOrderOfOnePage() {
        createPerson(person("Bayramli Test", "AZ"));
        createPerson(person("Leyla Bayramova", "AZ"));
        createPerson(person("Test Bayramov 1", "AZ"));
        createPerson(person("Test Bayramov 2", "AZ"));
        SearchPersonsResponse onePage = search("Bayramov");
        List<Float> scores = onePage.getMatchesList().stream().map(PersonMatch::getScore).distinct().toList();
        assertTrue(scores.size() >= 3, "the walk should cross scores, got " + onePage);

        List<PersonMatch> walked = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            SearchPersonsResponse page = persons.searchPersons(SearchPersonsRequest.newBuilder()
                    .setQuery("Bayramov").setPageSize(1).setPageToken(token).build());
            walked.addAll(page.getMatchesList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 10);

        assertEquals(onePage.getMatchesList(), walked);
        assertEquals("Test Bayramov 1", walked.get(0).getPerson().getDisplayName());
        assertEquals("Test Bayramov 2", walked.get(1).getPerson().getDisplayName());
    }

    @Test
    void aPageThatEndsExactlyAtTheLastMatchHasNoNextToken() {
        for (int i = 1; i <= 2; i++) {
            createPerson(person("Test Bayramov " + i, "AZ"));
        }

        SearchPersonsResponse page = persons.searchPersons(SearchPersonsRequest.newBuilder()
                .setQuery("Bayramov").setPageSize(2).build());
        assertEquals(2, page.getMatchesCount());
        assertEquals("", page.getNextPageToken());
    }

    @Test
    void aQueryOfOneCharacterIsInvalid() {
        createPerson(ibadoglu());

        failsOnFields(() -> search("I"), "query");
        failsOnFields(() -> search("  I  "), "query");
        failsOnFields(() -> search(""), "query");
        failsOnFields(() -> search("x".repeat(201)), "query");
    }

    @Test
    void aPageTokenFromAnotherQueryIsInvalid() {
        for (int i = 1; i <= 3; i++) {
            createPerson(person("Test Bayramov " + i, "AZ"));
        }
        String token = persons.searchPersons(SearchPersonsRequest.newBuilder()
                .setQuery("Bayramov").setPageSize(1).build()).getNextPageToken();
        assertFalse(token.isEmpty());

        failsOnFields(() -> persons.searchPersons(SearchPersonsRequest.newBuilder()
                .setQuery("Ibadoglu").setPageSize(1).setPageToken(token).build()), "page_token");
        failsOnFields(() -> persons.searchPersons(SearchPersonsRequest.newBuilder()
                .setQuery("Bayramov").setPageSize(1).setPageToken("not a token!").build()), "page_token");
    }

    @Test
    void aNegativePageSizeIsInvalid() {
        failsOnFields(() -> persons.searchPersons(SearchPersonsRequest.newBuilder()
                .setQuery("Ibadoglu").setPageSize(-1).build()), "page_size");
    }

    // --- ListPersons ---

    private ListPersonsResponse list(ListPersonsRequest.Builder request) {
        return persons.listPersons(request.build());
    }

    @Test
    void listsOnlyPersonsWithTheCitizenshipAskedFor() {
        Person ibadoglu = createPerson(ibadoglu());
        createPerson(person("Nino Lomadze", "GE"));
        Person mammadli = createPerson(person("Anar Mammadli", "AZ"));

        assertEquals(List.of(ibadoglu, mammadli),
                list(ListPersonsRequest.newBuilder().setCitizenship("AZ")).getPersonsList());
        assertEquals(List.of("Nino Lomadze"), list(ListPersonsRequest.newBuilder().setCitizenship("GE"))
                .getPersonsList().stream().map(Person::getDisplayName).toList());
        assertEquals(List.of(), list(ListPersonsRequest.newBuilder().setCitizenship("AM")).getPersonsList());
        assertEquals(3, list(ListPersonsRequest.newBuilder()).getPersonsCount());
    }

    @Test
    void listsOnlyPersonsDetainedByTheCountryAskedFor() {
        Person ibadoglu = createPerson(ibadoglu());
        createPerson(person("Anar Mammadli", "AZ"));
        createDetention(Fixtures.arrest(ibadoglu.getName(), date(2023, 7, 23)));

        assertEquals(List.of(ibadoglu),
                list(ListPersonsRequest.newBuilder().setDetainingCountry("AZ")).getPersonsList());
        assertEquals(List.of(), list(ListPersonsRequest.newBuilder().setDetainingCountry("GE")).getPersonsList());
        assertEquals(List.of(ibadoglu), list(ListPersonsRequest.newBuilder()
                .setCitizenship("AZ").setDetainingCountry("AZ")).getPersonsList());
    }

    @Test
    void pagesThroughPersonsOneAtATimeInRecordingOrder() {
        List<Person> created = List.of(createPerson(ibadoglu()), createPerson(person("Anar Mammadli", "AZ")),
                createPerson(person("Nino Lomadze", "GE")));

        List<Person> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListPersonsResponse page = list(ListPersonsRequest.newBuilder().setPageSize(1).setPageToken(token));
            assertTrue(page.getPersonsCount() <= 1);
            seen.addAll(page.getPersonsList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 10);

        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void aPageTokenIsOnlyGoodWithTheSameFilters() {
        createPerson(ibadoglu());
        createPerson(person("Anar Mammadli", "AZ"));
        String token = list(ListPersonsRequest.newBuilder().setPageSize(1).setCitizenship("AZ")).getNextPageToken();
        assertFalse(token.isEmpty());

        failsOnFields(() -> list(ListPersonsRequest.newBuilder().setPageSize(1).setPageToken(token)), "page_token");
    }

    @Test
    void aCountryThatIsNotAnIsoCodeIsInvalid() {
        failsOnFields(() -> list(ListPersonsRequest.newBuilder().setCitizenship("XX")), "citizenship");
        failsOnFields(() -> list(ListPersonsRequest.newBuilder().setCitizenship("az")), "citizenship");
        failsOnFields(() -> list(ListPersonsRequest.newBuilder().setCitizenship("AZE")), "citizenship");
        failsOnFields(() -> list(ListPersonsRequest.newBuilder().setDetainingCountry("XX")), "detaining_country");
        failsOnFields(() -> list(ListPersonsRequest.newBuilder().setPageSize(-1)), "page_size");
    }
}
