package io.habeas.statement.service;

import io.habeas.kernel.time.PartialDate;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.ValidPartialDate;
import java.time.LocalDate;
import java.util.Map;

/** A date range filter; either end may be open. It keeps the dates whose period overlaps it. */
@CrossFieldChecked
public record DateBounds(@ValidPartialDate PartialDate start, @ValidPartialDate PartialDate end) implements CrossFieldRules {
    public static final DateBounds ANY = new DateBounds(null, null);

    /** Keep dates whose last day is on or after this. */
    public LocalDate from() {
        return start == null ? null : start.earliest();
    }

    /** Keep dates whose first day is on or before this. */
    public LocalDate to() {
        return end == null ? null : end.latest();
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

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
