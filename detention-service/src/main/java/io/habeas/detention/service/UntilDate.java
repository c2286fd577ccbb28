package io.habeas.detention.service;

import io.habeas.kernel.time.PartialDate;
import java.util.Map;

/** The rule of a record that runs from occurred_on until an until_date: custody events, incidents. */
final class UntilDate {
    private UntilDate() {
    }

    /**
     * An until_date before occurred_on, as a broken rule naming untilDate. Periods are compared whole,
     * as everywhere: an end in "July 2023" may close an event of 23 July 2023.
     */
    static Map<String, String> brokenRule(PartialDate occurredOn, PartialDate untilDate) {
        try {
            if (occurredOn != null && untilDate != null && untilDate.certainlyBefore(occurredOn)) {
                return Map.of("untilDate", "must not be before occurred_on");
            }
        } catch (RuntimeException e) {
            return Map.of(); // an impossible date is reported by its own constraint
        }
        return Map.of();
    }
}
