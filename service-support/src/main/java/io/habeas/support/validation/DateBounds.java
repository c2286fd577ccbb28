package io.habeas.support.validation;

import io.habeas.common.v1.DateRange;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.kernel.time.PartialDate;
import java.time.LocalDate;
import java.util.Map;

/** A date range filter; either end may be open. It keeps the dates whose period overlaps it. */
@CrossFieldChecked
public record DateBounds(@ValidPartialDate PartialDate start, @ValidPartialDate PartialDate end) implements CrossFieldRules {
    public static final DateBounds ANY = new DateBounds(null, null);

    /** The request's range; an absent range, or an absent end, is open. */
    public static DateBounds of(DateRange range) {
        return new DateBounds(range.hasStart() ? CommonProtos.date(range.getStart()) : null,
                range.hasEnd() ? CommonProtos.date(range.getEnd()) : null);
    }

    /** Keep dates whose last day is on or after this. */
    public LocalDate from() {
        return start == null ? null : start.earliest();
    }

    /** Keep dates whose first day is on or before this. */
    public LocalDate to() {
        return end == null ? null : end.latest();
    }

    /** Some day the period can be lies within the range. */
    public boolean overlaps(PartialDate period) {
        return (start == null || !period.latest().isBefore(from())) && (end == null || !period.earliest().isAfter(to()));
    }

    @Override
    public Map<String, String> brokenRules() {
        try {
            if (start != null && end != null && start.earliest().isAfter(end.latest())) {
                return Map.of("end", "must not be before start");
            }
        } catch (RuntimeException e) {
            return Map.of(); // an impossible date is reported by its own constraint
        }
        return Map.of();
    }
}
