package io.habeas.support.records;

import io.habeas.support.validation.ValidPartialDate;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date known to a year, a month or a day, as its source gives it. A null month or day is
 * unknown; no day is ever invented. Its period runs from {@link #earliest()} to {@link #latest()}.
 */
@Embeddable
@ValidPartialDate
public record PartialDate(Integer year, Integer month, Integer day) {

    public enum Precision { YEAR, MONTH, DAY }

    public static PartialDate of(int year, int month, int day) {
        return new PartialDate(year, month == 0 ? null : month, day == 0 ? null : day);
    }

    public Precision precision() {
        return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    /**
     * Timelines order dates by the last day of their period, then finer before coarser:
     * "23 July 2023", then "July 2023", then "2023". A date known only to its month comes
     * after the known days of that month, since it may be any of them up to the last.
     */
    public LocalDate sortKey() {
        return latest();
    }

    /** Breaks ties of {@link #sortKey()}: a day (0) before a month (1) before a year (2). */
    public short precisionRank() {
        return (short) (Precision.DAY.ordinal() - precision().ordinal());
    }

    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    public LocalDate latest() {
        if (day != null) {
            return earliest();
        }
        return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }

    /** Certainly before the other date: every day this can be precedes every day the other can be. */
    public boolean certainlyBefore(PartialDate other) {
        return latest().isBefore(other.earliest());
    }

    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }
}
