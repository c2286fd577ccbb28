package io.habeas.gateway.timeline;

import io.habeas.common.v1.PartialDate;
import io.habeas.gateway.api.DateView;
import io.habeas.gateway.rest.ApiProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Partial dates, ordered as the services order their feeds: by the last day the date can be,
 * then finer before coarser ("23 July 2023", then "July 2023", then "2023").
 */
public final class Dates {

    private static final Pattern PARAM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private Dates() {
    }

    public static boolean isSet(PartialDate date) {
        return date != null && date.getYear() != 0;
    }

    /** The last day the date can be; a missing date sorts after every real one. */
    public static LocalDate sortKey(PartialDate date) {
        if (!isSet(date)) {
            return LocalDate.MAX;
        }
        if (date.getMonth() == 0) {
            return LocalDate.of(date.getYear(), 12, 31);
        }
        if (date.getDay() == 0) {
            return YearMonth.of(date.getYear(), date.getMonth()).atEndOfMonth();
        }
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    /** A day (0) before a month (1) before a year (2). */
    public static int precisionRank(PartialDate date) {
        if (!isSet(date) || date.getMonth() == 0) {
            return 2;
        }
        return date.getDay() == 0 ? 1 : 0;
    }

    public static String precision(PartialDate date) {
        return switch (precisionRank(date)) {
            case 0 -> "day";
            case 1 -> "month";
            default -> "year";
        };
    }

    public static String value(PartialDate date) {
        return switch (precisionRank(date)) {
            case 0 -> String.format("%04d-%02d-%02d", date.getYear(), date.getMonth(), date.getDay());
            case 1 -> String.format("%04d-%02d", date.getYear(), date.getMonth());
            default -> String.format("%04d", date.getYear());
        };
    }

    /** "23 July 2023", "July 2023", "2023". */
    public static String label(PartialDate date) {
        String month = date.getMonth() == 0 ? ""
                : java.time.Month.of(date.getMonth()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return switch (precisionRank(date)) {
            case 0 -> date.getDay() + " " + month + " " + date.getYear();
            case 1 -> month + " " + date.getYear();
            default -> Integer.toString(date.getYear());
        };
    }

    public static DateView view(PartialDate date) {
        if (!isSet(date)) {
            return null;
        }
        return new DateView(value(date), precision(date), label(date));
    }

    /** Parses a request parameter: "2023", "2023-07" or "2023-07-23"; a 400 naming it otherwise. */
    public static PartialDate parse(String param, String text) {
        Matcher m = PARAM.matcher(text.trim());
        if (!m.matches()) {
            throw ApiProblem.badParam(param, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        try {
            if (month != 0) {
                YearMonth.of(year, month);
            }
            if (day != 0) {
                LocalDate.of(year, month, day);
            }
        } catch (DateTimeException e) {
            throw ApiProblem.badParam(param, "is not a calendar date: " + text.trim());
        }
        if (year < 1900) {
            throw ApiProblem.badParam(param, "must not be before 1900");
        }
        return PartialDate.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    /** The first day a date can be. */
    public static LocalDate earliest(PartialDate date) {
        return LocalDate.of(date.getYear(), date.getMonth() == 0 ? 1 : date.getMonth(),
                date.getDay() == 0 ? 1 : date.getDay());
    }
}
