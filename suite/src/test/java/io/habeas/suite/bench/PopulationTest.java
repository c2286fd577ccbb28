package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationTest {
    private static final int PERSONS = 10_000;
    private final Population population = new Population(15);

    @Test
    void theSameSeedAndIndexMakeTheSameRecordInAnyOrder() {
        ImportRecord later = new Population(15).record(7_777);
        new Population(15).record(3);
        assertEquals(later, population.record(7_777));
        assertNotEquals(later, new Population(16).record(7_777));
        assertNotEquals(population.record(1), population.record(2));
    }

    @Test
    void aFewCountriesHoldMostCases() {
        Map<String, Integer> byCountry = new HashMap<>();
        for (int i = 0; i < PERSONS; i++) {
            String country = population.record(i).getDetentions(0).getDetention().getDetainingCountry();
            assertEquals(country, population.country(i), "country(i) must match the record");
            byCountry.merge(country, 1, Integer::sum);
        }
        List<Integer> sizes = byCountry.values().stream().sorted((a, b) -> b - a).toList();
        int topThree = sizes.get(0) + sizes.get(1) + sizes.get(2);
        assertTrue(topThree > PERSONS / 2, "the three largest countries hold " + topThree);
        assertTrue(byCountry.size() > 20, "the long tail is there too: " + byCountry.size() + " countries");
        assertEquals(sizes.get(0), byCountry.get(Population.COUNTRIES.get(0)), "the first country holds the most");
    }

    @Test
    void aboutTenEventsAndChargesPerPersonWithAFewHavingHundreds() {
        long eventsAndCharges = 0;
        int overHundred = 0;
        int most = 0;
        for (int i = 0; i < PERSONS; i++) {
            int events = 0;
            for (ImportDetention d : population.record(i).getDetentionsList()) {
                events += d.getCustodyEventsCount();
                eventsAndCharges += d.getCustodyEventsCount() + d.getChargesCount();
            }
            most = Math.max(most, events);
            overHundred += events > 100 ? 1 : 0;
        }
        double mean = (double) eventsAndCharges / PERSONS;
        assertTrue(mean > 8 && mean < 12, "mean events and charges per person " + mean);
        assertTrue(overHundred > 10 && overHundred < 200, overHundred + " persons with over a hundred events");
        assertTrue(most >= 200 && most <= Population.MAX_EVENTS, "the most events of one person: " + most);
    }

    @Test
    void datesComeAtEveryPrecisionAndRecordsAtEveryAccessLevel() {
        Set<String> precisions = new HashSet<>();
        Set<AccessLevel> personLevels = EnumSet.noneOf(AccessLevel.class);
        Set<AccessLevel> eventLevels = EnumSet.noneOf(AccessLevel.class);
        for (int i = 0; i < 2_000; i++) {
            ImportRecord record = population.record(i);
            personLevels.add(record.getPerson().getAccessLevel());
            for (ImportDetention d : record.getDetentionsList()) {
                precisions.add(precision(d.getDetention().getStartDate()));
                for (ImportCustodyEvent e : d.getCustodyEventsList()) {
                    precisions.add(precision(e.getCustodyEvent().getOccurredOn()));
                    eventLevels.add(e.getCustodyEvent().getAccessLevel());
                }
            }
        }
        assertEquals(Set.of("year", "month", "day"), precisions);
        assertEquals(EnumSet.of(AccessLevel.ACCESS_LEVEL_PUBLIC, AccessLevel.ACCESS_LEVEL_RESTRICTED,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL), personLevels);
        assertTrue(eventLevels.containsAll(EnumSet.of(AccessLevel.ACCESS_LEVEL_UNSPECIFIED, AccessLevel.ACCESS_LEVEL_RESTRICTED,
                AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)), eventLevels.toString());
    }

    @Test
    void everyPersonHasItsOwnExternalIdAndEveryRecordUnderItAKey() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ImportRecord record = population.record(i);
            assertEquals(Population.SCHEME, record.getPerson().getExternalIds(0).getScheme());
            assertTrue(ids.add(record.getPerson().getExternalIds(0).getValue()));
            for (ImportDetention d : record.getDetentionsList()) {
                assertTrue(!d.getImportKey().isEmpty());
                d.getCustodyEventsList().forEach(e -> assertTrue(!e.getImportKey().isEmpty()));
                d.getChargesList().forEach(c -> assertTrue(!c.getImportKey().isEmpty()));
            }
        }
    }

    @Test
    void aReleaseIsTheLastEventAndNothingIsDatedInTheFuture() {
        for (int i = 0; i < 3_000; i++) {
            for (ImportDetention d : population.record(i).getDetentionsList()) {
                List<ImportCustodyEvent> events = d.getCustodyEventsList();
                for (int e = 0; e < events.size(); e++) {
                    CustodyEventType type = events.get(e).getCustodyEvent().getType();
                    assertTrue(type != CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE || e == events.size() - 1);
                    PartialDate on = events.get(e).getCustodyEvent().getOccurredOn();
                    assertTrue(on.getYear() <= 2026, "event in " + on.getYear());
                }
            }
        }
    }

    @Test
    void aDateInsideACoarseStartsPeriodTakesTheStartsDate() {
        PartialDate year = PartialDate.newBuilder().setYear(2020).build();
        PartialDate month = PartialDate.newBuilder().setYear(2020).setMonth(5).build();
        PartialDate proposed = PartialDate.newBuilder().setYear(2020).setMonth(5).setDay(3).build();
        assertEquals(year, Population.notBefore(year, LocalDate.of(2020, 5, 3), proposed));
        assertEquals(month, Population.notBefore(month, LocalDate.of(2020, 5, 3), proposed));
        assertEquals(proposed, Population.notBefore(month, LocalDate.of(2020, 6, 3), proposed));
        assertEquals(proposed, Population.notBefore(proposed, LocalDate.of(2020, 5, 3), proposed));
    }

    @Test
    void theSearchTermMatchesSomePersonsButNotMost() {
        String term = population.searchTerm();
        long matching = 0;
        for (int i = 0; i < PERSONS; i++) {
            matching += population.record(i).getPerson().getDisplayName().contains(term) ? 1 : 0;
        }
        assertTrue(matching > 0 && matching < PERSONS / 20, matching + " persons named " + term);
    }

    private static String precision(PartialDate date) {
        return date.getDay() != 0 ? "day" : date.getMonth() != 0 ? "month" : "year";
    }
}
