package io.habeas.gateway.view;

import io.habeas.gateway.api.DateView;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.kernel.time.PartialDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** Partial dates as dashboards show them: value "2023-07", precision "month", label "July 2023". */
public final class DateViews {

    private DateViews() {
    }

    /** null when the message has no date (year 0). */
    public static DateView of(io.habeas.common.v1.PartialDate date) {
        return of(CommonProtos.optionalDate(date));
    }

    public static DateView of(PartialDate date) {
        if (date == null) {
            return null;
        }
        return new DateView(date.toString(), date.precision().name().toLowerCase(Locale.ROOT), label(date));
    }

    /** "23 July 2023", "July 2023", "2023". */
    public static String label(PartialDate date) {
        return switch (date.precision()) {
            case DAY -> date.day() + " " + monthName(date) + " " + date.year();
            case MONTH -> monthName(date) + " " + date.year();
            case YEAR -> Integer.toString(date.year());
        };
    }

    private static String monthName(PartialDate date) {
        return Month.of(date.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
