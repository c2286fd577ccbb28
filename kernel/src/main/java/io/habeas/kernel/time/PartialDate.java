package io.habeas.kernel.time;

import io.habeas.kernel.errors.InvalidArgumentException;
import jakarta.persistence.Embeddable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to a year, a month or a day, as its source gives it. A null month or day is
 * unknown; no day is ever invented. Its period runs from {@link #earliest()} to {@link #latest()}.
 * The services store it embedded (year, month and day columns).
 */
@Embeddable
public record PartialDate(Integer year, Integer month, Integer day) {

    public enum Precision { YEAR, MONTH, DAY }

    public static final int FIRST_YEAR = 1900;

    /**
     * Timeline order: by the last day of the period, then finer before coarser: "23 July 2023",
     * then "July 2023", then "2023". A date known only to its month comes after the known days of
     * that month, since it may be any of them up to the last.
     */
    public static final Comparator<PartialDate> TIMELINE_ORDER =
            Comparator.comparing(PartialDate::sortKey).thenComparingInt(PartialDate::precisionRank);

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    /** The first time zone to reach a date: a date that is today anywhere is not in the future. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** From the wire form, where 0 means an unknown month or day. */
    public static PartialDate of(int year, int month, int day) {
        return new PartialDate(year, month == 0 ? null : month, day == 0 ? null : day);
    }

    /** "2023", "2023-07" or "2023-07-23", checked as {@link #problem()} checks; INVALID_ARGUMENT naming the field otherwise. */
    public static PartialDate parse(String text, String field) {
        Matcher m = ISO.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw InvalidArgumentException.of(field, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        PartialDate date = of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        if (m.group(2) != null && date.month == null || m.group(3) != null && date.day == null) {
            throw InvalidArgumentException.of(field, "is not a calendar date: " + text.strip());
        }
        date.problem().ifPresent(problem -> {
            throw InvalidArgumentException.of(field, problem);
        });
        return date;
    }

    /** What makes this date impossible to record, if anything: before 1900, off the calendar, or in the future. */
    public Optional<String> problem() {
        if (year == null || year < FIRST_YEAR) {
            return Optional.of("year must be " + FIRST_YEAR + " or later");
        }
        if (day != null && month == null) {
            return Optional.of("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            return Optional.of("month must be 1 to 12, or 0 when unknown");
        }
        LocalDate first;
        try {
            first = earliest();
        } catch (DateTimeException e) {
            return Optional.of(this + " does not exist");
        }
        if (first.isAfter(LocalDate.now(EARLIEST_ZONE))) {
            return Optional.of(this + " is in the future");
        }
        return Optional.empty();
    }

    public Precision precision() {
        return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    /** The first key of {@link #TIMELINE_ORDER}: the last day the date can be. */
    public LocalDate sortKey() {
        return latest();
    }

    /** The second key of {@link #TIMELINE_ORDER}: a day (0) before a month (1) before a year (2). */
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

    /** "2023", "2023-07" or "2023-07-23": the form {@link #parse} reads. */
    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }
}
