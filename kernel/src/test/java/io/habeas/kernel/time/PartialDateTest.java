package io.habeas.kernel.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.kernel.time.PartialDate.Precision;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartialDateTest {
    private static List<String> problems(PartialDate date) {
        return date.problem().stream().toList();
    }

    private static PartialDate date(Integer year, Integer month, Integer day) {
        return new PartialDate(year, month, day);
    }

    // --- what may be recorded ---

    @ParameterizedTest(name = "{0}-{1}-{2} is valid")
    @CsvSource(nullValues = "-", value = {
            "2023, -,  -",  // a year only: "in 2023"
            "2023, 7,  -",  // a month: "in July 2023"
            "2023, 7,  23", // a day
            "2024, 2,  29", // a leap day
            "2000, 2,  29", // divisible by 400: a leap year
            "1900, 1,  1",  // the first day accepted
            "1900, -,  -",
            "2023, 12, 31",
            "2023, 4,  30",
    })
    void acceptsDatesThatExist(Integer year, Integer month, Integer day) {
        assertEquals(List.of(), problems(date(year, month, day)));
    }

    @ParameterizedTest(name = "{0}-{1}-{2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "2023, 2,  29, 2023-02-29 does not exist",
            "1900, 2,  29, 1900-02-29 does not exist", // divisible by 100, not by 400: no leap day
            "2023, 2,  30, 2023-02-30 does not exist",
            "2023, 4,  31, 2023-04-31 does not exist",
            "2023, 1,  32, 2023-01-32 does not exist",
            "2023, 13, -,  'month must be 1 to 12, or 0 when unknown'",
            "2023, 13, 1,  'month must be 1 to 12, or 0 when unknown'",
            "2023, -1, -,  'month must be 1 to 12, or 0 when unknown'",
            "2023, -,  5,  a day needs a month",
            "1899, -,  -,  year must be 1900 or later",
            "1899, 12, 31, year must be 1900 or later",
            "0,    -,  -,  year must be 1900 or later",
            "-,    7,  23, year must be 1900 or later",
    })
    void rejectsDatesThatDoNotExistWithTheReason(Integer year, Integer month, Integer day, String problem) {
        assertEquals(List.of(problem), problems(date(year, month, day)));
    }

    @Test
    void rejectsADayThatExistsButHasNotComeYet() {
        // Tomorrow may already be today somewhere (UTC+14), which the validator allows; two days later is not.
        LocalDate future = LocalDate.now().plusDays(1).plusDays(2);
        PartialDate date = PartialDate.of(future.getYear(), future.getMonthValue(), future.getDayOfMonth());

        assertEquals(List.of(date + " is in the future"), problems(date));
    }

    @Test
    void rejectsAMonthAndAYearThatHaveNotBegun() {
        LocalDate nextYear = LocalDate.now().plusYears(1);
        assertEquals(List.of(nextYear.getYear() + " is in the future"), problems(date(nextYear.getYear(), null, null)));

        LocalDate inTwoMonths = LocalDate.now().plusMonths(2);
        PartialDate month = date(inTwoMonths.getYear(), inTwoMonths.getMonthValue(), null);
        assertEquals(List.of(month + " is in the future"), problems(month));
    }

    @Test
    void acceptsTodayAndTheCurrentMonthAndYear() {
        LocalDate today = LocalDate.now();
        assertEquals(List.of(), problems(PartialDate.of(today.getYear(), today.getMonthValue(), today.getDayOfMonth())));
        assertEquals(List.of(), problems(date(today.getYear(), today.getMonthValue(), null)));
        assertEquals(List.of(), problems(date(today.getYear(), null, null)));
    }

    // --- the period a partial date stands for ---

    @ParameterizedTest(name = "{0}-{1}-{2} is {3}, from {4} to {5}")
    @CsvSource(nullValues = "-", value = {
            "2023, -,  -,  YEAR,  2023-01-01, 2023-12-31",
            "2023, 7,  -,  MONTH, 2023-07-01, 2023-07-31",
            "2024, 2,  -,  MONTH, 2024-02-01, 2024-02-29",
            "2023, 2,  -,  MONTH, 2023-02-01, 2023-02-28",
            "2023, 4,  -,  MONTH, 2023-04-01, 2023-04-30",
            "2023, 7,  23, DAY,   2023-07-23, 2023-07-23",
            "2024, 4,  22, DAY,   2024-04-22, 2024-04-22",
    })
    void spansItsWholeYearMonthOrDay(Integer year, Integer month, Integer day, Precision precision,
            LocalDate earliest, LocalDate latest) {
        PartialDate date = date(year, month, day);
        assertEquals(precision, date.precision());
        assertEquals(earliest, date.earliest());
        assertEquals(latest, date.latest());
    }

    @Test
    void zeroMonthAndDayFromTheWireMeanUnknownNotTheFirst() {
        assertEquals(date(2023, 7, null), PartialDate.of(2023, 7, 0));
        assertEquals(Precision.MONTH, PartialDate.of(2023, 7, 0).precision());
        assertEquals(date(2023, null, null), PartialDate.of(2023, 0, 0));
        assertEquals(Precision.YEAR, PartialDate.of(2023, 0, 0).precision());
    }

    @Test
    void showsOnlyThePrecisionItHas() {
        assertEquals("2023", date(2023, null, null).toString());
        assertEquals("2023-07", date(2023, 7, null).toString());
        assertEquals("2023-07-23", date(2023, 7, 23).toString());
    }

    @Test
    void sortKeyIsTheLastDayAndPrecisionRankPutsDaysBeforeMonthsBeforeYears() {
        assertEquals(java.time.LocalDate.of(2023, 7, 31), date(2023, 7, null).sortKey());
        assertEquals(java.time.LocalDate.of(2023, 12, 31), date(2023, null, null).sortKey());
        assertTrue(date(2023, 12, 31).precisionRank() < date(2023, 12, null).precisionRank());
        assertTrue(date(2023, 12, null).precisionRank() < date(2023, null, null).precisionRank());
    }

    // --- certainlyBefore: every day one can be precedes every day the other can be ---

    @Test
    void aMonthAndADayInsideItAreNotCertainlyOrderedEitherWay() {
        PartialDate july = date(2023, 7, null);
        PartialDate arrest = date(2023, 7, 23);

        assertFalse(july.certainlyBefore(arrest));
        assertFalse(arrest.certainlyBefore(july));
    }

    @Test
    void aMonthIsCertainlyBeforeTheFirstDayOfTheNextMonth() {
        assertTrue(date(2023, 6, null).certainlyBefore(date(2023, 7, 1)));
        assertFalse(date(2023, 7, 1).certainlyBefore(date(2023, 6, null)));
    }

    @Test
    void aMonthIsNotCertainlyBeforeItsOwnLastDay() {
        assertFalse(date(2023, 6, null).certainlyBefore(date(2023, 6, 30)));
        assertTrue(date(2023, 6, 29).certainlyBefore(date(2023, 6, 30)));
    }

    @Test
    void aDayIsNotCertainlyBeforeItself() {
        assertFalse(date(2023, 7, 23).certainlyBefore(date(2023, 7, 23)));
    }

    @Test
    void aYearOverlapsEachOfItsMonthsAndPrecedesTheNextYear() {
        PartialDate year = date(2023, null, null);

        assertFalse(year.certainlyBefore(date(2023, 12, null)));
        assertFalse(date(2023, 1, null).certainlyBefore(year));
        assertTrue(year.certainlyBefore(date(2024, 1, 1)));
        assertTrue(date(2022, 12, 31).certainlyBefore(year));
    }
}
