package io.habeas.gateway.api;

/**
 * A partial date as a dashboard shows it: value "2023-07", precision "month", label "July 2023".
 * No day is ever invented for a date its source gives only to the month or year.
 */
public record DateView(String value, String precision, String label) {
}
